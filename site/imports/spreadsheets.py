"""Projects, payments and policies from an XLSX or CSV file, as the same document the JSON import reads.

Each sheet (XLSX) or the file (CSV) holds one list: a header row, then one
record per row. A header is either the JSON key (`code`, `title`, …) or its
Chinese name (项目编号、项目名称…). Choice columns take the key (`implementation`)
or the Chinese label (项目实施, also 实施). Tags and topics are separated by
、 , ; in one cell. The list is found from the sheet name (projects/项目,
payments/资金拨付, policies/政策) or, failing that, from the headers; a sheet named 说明 is left
for people to read.

A project row carries its stage dates in one column per stage (征集日期 …
评估结果公示日期) and its participating forces in one cell (参与力量:
“志愿者队伍：阳光志愿者队；辖区企业：某某超市”). An empty cell means none; a
column left out of the sheet leaves the record's own, as leaving out 项目详情
(the body, which the admin may have given headings and images a cell cannot
hold) does. Text an export made safe from formulas (a leading apostrophe) comes
back as it was.
"""

import csv
import datetime
import io
import re
from dataclasses import dataclass, field

import openpyxl

from shegong.exports import FORMULA_PREFIXES
from shegong.funds.models import PaymentKind
from shegong.pages.enums import ParticipantKind, PolicyLevel, PolicyStatus, ProjectStage

HEADERS = {
    "projects": {
        "code": ["项目编号", "编号"],
        "title": ["项目名称", "名称"],
        "category": ["类别", "项目类别"],
        "purchaser": ["购买部门"],
        "organization": ["承接组织", "承接社会组织", "社会组织"],
        "street": ["街道", "街道（乡镇）"],
        "community": ["社区", "社区（村）"],
        "budget": ["预算", "项目预算", "预算（元）", "项目预算（元）"],
        "start": ["开始日期", "服务期开始"],
        "end": ["结束日期", "服务期结束"],
        "stage": ["阶段", "当前阶段"],
        "social_worker": ["项目社工"],
        "summary": ["项目简介", "简介"],
        "body": ["项目详情", "正文"],
        "tags": ["标签"],
        "participants": ["参与力量", "参与方"],
        **{
            f"stage_dates.{stage.value}": [f"{stage.label.removeprefix('项目')}日期", f"{stage.label}日期"]
            for stage in ProjectStage
        },
        "stage_reason": ["阶段变更理由"],
        "organization_credit_code": ["承接组织统一社会信用代码", "承接组织信用代码"],
        "publication": ["发布状态"],
        "duplicate_reason": ["重复确认理由"],
    },
    "payments": {
        "project": ["项目编号", "编号"],
        "paid_on": ["拨付日期"],
        "kind": ["拨付类型"],
        "amount": ["金额（元）", "拨付金额（元）", "金额"],
        "voucher_number": ["凭证号"],
        "note": ["说明", "备注"],
        "override_reason": ["放行理由"],
        # Read, never written: the payments export carries them for people (the project's name, the title of the
        # voucher document attached in the admin), and the import knows a payment without them.
        "project_title": ["项目名称"],
        "voucher_document": ["拨付凭证"],
    },
    "policies": {
        "document_number": ["文号"],
        "title": ["标题", "政策名称", "文件名称"],
        "level": ["层级", "级别"],
        "issuer": ["发文机关", "发布机关"],
        "issued_on": ["发布日期", "印发日期"],
        "effective_on": ["施行日期", "生效日期"],
        "status": ["效力状态", "状态"],
        "summary": ["摘要", "简介"],
        "body": ["正文"],
        "topics": ["主题", "主题词"],
        "publication": ["发布状态"],
    },
}
SHEET_NAMES = {
    "projects": ["projects", "项目", "服务项目"],
    "payments": ["payments", "资金拨付", "拨付"],
    "policies": ["policies", "政策", "政策法规"],
}
NOTES_SHEET = "说明"
# Columns an import reads past (see HEADERS["payments"]): not in the blank template.
READ_ONLY = {"project_title", "voucher_document"}
CHOICES = {"stage": ProjectStage, "level": PolicyLevel, "status": PolicyStatus, "kind": PaymentKind}
LISTS = {"tags", "topics"}
STAGE_DATES = {f"stage_dates.{stage}" for stage in ProjectStage.values}
DATES = {"start", "end", "issued_on", "effective_on", "paid_on", *STAGE_DATES}
# What an empty cell says in columns where it is not "no text": no participants, no tags.
EMPTY_CELLS = {"participants": [], "tags": [], "topics": []}
# 2022-3-1, 2022/3/1, 2022.3.1 and 2022年3月1日, as people type dates into a cell.
DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
LIST_SEPARATORS = re.compile(r"[、,，;；]")
# One participating force per line (Alt+Enter in Excel) or between semicolons, as “类型：名称”.
PARTICIPANT_SEPARATORS = re.compile(r"[;；\n]")
PARTICIPANT = re.compile(r"^\s*(?:(?P<kind>[^:：]*?)\s*[:：])?\s*(?P<name>.*?)\s*$", re.S)


