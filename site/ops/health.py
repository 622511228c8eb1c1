"""/healthz: whether this process can reach what it needs to answer citizens; /healthz/tasks: whether the task
worker keeps up.

A stopped worker (`shegong db_worker`) does not keep citizens from being answered, only new content from reaching
search: so /healthz names the backlog in its JSON and stays 200 (a load balancer must not take every web node out
for it), while /healthz/tasks answers 503 for the monitoring that alerts whoever runs the worker."""

import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.db.models import Min, Q
from django.http import JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult, get_date_max

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


@dataclass
class Backlog:
    """The tasks ready to run and how long the oldest has waited for a worker."""

    count: int = 0
    oldest_seconds: int = 0

    @property
    def stalled(self) -> bool:
        return self.oldest_seconds > settings.SHEGONG_TASKS_MAX_WAIT_SECONDS

    def __str__(self):
        if not self.count:
            return "无积压"
        return f"积压 {self.count} 个，最早等待 {self.oldest_seconds} 秒"


def task_backlog() -> Backlog:
    """Only the database backend queues: the immediate one runs each task as it is enqueued."""
    if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
        return Backlog()
    ready = DBTaskResult.objects.ready()
    # A task waits from when it was queued or, if it was deferred, from when it fell due.
    never = get_date_max()
    waits = ready.aggregate(
        queued=Min("enqueued_at", filter=Q(run_after=never)), due=Min("run_after", filter=~Q(run_after=never))
    )
    since = min((moment for moment in waits.values() if moment), default=None)
    if since is None:
        return Backlog()
    return Backlog(ready.count(), max(0, int((timezone.now() - since).total_seconds())))


def run_checks():
    checks, failed = {}, []
    for part, check in CHECKS.items():
        try:
            checks[part] = check()
        except Exception as error:  # noqa: BLE001 - any failure of a part is what this endpoint reports
            checks[part] = f"failed: {type(error).__name__}"
            failed.append(part)
    return checks, failed


@never_cache
def healthz(request):
    """200 {"status": "ok", ...} when every part answers; 503 naming the parts that did not. Error details
    go to the log, not to whoever asks. The task backlog is reported, never failed on (see the module's doc)."""
    checks, failed = run_checks()
    try:
        backlog = task_backlog()
        checks["tasks"] = str(backlog) + ("（超过上限，请检查任务进程）" if backlog.stalled else "")
    except Exception as error:  # noqa: BLE001 - the database part already reports a database that does not answer
        checks["tasks"] = f"failed: {type(error).__name__}"
    if not failed:
        return JsonResponse({"status": "ok", "checks": checks})
    message = "不可用：" + "、".join(PART_NAMES[part] for part in failed)
    return JsonResponse({"status": "error", "failed": failed, "message": message, "checks": checks}, status=503)


@never_cache
def healthz_tasks(request):
    """503 when the oldest ready task has waited longer than SHEGONG_TASKS_MAX_WAIT_SECONDS: no worker is running."""
    backlog = task_backlog()
    body = {"count": backlog.count, "oldest_seconds": backlog.oldest_seconds, "message": str(backlog)}
    if backlog.stalled:
        limit = settings.SHEGONG_TASKS_MAX_WAIT_SECONDS
        body["message"] = f"后台任务{backlog}，超过 {limit} 秒上限：任务进程（shegong db_worker）可能已停止。"
        return JsonResponse({"status": "error", **body}, status=503)
    return JsonResponse({"status": "ok", **body})
