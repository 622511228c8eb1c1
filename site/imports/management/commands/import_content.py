from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from shegong.imports.accounts import UnknownUser, import_user
from shegong.imports.importer import ContentImporter
from shegong.imports.jsonfile import UnreadableFile, read_document
from shegong.imports.results import ImportFailed, JsonNames, detail_lines, error_lines
from shegong.imports.spreadsheets import SpreadsheetError, read_spreadsheet


class Command(BaseCommand):
    help = (
        "从一个 JSON 文件导入部门、区域、社会组织、政策法规、服务项目和通知公告，或从 .xlsx / .csv 表格导入项目、资金拨付和政策"
        "（全部成功才写入）。后台改过的内容默认保留并报告为冲突。"
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="JSON 文件路径，或项目、资金拨付、政策的 .xlsx / .csv 表格")
        parser.add_argument("--dry-run", action="store_true", help="只检查并列出将发生的变化，不写入")
        parser.add_argument("--overwrite", action="store_true", help="以文件为准，覆盖上次导入后在后台改过的内容")
        parser.add_argument("--user", help="以此用户的身份和权限导入（记入页面历史）；默认为系统账号 system-import")

    def handle(self, *args, **options):
        path = Path(options["file"])
        document, names = read_file(path)
        try:
            user = import_user(options["user"])
        except UnknownUser as error:
            raise CommandError(str(error)) from None
        importer = ContentImporter(user, source=path.name, overwrite=options["overwrite"])
        try:
            report = importer.run(document, dry_run=options["dry_run"])
        except ImportFailed as failure:
            raise CommandError("\n".join([str(failure), *error_lines(failure.report, names)])) from None
        for line in detail_lines(report, names) + report.lines():
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write(self.style.SUCCESS("检查完成，未写入任何数据（--dry-run）。"))
        else:
            self.stdout.write(self.style.SUCCESS("导入完成。"))


def read_file(path):
    """The document in the file and how its rows and fields are named in messages."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CommandError(f"找不到文件：{path}") from None
    except OSError as error:
        raise CommandError(f"无法读取 {path}：{error.strerror}") from None
    if path.suffix.lower() in (".xlsx", ".csv"):
        try:
            sheet = read_spreadsheet(path.name, data)
        except SpreadsheetError as error:
            raise CommandError(f"{path}：{error}") from None
        return sheet.document, sheet
    try:
        return read_document(data), JsonNames()
    except UnreadableFile as error:
        raise CommandError(f"{path} {error}") from None
