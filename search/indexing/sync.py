"""Keeps both engines in step with the pages (run by the tasks in tasks.py, off the editor's request).

The embedded index is written first; the Elasticsearch changes are recorded
as PendingChange rows in the same transaction, then sent; while the cluster is
away they wait in the table and are sent when it answers again. None is lost.
"""

import logging
import time

from django.conf import settings
from django.db import transaction
from elasticsearch import ApiError, TransportError

from ..models import PendingChange, SearchDocument
from . import documents, index

logger = logging.getLogger("shegong.search")
ES_ERRORS = (TransportError, ApiError, RuntimeError)
FLUSH_BATCH = 500

_es_down_until = 0.0


def es_enabled() -> bool:
    return bool(settings.ELASTICSEARCH_URL)


def es_available() -> bool:
    return es_enabled() and time.monotonic() >= _es_down_until


def mark_es_down(error):
    global _es_down_until
    _es_down_until = time.monotonic() + settings.SHEGONG_SEARCH_ES_RETRY_SECONDS
    logger.warning("Elasticsearch 不可用（%s），检索改由内置引擎回答，索引变更已暂存。", error)


def mark_es_up():
    global _es_down_until
    _es_down_until = 0.0


@transaction.atomic
def reindex_pages(page_ids):
    """Bring the documents of these pages in line with the database: write, rewrite or remove."""
    page_ids = set(page_ids)
    if not page_ids:
        return
    pages = list(documents.indexable_pages().filter(pk__in=page_ids).specific())
    built = [documents.build(page) for page in pages]
    index.store(built)
    gone = page_ids - {doc.page_id for doc in built}
    index.remove(gone)
    queue_for_elasticsearch(page_ids)
    # A new slug or parent changes every descendant's URL too.
    for page, doc in zip(pages, built):
        stale = SearchDocument.objects.filter(page__path__startswith=page.path, page__depth__gt=page.depth).exclude(
            url__startswith=doc.url
        )
        if stale.exists():
            reindex_pages(page.get_descendants().values_list("pk", flat=True))


def queue_for_elasticsearch(page_ids):
    if not es_enabled() or not page_ids:
        return
    present = set(SearchDocument.objects.filter(page_id__in=page_ids).values_list("page_id", flat=True))
    for page_id in page_ids:
        action = PendingChange.Action.INDEX if page_id in present else PendingChange.Action.DELETE
        PendingChange.objects.update_or_create(page_id=page_id, defaults={"action": action})


def flush_pending(force=False) -> bool:
    """Send every waiting change to Elasticsearch. True when nothing is left waiting."""
    from ..engines import elastic

    if not es_enabled() or not (force or es_available()):
        return False
    try:
        elastic.ensure_index()
        while True:
            batch = list(PendingChange.objects.order_by("queued_at", "pk")[:FLUSH_BATCH])
            if not batch:
                mark_es_up()
                return True
            rows = SearchDocument.objects.in_bulk([c.page_id for c in batch])
            # What to send is read now, not when queued: the table holds the latest state.
            actions = [
                ("index", elastic.PageDocument.from_row(rows[c.page_id]))
                if c.page_id in rows
                else ("delete", c.page_id)
                for c in batch
            ]
            elastic.bulk(actions, refresh="wait_for")
            for change in batch:
                # A change queued again while this batch was in flight stays for the next round.
                PendingChange.objects.filter(pk=change.pk, queued_at=change.queued_at).delete()
    except ES_ERRORS as error:
        mark_es_down(error)
        return False
