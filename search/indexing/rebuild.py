"""Full rebuilds of either engine from the database."""

from django.db import transaction

from ..engines import elastic
from ..models import PendingChange, SearchDocument
from . import documents, index

BATCH = 500


def _chunks(items, size):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def rebuild_embedded(progress=lambda n: None):
    """Re-create every search document from the pages. Returns how many were written."""
    page_ids = list(documents.indexable_pages().order_by("pk").values_list("pk", flat=True))
    written = 0
    with transaction.atomic():
        index.clear()
        for chunk in _chunks(page_ids, BATCH):
            pages = documents.indexable_pages().filter(pk__in=chunk).specific()
            built = [documents.build(page) for page in pages]
            index.store_new(built)
            written += len(built)
            progress(len(built))
    index.optimize()
    return written


def rebuild_elasticsearch(progress=lambda n: None):
    """Fill a new versioned index from the search documents, then swap the alias to it: no downtime."""
    name = elastic.new_index()
    count = 0
    queryset = SearchDocument.objects.order_by("page_id")
    ids = list(queryset.values_list("page_id", flat=True))
    for chunk in _chunks(ids, BATCH):
        rows = queryset.filter(page_id__in=chunk)
        elastic.bulk([("index", elastic.PageDocument.from_row(row)) for row in rows], index=name)
        count += len(chunk)
        progress(len(chunk))
    elastic.client().indices.refresh(index=name)
    elastic.swap_alias(name)
    # Everything waiting is in the new index already.
    PendingChange.objects.filter(page_id__in=ids).delete()
    return count
