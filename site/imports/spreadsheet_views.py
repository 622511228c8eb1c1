"""Admin upload of a projects/policies spreadsheet: a dry run that lists every change, then the same import on
confirmation, which refuses to write if it would now do anything else."""

import io
from dataclasses import asdict

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects

from .importer import ContentImporter
from .results import ImportFailed, detail_lines, error_lines
from .spreadsheet_export import COLUMNS, NOTES, workbook
from .spreadsheets import Spreadsheet, SpreadsheetError, read_spreadsheet

SESSION_KEY = "spreadsheet_import"
MAX_BYTES = 5 * 1024 * 1024
FORMAT_HELP = {"columns": COLUMNS, "notes": NOTES}
IMPORT_PERMISSION = "imports.use_import"
TEMPLATE = "imports/spreadsheet_import.html"


def may_import(user):
    return user.has_perm(IMPORT_PERMISSION)


class UploadForm(forms.Form):
    file = forms.FileField(
        label="表格文件",
        help_text="Excel（.xlsx）或 CSV 文件，首行为表头；不超过 5 MB。",
        error_messages={"required": "请选择要导入的文件。"},
    )
    overwrite = forms.BooleanField(
        label="以表格为准",
        required=False,
        help_text="覆盖上次导入后在后台改过的内容（默认保留后台的修改，并列为冲突）。发布状态不受影响。",
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


class PlanChanged(Exception):
    """The import would no longer do what its dry run showed."""


def importer_for(request, name, overwrite):
    return ContentImporter(request.user, source=name, overwrite=overwrite)


def spreadsheet_import(request):
    if not may_import(request.user):
        raise PermissionDenied
    if request.method == "POST" and request.POST.get("action") == "import":
        return confirm_import(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    context = {"form": form, **FORMAT_HELP}
    if request.method == "POST" and form.is_valid():
        name, overwrite = form.cleaned_data["file"].name, form.cleaned_data["overwrite"]
        context.update(file_name=name, overwrite=overwrite)
        try:
            report = importer_for(request, name, overwrite).run(form.sheet.document, dry_run=True)
        except ImportFailed as failure:
            context["errors"] = error_lines(failure.report, form.sheet)
        else:
            context.update(report=report, details=detail_lines(report, form.sheet))
            request.session[SESSION_KEY] = {
                "name": name,
                "overwrite": overwrite,
                "sheet": asdict(form.sheet),
                "plan": report.plan(),
            }
    return TemplateResponse(request, TEMPLATE, context)


def confirm_import(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending is None:
        messages.error(request, "没有待确认的导入，请重新上传文件。")
        return redirect("spreadsheet_import")
    sheet = Spreadsheet(**pending["sheet"])
    context = {"form": UploadForm(), **FORMAT_HELP, "file_name": pending["name"]}
    importer = importer_for(request, pending["name"], pending["overwrite"])
    try:
        # One transaction with the comparison: what was checked is what is written, or nothing is.
        with transaction.atomic():
            report = importer.run(sheet.document)
            if report.plan() != pending["plan"]:
                raise PlanChanged
    except PlanChanged:
        context["errors"] = [
            "检查之后，系统中的内容已有变化（例如有人在后台修改了项目），导入的结果将与检查时不同，未写入任何数据。请重新上传并检查。"
        ]
        return TemplateResponse(request, TEMPLATE, context)
    except ImportFailed as failure:
        context["errors"] = error_lines(failure.report, sheet)
        return TemplateResponse(request, TEMPLATE, context)
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
