"""Writes and removes search documents in the app's database (the embedded engine's index)."""

from collections import defaultdict

from django.db import connection, transaction

from .analysis import BREAK
from .models import SearchDocument

DOC_TABLE = SearchDocument._meta.db_table
FTS_TABLE = "shegong_search_fts"
FACETS_TABLE = "shegong_search_facets"  # SQLite only, see migration 0003
# PostgreSQL keeps positions up to 16383 and at most 256 per lexeme.
PG_MAX_POSITION, PG_MAX_POSITIONS = 16383, 255


def tsvector_literal(terms: str) -> str:
    """The stream as a tsvector literal: our tokens verbatim, bypassing PostgreSQL's own parser."""
    positions = defaultdict(list)
    for position, token in enumerate(terms.split(), start=1):
        if token != BREAK and position <= PG_MAX_POSITION and len(positions[token]) < PG_MAX_POSITIONS:
            positions[token].append(position)
    return " ".join(f"'{token}':{','.join(map(str, pos))}" for token, pos in positions.items())


def _write_vectors(documents):
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {DOC_TABLE} SET terms_vector = CAST(%s AS tsvector) WHERE page_id = %s",
            [(tsvector_literal(doc.terms), doc.page_id) for doc in documents],
        )


@transaction.atomic
def store(documents):
    for document in documents:
        document.save()
    _write_vectors(documents)


@transaction.atomic
def store_new(documents):
    """Bulk insert for rebuilds, into an emptied table."""
    SearchDocument.objects.bulk_create(documents)
    _write_vectors(documents)


def remove(page_ids):
    SearchDocument.objects.filter(page_id__in=page_ids).delete()


def clear():
    SearchDocument.objects.all().delete()


def optimize():
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
