"""Outside a transaction the embedded engine counts facets on a second connection while it ranks; the answers
must be those it gives when it does both in turn."""

import json
import threading

import pytest
from django.db import connection, transaction

from shegong.imports.importer import ContentImporter
from shegong.search import service
from tests.factories import ensure_site_tree
from tests.search.conftest import CORPUS
from tests.search.relevance import QUERIES

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="the second connection is SQLite's path")


def answers(query, **filters):
    results = service.search(query, filters=filters, page_size=5)
    return results.count, [hit.title for hit in results.hits], results.facets


@pytest.mark.django_db(transaction=True)
def test_facets_counted_beside_the_ranking_are_those_counted_after_it():
    ensure_site_tree()
    ContentImporter().run(json.loads(CORPUS.read_text(encoding="utf-8")))
    cases = [(query, {}) for query, _ in QUERIES] + [("养老", {"type": ["project"]}), ("", {"type": ["policy"]})]

    beside = [answers(query, **filters) for query, filters in cases]
    assert any(t.name.startswith("shegong-facets") for t in threading.enumerate()), "没有在第二个连接上计数"
    with transaction.atomic():
        in_turn = [answers(query, **filters) for query, filters in cases]

    assert beside == in_turn
    assert sum(count for count, _, _ in beside) > len(cases)