class SpreadsheetError(Exception):
    """The file cannot be read as a spreadsheet of projects or policies; the message says why."""


@dataclass
class Spreadsheet:
    document: dict = field(default_factory=dict)
    # The spreadsheet row of each record, per list, so results can name the row a person sees.
    rows: dict = field(default_factory=dict)
    # {list: {key: header as written}}, so results can name the column a person sees.
    columns: dict = field(default_factory=dict)

    def row(self, section, index):
        return f"{SHEET_NAMES[section][1]} 第 {self.rows[section][index]} 行"

    def field(self, section, key):
        """The column as the sheet heads it, or as the template would when the sheet has no such column."""
        names = HEADERS[section].get(key, [key])
        return f"“{self.columns.get(section, {}).get(key, names[0])}”"


def read_spreadsheet(name, data):
    """Read an uploaded or local file's bytes by its extension."""
    suffix = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix == "xlsx":
        return read_xlsx(data)
    if suffix == "csv":
        return read_csv(data)
    raise SpreadsheetError(f"不支持的文件类型“{name}”：请上传 .xlsx 或 .csv 文件。")


def read_xlsx(data):
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a damaged or foreign file
        raise SpreadsheetError(f"无法读取 Excel 文件（{type(error).__name__}）：请确认是 .xlsx 格式。") from None
    sheet = Spreadsheet()
    for worksheet in workbook.worksheets:
        if worksheet.title.strip() == NOTES_SHEET:
            continue
        rows = [list(row) for row in worksheet.iter_rows(values_only=True)]
        if not any(cell not in (None, "") for row in rows for cell in row):
            continue
        add_table(sheet, rows, worksheet.title)
    workbook.close()
    if not sheet.document:
        raise SpreadsheetError("Excel 文件中没有数据。")
    return sheet


def read_csv(data):
    # Excel in Chinese locales saves CSV as GB18030 (GBK); everything else writes UTF-8.
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise SpreadsheetError("CSV 文件编码无法识别：请另存为 UTF-8 编码。")
    rows = list(csv.reader(io.StringIO(text)))
    if not rows:
        raise SpreadsheetError("CSV 文件是空的。")
    sheet = Spreadsheet()
    add_table(sheet, rows, "")
    return sheet


