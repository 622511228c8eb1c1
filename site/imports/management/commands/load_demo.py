import secrets
from importlib.resources import files
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from shegong.calls.demo import load_demo_calls
from shegong.evaluations import demo as evaluations_demo
from shegong.imports.accounts import import_user
from shegong.imports.demo_history import load_history
from shegong.imports.demo_images import attach_demo_images
from shegong.imports.demo_payments import pay_demo_projects
from shegong.imports.importer import ContentImporter
from shegong.imports.results import CREATE, ImportFailed, JsonNames, error_lines
from shegong.reviews.demo import load_demo_reviews

from .import_content import read_file

DEMO_FILE = files("shegong.fixtures") / "demo.json"


class Command(BaseCommand):
    help = (
        "载入演示内容（fixtures/demo.json、按固定种子生成的 2017—2021 年项目与几张演示图片）："
        "只新建缺少的记录，已有的（包括编辑改过的）一概不动；加 --admin 时创建或重置管理员并打印登录信息。"
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(DEMO_FILE), help="演示内容 JSON 文件")
        parser.add_argument("--admin", action="store_true", help="创建或重置用户 admin，并打印新密码")
        parser.add_argument(
            "--story-only", action="store_true", help="只载入手写的演示内容，不生成历年项目（测试用，更快）"
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        document, _ = read_file(path)
        importer = ContentImporter(import_user(), source=path.name, create_only=True)
        try:
            report = importer.run(document)
        except ImportFailed as failure:
            raise CommandError("\n".join([str(failure), *error_lines(failure.report, JsonNames())])) from None
        for line in report.lines():
            self.stdout.write(line)
        created = [row.key for row in report.rows if row.section == "projects" and row.outcome == CREATE]
        self.stdout.write(f"演示图片：{attach_demo_images(created)} 张")
        if not options["story_only"]:
            history = load_history(document)
            self.stdout.write(f"历年项目（按固定种子生成）：新建 {len(history)} 个")
            created += history
        self.stdout.write(f"资金拨付：新建 {pay_demo_projects(created)} 笔")
        self.stdout.write(f"项目申报：新建 {load_demo_calls(importer.user)} 份")
        self.stdout.write(f"路演评分：新建 {load_demo_reviews(importer.user)} 份")
        for line in evaluations_demo.load(importer.user):
            self.stdout.write(line)
        if options["admin"]:
            password = secrets.token_urlsafe(9)
            user, _ = get_user_model().objects.get_or_create(username="admin")
            user.is_staff = user.is_superuser = True
            user.set_password(password)
            user.save()
            self.stdout.write(self.style.SUCCESS(f"管理后台 /admin/ 登录：用户名 admin，密码 {password}"))
