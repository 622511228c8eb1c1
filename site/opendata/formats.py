"""One data set written as CSV (UTF-8 with BOM, for Chinese Excel), XLSX or JSON."""

import csv
import datetime
import decimal
import io
import json

from django.core.serializers.json import DjangoJSONEncoder
from openpyxl import Workbook
from openpyxl.styles import Font

from shegong.exports import safe_cell

FORMATS = {
    "csv": ("text/csv; charset=utf-8", "CSV"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel"),
    "json": ("application/json; charset=utf-8", "JSON"),
}


def xlsx_value(value):
    """Money as a number Excel can sum; text neutralised."""
    if isinstance(value, decimal.Decimal):
        return float(value)
    return safe_cell(value)


def csv_value(value):
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    return safe_cell(value)


def write_csv(dataset, generated_at):
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([column.label for column in dataset.columns])
    for row in dataset.rows():
        writer.writerow([csv_value(value) for value in row])
    return out.getvalue().encode("utf-8")


def write_xlsx(dataset, generated_at):
    book = Workbook()
    sheet = book.active
    sheet.title = dataset.title
    sheet.append([column.label for column in dataset.columns])
    for row in dataset.rows():
        sheet.append([xlsx_value(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("数据说明")
    guide.append(["数据集", dataset.title])
    guide.append(["生成时间", generated_at.strftime("%Y-%m-%d %H:%M")])
    guide.append([])
    guide.append(["列名", "含义", "单位"])
    for column in dataset.columns:
        guide.append([column.label, column.meaning, column.unit])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def write_json(dataset, generated_at):
    document = {
        "dataset": dataset.slug,
        "title": dataset.title,
        "generated_at": generated_at.isoformat(),
        "columns": [{"key": c.key, "label": c.label, "meaning": c.meaning, "unit": c.unit} for c in dataset.columns],
        "rows": [dict(zip((c.key for c in dataset.columns), row)) for row in dataset.rows()],
    }
    return json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1).encode("utf-8")


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "json": write_json}
