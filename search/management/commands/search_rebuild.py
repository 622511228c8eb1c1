import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from shegong.search.indexing import rebuild
from shegong.search.indexing.sync import ES_ERRORS
from shegong.search.models import SearchDocument


class Command(BaseCommand):
    help = "从数据库重建检索索引（内置引擎、Elasticsearch 或两者），显示进度和每秒文档数。"

    def add_arguments(self, parser):
        parser.add_argument(
            "--engine",
            choices=["embedded", "elasticsearch", "all"],
            default="all",
            help="embedded：内置引擎；elasticsearch：由检索文档重建 Elasticsearch 索引并切换别名；all（默认）：先内置后 ES。",
        )

    def handle(self, *args, engine, **options):
        if engine in ("embedded", "all"):
            self._run("内置引擎", rebuild.rebuild_embedded, None)
        if engine in ("elasticsearch", "all"):
            if not settings.ELASTICSEARCH_URL:
                if engine == "elasticsearch":
                    raise CommandError("未设置 ELASTICSEARCH_URL，无法重建 Elasticsearch 索引。")
                return
            try:
                self._run("Elasticsearch", rebuild.rebuild_elasticsearch, SearchDocument.objects.count())
            except ES_ERRORS as error:
                raise CommandError(f"Elasticsearch 不可用，索引未重建：{error}") from error

    def _run(self, label, job, total):
        started = time.perf_counter()
        with tqdm(total=total, desc=label, unit="篇", file=self.stderr._out, disable=None) as bar:
            count = job(bar.update)
        seconds = time.perf_counter() - started
        rate = count / seconds if seconds else 0
        self.stdout.write(f"{label}：已索引 {count} 篇，用时 {seconds:.1f} 秒，{rate:.0f} 篇/秒。")
