"""The relevance set (demo_relevance.py): queries as citizens type them over the demo content, on both engines."""

import pytest

from shegong.search import service
from shegong.search.indexing import rebuild

from .demo_relevance import QUERIES, evaluate


def titles(query):
    return [hit.title for hit in service.search(query, page_size=10).hits]


def check(engine):
    recall, mrr, misses = evaluate(titles)
    print(f"\n{engine}：{len(QUERIES)} 个查询，recall@10 = {recall:.3f}，MRR = {mrr:.3f}")
    assert len(QUERIES) >= 60
    assert {kind for _, kind, _ in QUERIES} >= {
        "no spaces",
        "synonym",
        "traditional",
        "pinyin",
        "typo",
        "文号",
        "code prefix",
    }
    assert recall >= 0.95, misses
    assert mrr >= 0.85, misses


def test_citizens_queries_on_the_embedded_engine(demo):
    assert service.search("养老").engine == "embedded"
    check("内置引擎")


@pytest.mark.elasticsearch
def test_citizens_queries_on_elasticsearch(demo, es):
    rebuild.rebuild_elasticsearch()
    assert service.search("养老").engine == "elasticsearch"
    check("Elasticsearch")
