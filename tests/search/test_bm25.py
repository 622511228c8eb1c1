"""The embedded engine scores by BM25 (FTS5's bm25 on SQLite, the same sum in SQL on PostgreSQL): worked
out here from the stored token streams, the scores the search answers are those."""

import math

import pytest

from shegong.search import service
from shegong.search.analysis import analyse_query
from shegong.search.models import SearchDocument

K1, B = 1.2, 0.75


def occurrences(tokens, phrase):
    return sum(tokens[i : i + len(phrase)] == phrase for i in range(len(tokens) - len(phrase) + 1))


def bm25(query):
    """page id → score of every document holding any word of the query."""
    docs = {doc.page_id: doc.terms.split() for doc in SearchDocument.objects.only("page_id", "terms")}
    avgdl = sum(map(len, docs.values())) / len(docs)
    terms = analyse_query(query)
    phrases = [segment.tokens for term in terms for segment in term.segments]
    tf = {page_id: [occurrences(tokens, phrase) for phrase in phrases] for page_id, tokens in docs.items()}
    df = [sum(1 for counts in tf.values() if counts[i]) for i in range(len(phrases))]
    idf = [max(math.log((len(docs) - n + 0.5) / (n + 0.5)), 1e-6) for n in df]
    scores = {}
    for page_id, counts in tf.items():
        # A hit holds every segment of at least one word.
        position, holds_a_word = 0, False
        for term in terms:
            holds_a_word |= all(counts[position : position + len(term.segments)])
            position += len(term.segments)
        if holds_a_word:
            norm = K1 * (1 - B + B * len(docs[page_id]) / avgdl)
            scores[page_id] = sum(w * f * (K1 + 1) / (f + norm) for w, f in zip(idf, counts))
    return scores


@pytest.mark.parametrize("query", ["养老", "资金 拨付", "五社联动", "民发〔2021〕6号", "社工 社工站"])
def test_scores_are_bm25(corpus, query):
    expected = bm25(query)
    result = service.search(query, page_size=100)
    assert result.count == len(expected) > 0
    # The answer's scores are rounded to 4 places.
    assert {hit.page_id: hit.score for hit in result.hits} == pytest.approx(expected, abs=1e-4)