def add_table(sheet, rows, sheet_name):
    header, records = rows[0], rows[1:]
    header = [str(cell).strip() if cell is not None else "" for cell in header]
    where = f"工作表“{sheet_name}”" if sheet_name else "CSV 文件"
    section = section_of(sheet_name, header)
    if section is None:
        raise SpreadsheetError(
            f"{where}：无法判断是项目、资金拨付还是政策。工作表请命名为“项目”“资金拨付”或“政策”，"
            "或在表头中包含“项目编号”“拨付日期”或“文号”。"
        )
    if section in sheet.document:
        raise SpreadsheetError(f"{where}：{SHEET_NAMES[section][1]}已在另一个工作表中出现。")
    keys = column_keys(section, header, where)
    sheet.document[section], sheet.rows[section] = [], []
    sheet.columns[section] = {key: name for key, name in zip(keys, header) if key}
    for line, values in enumerate(records, start=2):
        if all(value in (None, "") or (isinstance(value, str) and not value.strip()) for value in values):
            continue
        values = list(values) + [None] * (len(keys) - len(values))
        record = {}
        for key, value in zip(keys, values):
            if not key:
                continue
            if isinstance(value, str):
                value = unneutralised(value).strip()
            # A column the sheet has always says something: an empty cell is no value, not "keep the record's".
            record[key] = cell_value(key, value) if value not in (None, "") else EMPTY_CELLS.get(key)
        dates = {key.removeprefix("stage_dates."): record.pop(key) for key in keys if key in STAGE_DATES}
        if dates:
            record["stage_dates"] = dates
        sheet.document[section].append(record)
        sheet.rows[section].append(line)


def section_of(sheet_name, header):
    name = sheet_name.strip().lower()
    for section, names in SHEET_NAMES.items():
        if name in names:
            return section
    found = set(header)
    # A payments sheet names its project by 项目编号 too: its 拨付日期 tells it from a projects sheet.
    if found & {"paid_on", "拨付日期"}:
        return "payments"
    if found & {"code", "项目编号"}:
        return "projects"
    if found & {"document_number", "文号", "issuer", "发文机关"}:
        return "policies"
    return None


def column_keys(section, header, where):
    by_name = {}
    for key, names in HEADERS[section].items():
        for name in [key, *names]:
            by_name[name] = key
    keys, unknown = [], []
    for name in header:
        if name and name not in by_name:
            unknown.append(name)
        keys.append(by_name.get(name))
    if unknown:
        allowed = "、".join(f"{names[0]}（{key}）" for key, names in HEADERS[section].items())
        raise SpreadsheetError(f"{where}：无法识别的表头“{'”“'.join(unknown)}”。可用的表头：{allowed}")
    seen = [k for k in keys if k]
    duplicates = sorted({k for k in seen if seen.count(k) > 1})
    if duplicates:
        raise SpreadsheetError(f"{where}：表头重复：{'、'.join(duplicates)}")
    return keys


def unneutralised(value):
    """The text as it was before an export made it safe from spreadsheet formulas (shegong.exports.safe_cell)."""
    if value.startswith("'") and value[1:].startswith(FORMULA_PREFIXES):
        return value[1:]
    return value


def cell_value(key, value):
    """A cell as the JSON import expects it: text, ISO dates, lists, choice keys."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    value = str(value).strip()
    if key in LISTS:
        return [item.strip() for item in LIST_SEPARATORS.split(value) if item.strip()]
    if key == "participants":
        return participant_list(value)
    if key in CHOICES:
        return choice_key(CHOICES[key], value)
    if key in DATES and (match := DATE_TEXT.match(value)):
        year, month, day = (int(part) for part in match.groups())
        return f"{year:04d}-{month:02d}-{day:02d}"
    return value


def participant_list(value):
    """“志愿者队伍：阳光志愿者队；辖区企业：某某超市” as [{"kind", "name"}]; no type means 其他力量."""
    participants = []
    for entry in PARTICIPANT_SEPARATORS.split(value):
        if not entry.strip():
            continue
        match = PARTICIPANT.match(entry)
        kind = match.group("kind")
        participants.append(
            {
                "name": match.group("name"),
                "kind": choice_key(ParticipantKind, kind) if kind else ParticipantKind.OTHER.value,
            }
        )
    return participants


def choice_key(choices, value):
    """The key for a label; an unknown value passes through so the importer names the allowed ones."""
    for key, label in choices.choices:
        if value in (key, label, label.removeprefix("项目")):
            return key
    return value
