from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from shegong.ops import archive


class Command(BaseCommand):
    help = "把数据库、上传文件（media）和清单写入一个 tar 备份文件（名字以 .gz 结尾时压缩）。"

    def add_arguments(self, parser):
        parser.add_argument("out", help="备份文件路径，例如 /var/backups/shegong/shegong-$(date +%%F).tar.gz")

    def handle(self, *args, out, **options):
        out = Path(out)
        if not out.parent.is_dir():
            raise CommandError(f"目录不存在：{out.parent}")
        manifest = archive.write(out)
        counts = manifest["counts"]
        self.stdout.write(
            self.style.SUCCESS(f"已备份到 {out}：{counts['pages']} 个页面，{counts['search_documents']} 篇检索文档。")
        )
