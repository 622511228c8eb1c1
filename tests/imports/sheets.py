"""Workbooks as an editor saves them from Excel, and their upload to 表格导入's check step."""

import io

import openpyxl
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def one_sheet(headers, rows, title="项目"):
    book = openpyxl.Workbook()
    book.active.title = title
    book.active.append(headers)
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def upload(client, data, name="projects.xlsx", overwrite=False):
    """The check step's page: whatever the file holds, a page with its findings, never a server error."""
    form = {"action": "check", "file": SimpleUploadedFile(name, data), **({"overwrite": "on"} if overwrite else {})}
    response = client.post(reverse("spreadsheet_import"), form)
    assert response.status_code == 200
    return response.content.decode()
