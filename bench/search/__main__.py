"""Search benchmark: index time, documents per second, query p50/p95 and RSS of the embedded engine,
beside the bare floor so the overhead is a ratio: on SQLite the same FTS5 MATCH, top 10 by bm25; on
PostgreSQL (DATABASE_URL=postgres://...) the same terms as `terms_vector @@ tsquery`, top 10 by ts_rank.
On PostgreSQL, with --baseline REV, the engine as it stood at that revision (one that reads the same tables)
answers every query too, interleaved with this one in the same run, and the answers are compared (same total,
hits, order, scores, tiers and facet counts). On SQLite only, the service's time in parts: the page of hits (ranked by bm25) and the facet counts, each timed alone, and
the rest (documents, snippets, facet lists). The service counts facets on a second connection while it
ranks, so the rest is its time less the longer of the two parts.

    .venv/bin/python bench/search                 # 10k and 100k documents
    .venv/bin/python bench/search --sizes 10000   # quicker
    .venv/bin/python bench/search --relevance     # the relevance set over the demo content, both engines
    .venv/bin/python bench/search --indexing      # what a draft save and a publish cost the editor
    DATABASE_URL=postgres://shegong:shegong@127.0.0.1:5432/shegong_bench .venv/bin/python bench/search
    .venv/bin/python bench/search --postgres postgres://shegong:shegong@127.0.0.1:5432/shegong_bench
                                                  # SQLite, then PostgreSQL, in one run
    DATABASE_URL=... .venv/bin/python bench/search --reuse --sizes 100000
                                                  # keep the corpus a previous run left at that size
    .venv/bin/python bench/search --answers /tmp/answers   # run at two revisions: are all answers the same?
    .venv/bin/python bench/search --searchers 1 2 4         # throughput with that many searching at once

Documents are synthetic but realistic (social-work vocabulary, document numbers, project codes) and are
written straight into the search tables, so this measures the engine, not page creation. The index
time is what a rebuild does with them (analysis, writing, merging); making up their text is timed
apart.
"""

import argparse
import importlib.util
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

QUERIES = [
    "社工",
    "养老",
    "儿童",
    "五社联动",
    "困难群众",
    "官渡",
    "社区营造",
    "资金 拨付",
    "民发〔2021〕6号",
    "GD-2023-017",
    "5A",
    "喘息服务",
    "红黑榜",
    "立项公示",
    "评估结果",
    "公益创投",
    "留守儿童",
    "最低生活保障",
    "心理健康 青少年",
    "残疾人 康复",
    "志愿服务",
    "站",
    "社会组织 评估",
    "党建引领",
    "防范电信诈骗",
    "关上街道",
    "项目 资金 绩效",
]
WORDS = (
    "社会工作 社工 社工站 养老 养老服务 居家养老 儿童 留守儿童 困境儿童 五社联动 困难群众 社区营造 社区治理 志愿者 志愿服务 "
    "公益创投 项目 资金 拨付 预算 绩效 评估 立项 公示 红黑榜 社会组织 民政局 街道 社区 官渡区 昆明市 云南省 政府购买 服务 "
    "心理健康 青少年 残疾人 康复 特困人员 低保 最低生活保障 救助 帮扶 党建引领 新时代文明实践 喘息服务 照护 独居老人 "
    "探访 助餐 监督 审计 财政 专款专用 联席会议 慈善资源 基层治理 能力建设 培训 督导 个案 小组 活动 宣传 防范电信诈骗"
).split()
FILLER = "的 和 为 在 对 开展 推进 加强 提供 建立 完善 落实 有关 工作 进一步 全面 按照 要求".split()
STREETS = ["关上街道", "吴井街道", "金马街道", "小板桥街道", "太和街道", "矣六街道"]
BATCH = 1000
ROOT = Path(__file__).resolve().parents[2]
# The connection settings that bear on speed, printed so runs can be compared.
PRAGMAS = ["journal_mode", "synchronous", "cache_size", "mmap_size", "temp_store"]
CATEGORIES = ["社区营造", "党组织服务群众", "新时代文明实践", "公益创投"]


