"""Whether Elasticsearch may answer: nothing waiting to reach it, and its index not far short of the search documents.
An index lost or emptied (a cluster restored without it, an index deleted by hand) is rebuilt meanwhile."""

import logging
import time

from django.conf import settings
from elasticsearch import NotFoundError

from ..engines import elastic
from ..models import PendingChange, SearchDocument
from .tasks import rebuild_elasticsearch

logger = logging.getLogger("shegong.search")

_checked = {"at": float("-inf"), "short": False}
_rebuild_requested_at = float("-inf")
# A rebuild is asked for once in this long: it takes a while, and the worker may be behind.
REBUILD_INTERVAL_SECONDS = 600


def counts():
    """(documents in the Elasticsearch index, search documents in the database); a missing index holds none."""
    try:
        indexed = elastic.client().count(index=elastic.alias_name())["count"]
    except NotFoundError:
        indexed = 0
    return indexed, SearchDocument.objects.count()


def short(indexed, expected) -> bool:
    return indexed < expected * settings.SHEGONG_SEARCH_ES_MIN_SHARE


def es_ready() -> bool:
    """Asked before each search, so it writes nothing but a rebuild task when the index is short (at most once per
    REBUILD_INTERVAL_SECONDS); the index is counted at most once per SHEGONG_SEARCH_ES_HEALTH_SECONDS."""
    if PendingChange.objects.exists():
        return False
    now = time.monotonic()
    if now - _checked["at"] >= settings.SHEGONG_SEARCH_ES_HEALTH_SECONDS:
        _checked.update(at=now, short=short(*counts()))
        if _checked["short"]:
            request_rebuild()
    return not _checked["short"]


def request_rebuild():
    global _rebuild_requested_at
    now = time.monotonic()
    if now - _rebuild_requested_at < REBUILD_INTERVAL_SECONDS:
        return
    _rebuild_requested_at = now
    logger.warning("Elasticsearch 索引缺失或远少于检索文档，检索改由内置引擎回答，已安排重建索引。")
    rebuild_elasticsearch.enqueue()


def forget():
    """Count again at the next search (between tests; a web process counts again once the interval has passed)."""
    global _rebuild_requested_at
    _checked["at"] = _rebuild_requested_at = float("-inf")
