"""The index work done outside the editor's request: by `shegong db_worker` with the database task backend, at once
with the immediate one (settings TASKS). Each task reads the database when it runs, so a late run writes the latest
state, and running one twice does no harm."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import default_task_backend, task

from . import rebuild, sync


@task()
def reindex_pages(page_ids: list[int]):
    sync.reindex_pages(page_ids)
    after_commit_flush()


def after_commit_flush():
    """Elasticsearch is outside the database's transaction: it hears of a change once the change commits, never of
    one rolled back (with the immediate backend this task runs inside the editor's or the importer's transaction).
    Outside any transaction (a worker), that is at once."""
    transaction.on_commit(flush_elasticsearch.call, robust=True)


@task()
def reindex_subtree(page_id: int):
    """A moved page and everything under it: their URLs changed."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is not None:
        reindex_pages.call([page.pk, *page.get_descendants().values_list("pk", flat=True)])


@task()
def flush_elasticsearch():
    """Send the changes waiting for Elasticsearch; while it is away, try again later (a worker only: the immediate
    backend cannot wait, and the next change or rebuild sends what is left)."""
    if sync.flush_pending() or not sync.es_enabled() or not default_task_backend.supports_defer:
        return
    retry = timezone.now() + datetime.timedelta(seconds=settings.SHEGONG_SEARCH_ES_RETRY_SECONDS)
    flush_elasticsearch.using(run_after=retry).enqueue()


@task()
def rebuild_elasticsearch():
    rebuild.rebuild_elasticsearch()
