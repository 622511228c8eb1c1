"""BM25 reads the number of documents and their mean length on every search. On PostgreSQL the database keeps
them in a totals table as documents are written (migration 0008), on SQLite FTS5 does: after pages are
published, changed, unpublished and deleted, every search scores as it does after a fresh rebuild."""

import pytest
from django.db import connection

from shegong.pages.models import NoticePage, PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.engines.embedded_postgres import TOTALS_TABLE
from shegong.search.indexing.rebuild import rebuild_embedded
from shegong.search.models import SearchDocument

QUERIES = ["养老", "社工", "资金 拨付", "五社联动", "心理健康服务"]


def answers():
    results = [service.search(query, page_size=100) for query in QUERIES]
    return [(result.count, {hit.page_id: hit.score for hit in result.hits}) for result in results]


def totals_are_the_tables():
    if connection.vendor != "postgresql":
        return True
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT documents, tokens FROM {TOTALS_TABLE}")
        kept = cursor.fetchone()
        cursor.execute(f"SELECT COUNT(*), COALESCE(SUM(terms_length), 0) FROM {SearchDocument._meta.db_table}")
        return kept == cursor.fetchone()


def test_scores_after_edits_are_those_of_a_fresh_rebuild(corpus):
    before = answers()
    project = ProjectPage.objects.live().first()
    project.summary = f"{project.summary}养老服务心理健康服务五社联动，社工走访。"
    project.save_revision().publish()
    PolicyPage.objects.live().first().unpublish()
    NoticePage.objects.live().first().delete()
    assert totals_are_the_tables()
    edited = answers()
    assert edited != before  # the edits changed what the searches answer

    rebuild_embedded()
    assert totals_are_the_tables()
    rebuilt = answers()
    for (count, scores), (rebuilt_count, rebuilt_scores) in zip(edited, rebuilt):
        assert count == rebuilt_count
        assert scores == pytest.approx(rebuilt_scores, abs=1e-9)
