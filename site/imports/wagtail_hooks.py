from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.log_actions import LogFormatter

from .importer import IMPORT_ACTION
from .spreadsheet_views import may_import, spreadsheet_export, spreadsheet_import, spreadsheet_template


@hooks.register("register_admin_urls")
def register_spreadsheet_import_url():
    return [
        path("import/spreadsheet/", spreadsheet_import, name="spreadsheet_import"),
        path("import/spreadsheet/template/", spreadsheet_template, name="spreadsheet_template"),
        path("import/spreadsheet/projects/", spreadsheet_export, name="spreadsheet_export"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_admin_menu_item")
def spreadsheet_import_menu_item():
    return ImportMenuItem("表格导入", reverse("spreadsheet_import"), icon_name="upload", order=900)


@hooks.register("register_log_actions")
def register_import_action(actions):
    @actions.register_action(IMPORT_ACTION)
    class Imported(LogFormatter):
        label = "导入"

        def format_message(self, log_entry):
            data = log_entry.data
            what = "新建" if data.get("what") == "created" else "更新"
            fields = f"（{'、'.join(data['fields'])}）" if data.get("fields") else ""
            return f"从文件“{data.get('file') or '未命名'}”导入：{what}{fields}"
