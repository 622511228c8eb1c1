"""/healthz: whether this process can reach what it needs to answer citizens."""

import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from shegong.search.engines import elastic
from shegong.search.models import SearchDocument

PART_NAMES = {"database": "数据库", "cache": "缓存", "search": "检索引擎"}


def check_database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return "ok"


def check_cache():
    key = f"shegong:healthz:{uuid.uuid4().hex}"
    cache.set(key, "1", 10)
    found = cache.get(key)
    cache.delete(key)
    if found != "1":
        raise RuntimeError("the cache did not return what was stored")
    return "ok"


def check_search():
    if settings.ELASTICSEARCH_URL:
        if not elastic.client().ping():
            raise RuntimeError("Elasticsearch did not answer the ping")
        return "ok (elasticsearch)"
    # The embedded engine's index is a table in the database.
    SearchDocument.objects.exists()
    return "ok (embedded)"


CHECKS = {"database": check_database, "cache": check_cache, "search": check_search}


@never_cache
def healthz(request):
    """200 {"status": "ok", ...} when every part answers; 503 naming the parts that did not. Error details
    go to the log, not to whoever asks."""
    checks, failed = {}, []
    for part, check in CHECKS.items():
        try:
            checks[part] = check()
        except Exception as error:  # noqa: BLE001 - any failure of a part is what this endpoint reports
            checks[part] = f"failed: {type(error).__name__}"
            failed.append(part)
    if not failed:
        return JsonResponse({"status": "ok", "checks": checks})
    message = "不可用：" + "、".join(PART_NAMES[part] for part in failed)
    return JsonResponse({"status": "error", "failed": failed, "message": message, "checks": checks}, status=503)
