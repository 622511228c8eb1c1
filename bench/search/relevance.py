"""The relevance set over the demo content, on the embedded engine and on Elasticsearch (ELASTICSEARCH_URL, or a
local noida-db stand-in when the tests' one is installed): recall@10 and MRR, with the queries it misses.

    .venv/bin/python bench/search --relevance
"""

import os
import sys
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def load_demo():
    """The hand-written story only: the relevance set's judgments were made by reading it, and they say nothing
    of the generated years' projects, which would push judged pages down by being just as relevant."""
    from django.core.management import call_command

    call_command("load_demo", "--story-only", verbosity=0)
    call_command("search_rebuild", verbosity=0)


def evaluate(engine):
    from shegong.search import service
    from tests.search.demo_relevance import QUERIES, evaluate

    recall, mrr, misses = evaluate(lambda query: [hit.title for hit in service.search(query, page_size=10).hits])
    answered = service.search("养老").engine
    print(f"{engine}（{answered}）：{len(QUERIES)} 个查询，recall@10 = {recall:.3f}，MRR = {mrr:.3f}", flush=True)
    kinds = {}
    for _, kind, _ in QUERIES:
        kinds[kind] = kinds.get(kind, 0) + 1
    print("    查询类型：" + "，".join(f"{kind} {n}" for kind, n in kinds.items()))
    for query, missed, top in misses:
        print(f"    未进前十：{query} → 缺 {missed}；前五 {top}")


def on_elasticsearch():
    from django.conf import settings

    from shegong.search.indexing import rebuild, sync

    server = None
    url = os.environ.get("SHEGONG_BENCH_ELASTICSEARCH_URL")
    if not url:
        sys.path.insert(0, str(ROOT))
        from tests.search.conftest import NOIDA, LocalServer

        if not NOIDA.exists():
            print("Elasticsearch：未设置 SHEGONG_BENCH_ELASTICSEARCH_URL，也没有 noida-db，跳过。")
            return
        server = LocalServer()
        if not server.start():
            server.remove()
            print("Elasticsearch：noida-db 未能启动，跳过。")
            return
        url = server.url
    settings.ELASTICSEARCH_URL = url
    settings.SHEGONG_SEARCH_INDEX_PREFIX = f"shegong-bench-{uuid.uuid4().hex[:8]}"
    sync.mark_es_up()
    try:
        rebuild.rebuild_elasticsearch()
        evaluate("Elasticsearch")
    finally:
        settings.ELASTICSEARCH_URL = ""
        if server:
            server.remove()


def run():
    sys.path.insert(0, str(ROOT))
    load_demo()
    evaluate("内置引擎")
    on_elasticsearch()