def sentence(rng, topic, n):
    return "".join(rng.choice(topic if rng.random() < 0.5 else FILLER) for _ in range(n)) + "。"


def make_document(rng, page_id):
    """A search document without its terms, and the weighted fields they are analysed from."""
    from shegong.search.models import SearchDocument

    doc_type = rng.choice(["policy", "project", "notice", "project", "policy"])
    year = rng.randint(2015, 2024)
    title = (
        "关于"
        + "".join(rng.choice(WORDS) for _ in range(rng.randint(2, 3)))
        + rng.choice(["的通知", "项目", "的意见", "公示"])
    )
    number = (
        f"{rng.choice(['民发', '官民发', '云民发', '昆民通'])}〔{year}〕{rng.randint(1, 200)}号"
        if doc_type == "policy"
        else ""
    )
    code = f"GD-{year}-{rng.randint(1, 999):03d}" if doc_type == "project" else ""
    topic = rng.sample(WORDS, 8)  # a document is about a few things, as real ones are
    summary = sentence(rng, topic, 12)
    body = "".join(sentence(rng, topic, rng.randint(8, 20)) for _ in range(rng.randint(8, 20)))
    heavy = " ".join(part for part in [title, number, code] if part)
    document = SearchDocument(
        page_id=page_id,
        doc_type=doc_type,
        title=title,
        url=f"/bench/{page_id}/",
        text=f"{summary}\n{body}"[:30000],
        date=f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        year=year,
        level=rng.choice(["central", "provincial", "municipal", "district"]) if doc_type == "policy" else "",
        issuer=rng.choice(["民政部", "云南省民政厅", "官渡区民政局"]) if doc_type == "policy" else "",
        status="valid" if doc_type == "policy" else "",
        category=rng.choice(CATEGORIES) if doc_type == "project" else "",
        street=rng.choice(STREETS) if doc_type == "project" else "",
        stage=rng.choice(["call", "implementation", "result"]) if doc_type == "project" else "",
        kind=rng.choice(["news", "call"]) if doc_type == "notice" else "",
    )
    return document, [(heavy, 5), (summary, 2), (body, 1)]


def rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def timed(function, *args):
    started = time.perf_counter()
    function(*args)
    return (time.perf_counter() - started) * 1000


def index_corpus(size):
    """Writes `size` documents. Returns the seconds spent making them up and those spent indexing them."""
    from shegong.search import analysis
    from shegong.search.indexing import index

    rng = random.Random(size)
    making = indexing = 0.0
    for start in range(0, size, BATCH):
        started = time.perf_counter()
        made = [make_document(rng, page_id) for page_id in range(start + 1, min(size, start + BATCH) + 1)]
        made_at = time.perf_counter()
        for document, fields in made:
            document.terms = analysis.index_stream(fields)
        index.store_new([document for document, _ in made])
        making, indexing = making + made_at - started, indexing + time.perf_counter() - made_at
    indexing += timed(index.optimize) / 1000
    return making, indexing


def floor_statement(tiers):
    """The bare statement the engine builds on: the loosest tier of the query, top 10 by the database's own rank."""
    from django.db import connection

    from shegong.search.indexing import index

    if connection.vendor == "postgresql":
        from shegong.search.engines.embedded_postgres import tsquery

        return (
            f"SELECT page_id, ts_rank(terms_vector, q) AS r FROM {index.DOC_TABLE}, CAST(%s AS tsquery) AS q "
            f"WHERE terms_vector @@ q ORDER BY r DESC LIMIT 10",
            [tsquery(tiers[-1])],
        )
    from shegong.search.engines.embedded import fts_match

    return (
        f"SELECT rowid, bm25({index.FTS_TABLE}) AS r FROM {index.FTS_TABLE} "
        f"WHERE {index.FTS_TABLE} MATCH %s ORDER BY r LIMIT 10",
        [fts_match(tiers[-1])],
    )


