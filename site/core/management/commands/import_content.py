import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from shegong.core.importer import ContentImporter, ImportFailed
from shegong.core.spreadsheets import SpreadsheetError, read_spreadsheet, run_import


class Command(BaseCommand):
    help = "从一个 JSON 文件导入部门、区域、社会组织、政策法规、服务项目和通知公告，或从 .xlsx / .csv 表格导入项目和政策（全部成功才写入）。"

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON 文件路径，或项目、政策的 .xlsx / .csv 表格")

    def handle(self, *args, **options):
        report = import_file(Path(options["file"]))
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(self.style.SUCCESS("导入完成。"))


def import_file(path):
    if path.suffix.lower() in (".xlsx", ".csv"):
        return import_spreadsheet(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CommandError(f"找不到文件：{path}") from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} 不是 UTF-8 编码的文本文件。") from None
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} 不是有效的 JSON：第 {error.lineno} 行第 {error.colno} 列，{error.msg}。") from None
    try:
        return ContentImporter().run(document)
    except ImportFailed as failure:
        raise CommandError("\n".join([str(failure), *failure.errors])) from None


def import_spreadsheet(path):
    try:
        sheet = read_spreadsheet(path.name, path.read_bytes())
    except FileNotFoundError:
        raise CommandError(f"找不到文件：{path}") from None
    except SpreadsheetError as error:
        raise CommandError(f"{path}：{error}") from None
    try:
        return run_import(sheet)
    except ImportFailed as failure:
        raise CommandError("\n".join([str(failure), *failure.errors])) from None
