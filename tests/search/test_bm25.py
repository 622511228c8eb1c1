"""The embedded engine scores by BM25 (FTS5's bm25 on SQLite, the same sum in SQL on PostgreSQL): worked
out here from the stored token streams, the scores the search answers are those."""

import math

import pytest

from shegong.search import matching, service
from shegong.search.models import SearchDocument

K1, B = 1.2, 0.75


def occurrences(tokens, phrase):
    return sum(tokens[i : i + len(phrase)] == phrase for i in range(len(tokens) - len(phrase) + 1))


def bm25(query):
    """page id → score of every document the query finds: BM25 over the phrases of the strictest tier it is in."""
    docs = {doc.page_id: doc.terms.split() for doc in SearchDocument.objects.only("page_id", "terms")}
    avgdl = sum(map(len, docs.values())) / len(docs)
    tiers = matching.plan(query).tiers
    phrases = matching.phrases(tiers[-1]) + [p for tier in tiers for p in matching.phrases(tier)]
    tf = {page_id: {p: occurrences(tokens, list(p.tokens)) for p in phrases} for page_id, tokens in docs.items()}
    idf = {
        p: max(math.log((len(docs) - n + 0.5) / (n + 0.5)), 1e-6)
        for p in phrases
        for n in [sum(1 for counts in tf.values() if counts[p])]
    }
    scores = {}
    for page_id, counts in tf.items():
        present = {p for p, f in counts.items() if f}
        tier = next((tier for tier in tiers if matching.holds(tier, present)), None)
        if tier is not None:
            norm = K1 * (1 - B + B * len(docs[page_id]) / avgdl)
            scores[page_id] = sum(idf[p] * counts[p] * (K1 + 1) / (counts[p] + norm) for p in matching.phrases(tier))
    return scores


@pytest.mark.parametrize("query", ["养老", "资金 拨付", "五社联动", "民发〔2021〕6号", "社工 社工站"])
def test_scores_are_bm25(corpus, query):
    expected = bm25(query)
    result = service.search(query, page_size=100)
    assert result.count == len(expected) > 0
    # The answer's scores are rounded to 4 places.
    assert {hit.page_id: hit.score for hit in result.hits} == pytest.approx(expected, abs=1e-4)
