"""Admin upload of a projects/policies spreadsheet: check first (nothing written), import on confirmation."""

import io
from dataclasses import asdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects

from .importer import ImportFailed
from .spreadsheet_export import COLUMNS, NOTES, workbook
from .spreadsheets import Spreadsheet, SpreadsheetError, read_spreadsheet, run_import

SESSION_KEY = "spreadsheet_import"
MAX_BYTES = 5 * 1024 * 1024
FORMAT_HELP = {"columns": COLUMNS, "notes": NOTES}
IMPORT_PERMISSIONS = ["pages.add_projectpage", "pages.change_projectpage", "pages.add_policypage", "pages.change_policypage"]


def may_import(user):
    return user.has_perms(IMPORT_PERMISSIONS)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="表格文件", help_text="Excel（.xlsx）或 CSV 文件，首行为表头；不超过 5 MB。",
        error_messages={"required": "请选择要导入的文件。"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError("文件超过 5 MB，请拆分后分批导入。")
        try:
            self.sheet = read_spreadsheet(upload.name, upload.read())
        except SpreadsheetError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


def spreadsheet_import(request):
    if not may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "import":
        return confirm_import(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, **FORMAT_HELP}
    if request.method == "POST" and form.is_valid():
        context["file_name"] = form.cleaned_data["file"].name
        try:
            context["report"] = run_import(form.sheet, dry_run=True)
        except ImportFailed as failure:
            context["errors"] = failure.errors
        else:
            request.session[SESSION_KEY] = {"name": context["file_name"], "sheet": asdict(form.sheet)}
    return TemplateResponse(request, "core/spreadsheet_import.html", context)


def confirm_import(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending is None:
        messages.error(request, "没有待确认的导入，请重新上传文件。")
        return redirect("spreadsheet_import")
    sheet = Spreadsheet(**pending["sheet"])
    try:
        report = run_import(sheet)
    except ImportFailed as failure:
        # The site changed since the check (e.g. someone published a similar project).
        context = {"form": UploadForm(), **FORMAT_HELP, "file_name": pending["name"], "errors": failure.errors}
        return TemplateResponse(request, "core/spreadsheet_import.html", context)
    messages.success(request, f"“{pending['name']}”导入完成：{'；'.join(report.lines())}")
    return redirect("spreadsheet_import")


XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def spreadsheet_template(request):
    if not may_import(request.user):
        raise PermissionDenied
    return FileResponse(io.BytesIO(workbook()), as_attachment=True, filename="导入模板.xlsx", content_type=XLSX)


def spreadsheet_export(request):
    """The projects this account may reach, as they stand in the admin (latest revision), ready to edit and re-import."""
    if not may_import(request.user):
        raise PermissionDenied
    pages = scope_projects(request.user, ProjectPage.objects.order_by("code"))
    projects = [page.get_latest_revision_as_object() for page in pages]
    data = workbook(projects, with_all_columns=False)
    return FileResponse(io.BytesIO(data), as_attachment=True, filename="服务项目.xlsx", content_type=XLSX)
