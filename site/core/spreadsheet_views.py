"""Admin upload of a projects/policies spreadsheet: check first (nothing written), import on confirmation."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin import messages

from .importer import ImportFailed
from .spreadsheets import Spreadsheet, SpreadsheetError, read_spreadsheet, run_import

SESSION_KEY = "spreadsheet_import"
MAX_BYTES = 5 * 1024 * 1024
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
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        context["file_name"] = form.cleaned_data["file"].name
        try:
            context["report"] = run_import(form.sheet, dry_run=True)
        except ImportFailed as failure:
            context["errors"] = failure.errors
        else:
            request.session[SESSION_KEY] = {
                "name": context["file_name"], "document": form.sheet.document, "rows": form.sheet.rows,
            }
    return TemplateResponse(request, "core/spreadsheet_import.html", context)


def confirm_import(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending is None:
        messages.error(request, "没有待确认的导入，请重新上传文件。")
        return redirect("spreadsheet_import")
    sheet = Spreadsheet(pending["document"], pending["rows"])
    try:
        report = run_import(sheet)
    except ImportFailed as failure:
        # The site changed since the check (e.g. someone published a similar project).
        context = {"form": UploadForm(), "file_name": pending["name"], "errors": failure.errors}
        return TemplateResponse(request, "core/spreadsheet_import.html", context)
    messages.success(request, f"“{pending['name']}”导入完成：{'；'.join(report.lines())}")
    return redirect("spreadsheet_import")