def baseline_search_sql(revision):
    """postgres_search_sql as it stood at `revision`, loaded from git beside the current one."""
    path = "search/engines/embedded_postgres.py"
    source = subprocess.run(
        ["git", "show", f"{revision}:{path}"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    spec = importlib.util.spec_from_loader("shegong.search.engines.baseline_postgres", loader=None)
    module = importlib.util.module_from_spec(spec)
    exec(compile(source, f"{revision}:{path}", "exec"), module.__dict__)
    return module.postgres_search_sql


@contextmanager
def engine_at(search_sql):
    """The embedded engine with this PostgreSQL statement builder (None: the current one)."""
    from shegong.search.engines import embedded

    with mock.patch.object(embedded, "postgres_search_sql", search_sql or embedded.postgres_search_sql):
        yield


def answer(query):
    """Everything the engine answers for a query (total, hits, their tiers, facet counts), to compare answers."""
    from shegong.search.engines.embedded import EmbeddedEngine

    result = EmbeddedEngine().search(query)
    return [result.count, result.hits, result.tiers, {name: dict(counts) for name, counts in result.facets.items()}]


# Beyond the plain queries, answers kept with --answers also cover filters, the newest-first order, a second page
# and a listing without words.
ANSWER_VARIANTS = [
    ("养老", {"type": ["project"]}),
    ("社工", {"street": ["关上街道"], "stage": ["call"]}),
    ("儿童", {"year": ["2020"]}),
    ("", {"type": ["policy"]}),
]


def kept_answers():
    """Every answer of the engine for the queries and ANSWER_VARIANTS, both orders, first and third page, as JSON."""
    from shegong.search import matching
    from shegong.search.engines.query import Query, Sort

    answers = {}
    for text, filters in [(text, {}) for text in QUERIES] + ANSWER_VARIANTS:
        tiers = matching.plan(text).tiers if text else []
        for sort in (Sort.RELEVANCE, Sort.NEWEST):
            for offset in (0, 20):
                count, hits, tiers_of_hits, facets = answer(Query(tiers, filters=filters, sort=sort, offset=offset))
                # Rounded: JSON keeps what a float prints, and a later run compares against that.
                hits = [[page_id, round(score, 9)] for page_id, score in hits]
                key = f"{text}|{json.dumps(filters, ensure_ascii=False)}|{sort}|{offset}"
                answers[key] = [count, hits, tiers_of_hits, facets]
    return answers


def compare_answers(directory, size):
    """Keeps this revision's answers in DIRECTORY, or, when a previous run (another revision, maybe another schema)
    kept them there, says how many are the same."""
    path = Path(directory) / f"answers-{size}.json"
    answers = kept_answers()
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
        return f"{'':>10}答案已存入 {path}（{len(answers)} 个）"
    kept = json.loads(path.read_text(encoding="utf-8"))
    same = sum(kept.get(key) == answer for key, answer in answers.items())
    return f"{'':>10}与 {path} 中的答案相同 {same}/{len(answers)}（总数、命中、顺序、分数、层级、分面计数）"


def time_queries(repeats, baseline=None):
    """Milliseconds per query: the service, the floor, the baseline's service (interleaved with this one's, taking
    turns at going first), and on SQLite the engine's two statements on their own. With a baseline, also how many
    queries both answer identically."""
    from django.db import connection

    from shegong.search import matching, service
    from shegong.search.engines.embedded import SQLiteSearch
    from shegong.search.engines.query import Query
    from shegong.search.suggest import suggest

    def floor(sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    times, identical = defaultdict(list), 0
    for text in QUERIES if baseline else []:
        tiers = matching.plan(text).tiers
        with engine_at(baseline):
            before = answer(Query(tiers))
        identical += before == answer(Query(tiers))
    for repeat in range(repeats):
        for number, text in enumerate(QUERIES):
            tiers = matching.plan(text).tiers
            times["suggest"].append(timed(suggest, text[:2]))
            times["floor"].append(timed(floor, *floor_statement(tiers)))
            turns = [("service", None), ("baseline", baseline)] if baseline else [("service", None)]
            for name, search_sql in turns if (repeat + number) % 2 else reversed(turns):
                with engine_at(search_sql):
                    times[name].append(timed(service.search, text))
            if connection.vendor != "sqlite":
                continue  # the parts below are SQLiteSearch's; PostgreSQL runs one statement
            search = SQLiteSearch(Query(tiers))
            times["hits"].append(timed(search.hits))
            times["facets"].append(timed(search.facets))
            times["rest"].append(times["service"][-1] - max(times["hits"][-1], times["facets"][-1]))
    return times, identical


def concurrent_searches(searchers, rounds):
    """`searchers` threads, each with its own connection, each running every query `rounds` times (starting at a
    different one): searches a second and the milliseconds each took, as a site's visitors would see them."""
    from django.db import connection

    from shegong.search import service

    def searcher(start):
        took = []
        try:
            for _ in range(rounds):
                for text in QUERIES[start:] + QUERIES[:start]:
                    took.append(timed(service.search, text))
        finally:
            connection.close()
        return took

    starts = [k * len(QUERIES) // searchers for k in range(searchers)]
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=searchers) as pool:
        took = [ms for times in pool.map(searcher, starts) for ms in times]
    return len(took) / (time.perf_counter() - started), took


def corpus_is_there(size):
    """Whether the documents table holds this size's synthetic corpus (left by a previous run)."""
    from shegong.search.models import SearchDocument

    first, _ = make_document(random.Random(size), 1)
    documents = SearchDocument.objects
    return documents.count() == size and documents.filter(page_id=1, title=first.title).exists()


def load():
    return "负载 " + " / ".join(f"{n:.1f}" for n in os.getloadavg())


def run(size, repeats, revision, reuse=False, answers=None, searchers=()):
    from django.db import connection

    from shegong.search.engines.embedded_postgres import POSTINGS_TABLE
    from shegong.search.indexing import index
    from shegong.search.models import SearchDocument

    sqlite = connection.vendor == "sqlite"
    reused = reuse and corpus_is_there(size)
    making = indexing = 0.0
    if not reused:
        SearchDocument.objects.all()._raw_delete(using="default")
        with connection.cursor() as cursor:
            if sqlite:
                cursor.execute(f"INSERT INTO {index.FTS_TABLE}({index.FTS_TABLE}) VALUES ('rebuild')")
            else:
                for table in (index.DOC_TABLE, POSTINGS_TABLE):
                    cursor.execute(f"VACUUM ANALYZE {table}")  # no dead rows from the last size
        making, indexing = index_corpus(size)
    if not sqlite:
        # What autovacuum would soon do, so the planner knows the tables and the postings are read from their
        # index alone; counted as indexing.
        with connection.cursor() as cursor:
            for table in (index.DOC_TABLE, POSTINGS_TABLE):
                indexing += timed(cursor.execute, f"VACUUM ANALYZE {table}") / 1000
    times, identical = time_queries(repeats, baseline_search_sql(revision) if revision and not sqlite else None)

    def p(name):
        return f"{percentile(times[name], 50):6.1f} / {percentile(times[name], 95):6.1f}"

    ratio = percentile(times["service"], 95) / percentile(times["floor"], 95)
    floor_name = "裸 MATCH" if sqlite else "裸 @@ + ts_rank"
    built = (
        "沿用库中已有的语料"
        if reused
        else f"建索引 {indexing:6.1f} 秒 ({size / indexing:6.0f} 篇/秒；另有生成语料 {making:5.1f} 秒)"
    )
    lines = [
        f"{size:>7} 篇 | {built} | RSS {rss_mb():5.0f} MB",
        f"{'':>10}p50 / p95 毫秒：检索服务 {p('service')} | {floor_name} {p('floor')} | p95 倍数 {ratio:4.1f}× | "
        f"联想（前两字）{p('suggest')} | {load()}",
    ]
    if revision and not sqlite:
        lines.append(
            f"{'':>10}对照（{revision} 的 PostgreSQL 语句，同一次运行中交替）p50 / p95 毫秒：{p('baseline')} | "
            f"p95 之比 {percentile(times['baseline'], 95) / percentile(times['service'], 95):4.1f}× | "
            f"答案相同 {identical}/{len(QUERIES)}（总数、命中、顺序、分数、层级、分面计数）"
        )
    if answers:
        lines.append(compare_answers(answers, size))
    for n in searchers:
        rate, took = concurrent_searches(n, repeats)
        lines.append(
            f"{'':>10}{n} 个检索者同时检索：每秒 {rate:5.1f} 次 | 每次 p50 / p95 毫秒 {percentile(took, 50):6.1f} / "
            f"{percentile(took, 95):6.1f} | {load()}"
        )
    if sqlite:
        lines.append(
            f"{'':>10}分项（各自单独计时，服务中二者并行）p50 / p95 毫秒：取一页（bm25 排序）{p('hits')} | "
            f"分面计数 {p('facets')} | 文档、片段与其余 {p('rest')}"
        )
    print("\n".join(lines), flush=True)


def describe_database():
    """Lets the documents go in without pages behind them (this measures the engine alone), and says which
    database it is with the settings that bear on speed, so runs can be compared."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Foreign keys are triggers on PostgreSQL; a replica session fires none. Superuser only.
            cursor.execute("SET session_replication_role = replica")
            cursor.execute(
                "SELECT current_setting('server_version'), current_setting('shared_buffers'), "
                "current_setting('work_mem')"
            )
            version, shared_buffers, work_mem = cursor.fetchone()
            return f"{name}（PostgreSQL {version}，shared_buffers={shared_buffers}，work_mem={work_mem}）"
        cursor.execute("PRAGMA foreign_keys = OFF")
        settings = {pragma: cursor.execute(f"PRAGMA {pragma}").fetchone()[0] for pragma in PRAGMAS}
    return f"{name}（SQLite {sqlite3.sqlite_version}，{'，'.join(f'{k}={v}' for k, v in settings.items())}）"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeats", type=int, default=3, help="每个查询重复次数")
    parser.add_argument("--relevance", action="store_true", help="在演示内容上跑相关性测试集（两种引擎）")
    parser.add_argument("--indexing", action="store_true", help="保存草稿与发布一个项目的耗时和查询次数")
    parser.add_argument("--postgres", metavar="DATABASE_URL", help="先测 SQLite，再测这个 PostgreSQL 数据库")
    parser.add_argument("--baseline", metavar="REV", help="PostgreSQL 上与之交替对照的 git 版本（其语句须读同样的表）")
    parser.add_argument(
        "--answers", metavar="DIR", help="把各规模的全部答案存入此目录；已存有时比较（可跨越改了表结构的版本）"
    )
    parser.add_argument(
        "--searchers", type=int, nargs="*", default=[], metavar="N", help="再测 N 个检索者同时检索时的吞吐与耗时"
    )
    parser.add_argument("--reuse", action="store_true", help="库中已有该规模的合成语料时直接使用，不重建")
    args = parser.parse_args()
    if args.postgres:
        # Each database in its own process: Django is set up once per process.
        rest = [arg for arg in sys.argv[1:] if arg not in ("--postgres", args.postgres)]
        for url in ["", args.postgres]:
            env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
            subprocess.run(
                [sys.executable, __file__, *rest], env=env | ({"DATABASE_URL": url} if url else {}), check=True
            )
        return 0

    os.environ.setdefault("SHEGONG_DATA_DIR", tempfile.mkdtemp(prefix="shegong-bench-"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shegong.settings.test")
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    if args.relevance:
        from relevance import run as relevance

        return relevance()
    if args.indexing:
        from indexing import run as indexing

        return indexing()
    print(f"数据库：{describe_database()}；查询 {len(QUERIES)} 个 × {args.repeats} 次；{load()}", flush=True)
    for size in args.sizes:
        run(size, args.repeats, args.baseline, args.reuse, args.answers, args.searchers)


if __name__ == "__main__":
    sys.exit(main())
