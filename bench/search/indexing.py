"""What an editor waits for: a draft save and a publish of one project of the demo content, on the request's
side only (median milliseconds and database queries). With the database task backend the index work waits
for `shegong db_worker`; its time per publish is printed apart.

    .venv/bin/python bench/search --indexing
"""

import statistics
import time

from relevance import ROOT

REPEATS = 15


def measure(action):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, queries = [], []
    for n in range(REPEATS):
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            action(n)
            times.append((time.perf_counter() - started) * 1000)
        queries.append(len(captured))
    return statistics.median(times), statistics.median(queries)


def backend_name():
    from django.conf import settings

    return getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "ImmediateBackend").rsplit(".", 1)[-1]


def run_worker():
    """Milliseconds the worker spends on what is waiting, or None when the backend runs tasks at once."""
    from django.core.management import call_command

    if backend_name() != "DatabaseBackend":
        return None
    started = time.perf_counter()
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)
    return (time.perf_counter() - started) * 1000


def run():
    import sys

    from django.core.management import call_command
    from django.test import override_settings

    sys.path.insert(0, str(ROOT))
    # The demo is loaded with its index work done at once, so the worker below has only the measured edits to do.
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}):
        call_command("load_demo", verbosity=0)
        call_command("search_rebuild", verbosity=0)
    from shegong.pages.models import ProjectPage

    project = ProjectPage.objects.live().order_by("pk").first()

    def draft(n):
        page = project.get_latest_revision_as_object()
        page.title = f"{project.title}（草稿 {n}）"
        page.save_revision()

    def publish(n):
        page = project.get_latest_revision_as_object()
        page.title = f"{project.title}（修订 {n}）"
        page.save_revision().publish()

    backend = backend_name()
    draft_ms, draft_queries = measure(draft)
    run_worker()
    publish_ms, publish_queries = measure(publish)
    worker_ms = run_worker()
    worker = "" if worker_ms is None else f" | 后台 db_worker 处理这 {REPEATS} 次发布共 {worker_ms:.0f} 毫秒"
    print(
        f"编辑者等待（任务后端 {backend}，中位数）：保存草稿 {draft_ms:.0f} 毫秒 / {draft_queries:.0f} 次查询 | "
        f"发布 {publish_ms:.0f} 毫秒 / {publish_queries:.0f} 次查询{worker}",
        flush=True,
    )
