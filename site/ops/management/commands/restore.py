from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand

from shegong.ops import archive as archive_module


class Command(BaseCommand):
    help = "从 shegong backup 的备份文件恢复数据库和上传文件，然后迁移数据库并重建检索索引。"

    def add_arguments(self, parser):
        parser.add_argument("archive", help="备份文件路径")
        parser.add_argument("--force", action="store_true", help="当前数据库已有内容时仍然覆盖")

    def handle(self, *args, archive: str, force, **options):
        manifest = archive_module.read(Path(archive), force=force)
        self.stdout.write(f"已恢复 {manifest['created_at']} 的备份（{manifest['counts']['pages']} 个页面）。")
        # A backup from an older release gets this release's schema before anything reads it.
        call_command("migrate", interactive=False, verbosity=0)
        call_command("search_rebuild", stdout=self.stdout, stderr=self.stderr)
        self.stdout.write(self.style.SUCCESS("恢复完成。"))
