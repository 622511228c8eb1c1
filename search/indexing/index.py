"""Writes and removes search documents in the app's database (the embedded engine's index)."""

from collections import defaultdict

from django.db import connection, transaction

from ..analysis import BREAK
from ..engines.embedded_postgres import TOTALS_TABLE
from ..engines.tables import DOC_TABLE, FTS_TABLE
from ..models import SearchDocument

# PostgreSQL keeps positions up to 16383 and at most 256 per lexeme.
PG_MAX_POSITION, PG_MAX_POSITIONS = 16383, 255


def tsvector_literal(*streams: tuple[str, str]) -> str:
    """Token streams, each with a weight letter (A–D, or "" for none), as one tsvector literal: our tokens
    verbatim, bypassing PostgreSQL's own parser. Positions run on across streams with a break between
    them, as within a stream, so no phrase spans two."""
    positions = defaultdict(list)
    position = 0
    for terms, weight in streams:
        for token in terms.split():
            position += 1
            if token != BREAK and position <= PG_MAX_POSITION and len(positions[token]) < PG_MAX_POSITIONS:
                positions[token].append(f"{position}{weight}")
        position += 1
    return " ".join(f"'{token}':{','.join(pos)}" for token, pos in positions.items())


def _write_vectors(documents):
    if connection.vendor != "postgresql":
        return
    # terms_length is the document's length in tokens, breaks included, as FTS5 counts it for bm25.
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {DOC_TABLE} SET terms_vector = CAST(%s AS tsvector), terms_length = %s WHERE page_id = %s",
            [(tsvector_literal((doc.terms, "")), len(doc.terms.split()), doc.page_id) for doc in documents],
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
    """After a rebuild. On PostgreSQL the totals BM25 reads are counted again from the documents: triggers keep them
    as documents are written, but a write they did not see (a data-only restore) would leave them wrong for good."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(f"INSERT INTO {FTS_TABLE}({FTS_TABLE}) VALUES ('optimize')")
        else:
            cursor.execute(
                f"INSERT INTO {TOTALS_TABLE} (id, documents, tokens) SELECT 1, COUNT(*), COALESCE(SUM(terms_length), 0) "
                f"FROM {DOC_TABLE} ON CONFLICT (id) DO UPDATE SET documents = EXCLUDED.documents, tokens = EXCLUDED.tokens"
            )
