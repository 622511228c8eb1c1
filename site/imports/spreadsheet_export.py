"""The workbook the spreadsheet import reads: a blank template, or the existing projects to edit and re-import."""

import io

import openpyxl
from openpyxl.styles import Alignment, Font

from shegong.exports import safe_cell
from shegong.pages.enums import ParticipantKind

from .importer import page_publication
from .readers import PUBLICATION
from .spreadsheets import HEADERS, NOTES_SHEET, READ_ONLY, SHEET_NAMES

# Left out of an export: a cell cannot hold the body's headings and images (a sheet without the column
# keeps them), and a duplicate or a stage change is explained when it is imported, not carried over.
NOT_EXPORTED = {"body", "duplicate_reason", "stage_reason"}

NOTES = [
    "本表用于批量导入服务项目（“项目”工作表）、资金拨付（“资金拨付”工作表）和政策法规（“政策”工作表）。首行为表头，请勿改名；用不到的列可以整列删除。",
    (
        "项目按“项目编号”、政策按“文号”对应：没有的新建，“发布状态”为草稿或已下线的不发布；已有的只更新表格改动的列，"
        "已发布的重新发布，草稿和已下线的保持不公开。上传后先检查，逐行列出将新建、更新（旧值 → 新值）、未变和冲突的内容，确认后才写入。"
    ),
    "冲突：上次导入后在后台改过的内容，表格又给了不同的值，默认保留后台的修改；勾选“以表格为准”才覆盖。发布状态只能在后台更改。",
    "承接组织、购买部门、类别、街道和社区须与系统中已有的名称完全一致（承接组织也可用统一社会信用代码），否则该行报错并提示相近的名称。",
    "阶段：跳过阶段或退回须在“阶段变更理由”中写明理由，与后台“变更阶段”相同。",
    "日期写作 2022-03-01、2022/3/1 或 2022年3月1日，也可以用 Excel 的日期格式。",
    "阶段写项目征集、路演评审、立项公示、项目实施、项目评估或评估结果公示（“项目”二字可省略）。",
    "阶段日期：每个阶段一列（征集日期、路演评审日期、立项公示日期、实施日期、评估日期、评估结果公示日期），填进入该阶段的日期。"
    "留空表示没有该阶段的日期；整列删除则保留系统中已记录的日期。",
    "参与力量（“1+1+1+N”中的 N）：一格写全部，每项写作“类型：名称”，多项之间用分号“；”或换行隔开，"
    "例如“志愿者队伍：阳光志愿者队；辖区企业：某某超市”。类型可选："
    + "、".join(ParticipantKind.labels)
    + "；不写类型时为其他力量。留空表示没有；整列删除则保留系统中已有的。",
    "项目详情：纯文本，空一行为一段。导出的表格不含此列，导入时项目保留原有详情（含小标题和图片）。",
    "标签、主题：多个之间用顿号“、”隔开。与已有项目相似的行须填写“重复确认理由”。",
    "政策层级写中央、省级、市级或区级；效力状态写现行有效、已修订或已废止。",
    (
        "资金拨付（“资金拨付”工作表）：每行一笔，项目编号须已存在且在本账号的范围内；拨付类型写首期款、中期款或尾款；"
        "金额须大于 0。有“凭证号”的按“项目编号＋凭证号”对应同一笔拨付，没有的按项目、日期、类型和金额对应，"
        "重复导入同一表格不会重复拨付。"
    ),
    (
        "拨付与后台登记适用同样的规则：超出预算、早于付款计划或不在服务期内的拨付整表不予导入，"
        "如确需拨付，请在“放行理由”中说明。后台“资金拨付”列表导出的表格可直接修改后重新导入。"
    ),
]


def column_names(section):
    return [names[0] for key, names in HEADERS[section].items() if key not in READ_ONLY]


# The columns of each sheet, by the sheet's name, for the upload screen.
COLUMNS = {SHEET_NAMES[section][1]: column_names(section) for section in HEADERS}


def project_values(project):
    """One project as the import reads it back: the same names, labels and formats."""
    kinds = dict(ParticipantKind.choices)
    return {
        "code": project.code,
        "title": project.title,
        "category": name_of(project.category),
        "purchaser": name_of(project.purchaser),
        "organization": name_of(project.organization),
        "organization_credit_code": project.organization.credit_code if project.organization else None,
        "street": name_of(project.street),
        "community": name_of(project.community),
        "budget": project.budget,
        "start": project.start_date,
        "end": project.end_date,
        "stage": project.get_stage_display(),
        "social_worker": project.social_worker,
        "summary": project.summary,
        "tags": "、".join(sorted(tag.name for tag in project.tags.all())),
        "participants": "；".join(f"{kinds[p.kind]}：{p.name}" for p in project.participants.all()),
        **{f"stage_dates.{step['stage'].value}": step["reached_on"] for step in project.timeline()},
        "publication": PUBLICATION[page_publication(project)],
    }


def name_of(record):
    return record.name if record else None


def workbook(projects=(), with_all_columns=True):
    """XLSX bytes: notes, a 项目 sheet (the given projects' rows) and empty 资金拨付 and 政策 sheets."""
    book = openpyxl.Workbook()
    notes = book.active
    notes.title = NOTES_SHEET
    notes.column_dimensions["A"].width = 120
    for line in NOTES:
        notes.append([line])
        notes.cell(notes.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")

    keys = [key for key in HEADERS["projects"] if with_all_columns or key not in NOT_EXPORTED]
    sheet = add_sheet(book, SHEET_NAMES["projects"][1], [HEADERS["projects"][key][0] for key in keys])
    for project in projects:
        values = project_values(project)
        sheet.append([None if values.get(key) == "" else safe_cell(values.get(key)) for key in keys])
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            if hasattr(cell.value, "isoformat"):
                cell.number_format = "yyyy-mm-dd"
    add_sheet(book, SHEET_NAMES["payments"][1], column_names("payments"))
    add_sheet(book, SHEET_NAMES["policies"][1], column_names("policies"))

    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def add_sheet(book, title, header):
    sheet = book.create_sheet(title)
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        sheet.column_dimensions[cell.column_letter].width = max(10, 2 * len(str(cell.value)) + 2)
    sheet.freeze_panes = "B2"
    return sheet
