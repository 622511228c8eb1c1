"""On PostgreSQL a search reads the postings table (migrations 0009 and 0011), not the documents' tsvectors: after
pages are published, edited, unpublished and deleted, and after a rebuild, the postings hold exactly the tsvectors'
words and positions with each document's date, length and facet key, and searches find what the pages now say.
search_rebuild counts the BM25 totals again, so totals left wrong (by a data-only restore, which fires no trigger)
are put right."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.db import connection

from shegong.pages.models import NoticePage, PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.engines.embedded_postgres import POSTINGS_TABLE, TOTALS_TABLE
from shegong.search.engines.tables import DOC_TABLE
from shegong.search.indexing.rebuild import rebuild_embedded
from shegong.search.models import SearchDocument

pytestmark = pytest.mark.skipif(connection.vendor != "postgresql", reason="the postings table is PostgreSQL's")

QUERIES = ["养老", "社工", "资金 拨付", "五社联动", "心理健康服务"]
VECTORS = (
    "SELECT u.lexeme, d.page_id, u.positions, d.date, d.terms_length, d.facet_key "
    f"FROM {DOC_TABLE} d CROSS JOIN LATERAL unnest(d.terms_vector) u"
)
POSTINGS = f"SELECT term, page_id, positions, date, length, facet_key FROM {POSTINGS_TABLE}"


def rows(sql, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def postings_differ_from_vectors():
    """How many postings are missing, extra or different, against the documents' tsvectors."""
    sql = f"SELECT COUNT(*) FROM (({VECTORS} EXCEPT ALL {POSTINGS}) UNION ALL ({POSTINGS} EXCEPT ALL {VECTORS})) AS d"
    return rows(sql)[0][0]


def found(query):
    return {hit.title for hit in service.search(query, page_size=100).hits}


def answers():
    results = [service.search(query, page_size=100) for query in QUERIES]
    return [(result.count, {hit.page_id: hit.score for hit in result.hits}) for result in results]


def test_postings_follow_every_write(corpus):
    assert rows(f"SELECT COUNT(*) FROM {POSTINGS_TABLE}")[0][0] > 0
    assert postings_differ_from_vectors() == 0

    project = ProjectPage.objects.live().first()
    project.summary = f"{project.summary}新设喘息驿站，为照护者提供短期替代照护。"
    project.save_revision().publish()
    policy = PolicyPage.objects.live().first()
    policy.unpublish()
    notice = NoticePage.objects.live().first()
    notice.delete()

    assert postings_differ_from_vectors() == 0
    assert project.title in found("喘息驿站")
    assert policy.title not in found(policy.title)
    assert notice.title not in found(notice.title)

    rebuild_embedded()
    assert postings_differ_from_vectors() == 0
    assert project.title in found("喘息驿站")


def test_a_change_of_filter_values_alone_reaches_the_postings(corpus):
    """A write that changes a document's date or filter values but not its words (as a project's stage or street
    can change) moves it in the facets and the filters."""
    document = SearchDocument.objects.filter(doc_type="project").first()
    words = document.title
    SearchDocument.objects.filter(page_id=document.page_id).update(street="测试街道", date="2001-02-03")

    assert postings_differ_from_vectors() == 0
    filtered = service.search(words, filters={"street": ["测试街道"]})
    assert [hit.page_id for hit in filtered.hits] == [document.page_id]
    streets = {facet["value"]: facet["count"] for facet in service.search(words).facets["street"]}
    assert streets["测试街道"] == 1
    assert service.search(words, date_to=datetime.date(2001, 12, 31)).count == 1


def test_search_rebuild_counts_the_totals_again(corpus):
    before = answers()
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TOTALS_TABLE} SET documents = documents + 500, tokens = tokens * 2")
    assert answers() != before  # wrong totals change the scores

    call_command("search_rebuild", engine="embedded", stdout=io.StringIO())

    assert rows(f"SELECT documents, tokens FROM {TOTALS_TABLE}") == rows(
        f"SELECT COUNT(*), COALESCE(SUM(terms_length), 0) FROM {DOC_TABLE}"
    )
    for (count, scores), (rebuilt_count, rebuilt_scores) in zip(before, answers()):
        assert count == rebuilt_count
        assert scores == pytest.approx(rebuilt_scores, abs=1e-9)
