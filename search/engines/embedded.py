"""The embedded engine: the app's own database, no server.

SQLite (FTS5): the page of hits and the facet counts are two statements, and
only the first computes bm25. A hit holding every word ranks before one that
holds some, so a query of several words first ranks only the hits holding all
of them (their bm25 is the same under AND as under OR: the same phrases) and
ranks the rest only when those do not fill the page. The counts need no score:
one GROUP BY over the hits' facet keys (migration 0005).

PostgreSQL (tsvector, see embedded_postgres.py): the hits are found once into
a materialised CTE; the page, the total and every facet's counts are read from
it with one GROUP BY, and only the hits that can be on the page are scored.
"""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from itertools import combinations

from django.db import connection

from ..matching import Phrase, Without, any_of
from .embedded_postgres import KEY_SEPARATOR, POSTINGS_TABLE, postgres_facet_counts_sql, postgres_search_sql
from .query import COLUMN, FILTER_FIELDS, EngineResult, Query, Sort
from .tables import FACETS_TABLE, FTS_TABLE, KEYS_TABLE, PARTS, VALUES_TABLE

NEWEST_ORDER = "(date IS NULL), date DESC, id DESC"


def fts_match(expression):
    """The FTS5 query of a match expression: phrases quoted, "at least n" as OR of the ANDs of n parts."""
    if isinstance(expression, Phrase):
        return '"' + " ".join(expression.tokens) + '"'
    if isinstance(expression, Without):
        # The excluded phrase's frequency is 0 in every row matched, so it adds nothing to bm25.
        return f"({fts_match(expression.expression)} NOT {fts_match(expression.excluded)})"
    parts = [fts_match(part) for part in expression.parts]
    if expression.count == len(parts):
        return "(" + " AND ".join(parts) + ")"
    if expression.count == 1:
        return "(" + " OR ".join(parts) + ")"
    return "(" + " OR ".join("(" + " AND ".join(c) + ")" for c in combinations(parts, expression.count)) + ")"


def _value_clauses(query: Query, names=FILTER_FIELDS, prefix=""):
    """`column IN (...)` for each filter among `names`, and their parameters."""
    clauses, params = [], []
    for name, values in query.filters.items():
        if values and name in names:
            clauses.append(f"{prefix}{COLUMN[name]} IN ({', '.join(['%s'] * len(values))})")
            params += list(values)
    return clauses, params


def _date_clauses(query: Query):
    clauses, params = [], []
    if query.date_from:
        clauses.append("d.date >= %s")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("d.date <= %s")
        params.append(query.date_to)
    return clauses, params


def _and(clauses):
    return "".join(f" AND {clause}" for clause in clauses)


class SQLiteSearch:
    """One search on SQLite. Hits are rows of the FTS5 table joined to the narrow facets table `d`."""

    def __init__(self, query: Query):
        self.query = query
        # Filters on values are a set of facet keys, looked up once.
        parts, self.params = [], []
        for part, names in PARTS.items():
            clauses, params = _value_clauses(query, names)
            if clauses:
                parts.append(f"{part} IN (SELECT id FROM {VALUES_TABLE} WHERE part = '{part}'{_and(clauses)})")
                self.params += params
        keys = [f"d.facet_key IN (SELECT id FROM {KEYS_TABLE} WHERE {' AND '.join(parts)})"] if parts else []
        dates, date_params = _date_clauses(query)
        self.where = _and(keys + dates)
        self.params += date_params

    def _source(self, tier):
        """FROM and WHERE for the hits of a tier, or of a match expression (every row when there is no query)."""
        if not self.query.tiers:
            return f"FROM {FACETS_TABLE} d WHERE 1=1{self.where}", self.params
        expression = self.query.tiers[tier] if isinstance(tier, int) else tier
        match = f"FROM {FTS_TABLE} JOIN {FACETS_TABLE} d ON d.page_id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s"
        return match + self.where, [fts_match(expression), *self.params]

    def _rows(self, sql, params):
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    def _count(self, tier):
        source, params = self._source(tier)
        return self._rows(f"SELECT COUNT(*) {source}", params)[0][0]

    def _top(self, tier, limit, offset, extra="", extra_params=()):
        if self.query.tiers and self.query.sort == Sort.RELEVANCE and not self.where:
            page = self._top_by_score(tier, limit, offset, extra, extra_params)
            if page is not None:
                return page
        source, params = self._source(tier)
        score = f"-bm25({FTS_TABLE})" if self.query.tiers else "0.0"
        order = NEWEST_ORDER if self.query.sort == Sort.NEWEST else f"score DESC, {NEWEST_ORDER}"
        return self._rows(
            f"SELECT d.page_id AS id, {score} AS score, d.date AS date {source}{extra} ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, *extra_params, limit, offset],
        )

    def _top_by_score(self, tier, limit, offset, extra, extra_params):
        """The page ranked by score alone, the dates read for its rows only; None when a tie at its edges
        leaves it to the dates which rows are on the page.

        Without filters nothing else needs the facets table, and skipping its row for every hit saves a
        fifth of the ranking. The row before the page and the one after it are read too: when their
        scores differ from the page's first and last, the page holds the same rows in any tie order.
        """
        before = 1 if offset else 0
        # CROSS JOIN keeps t first and streamed: planned as a plain join, t was materialised with a record
        # made for every hit, which cost a tenth more.
        rows = self._rows(
            f"SELECT t.id AS id, t.score AS score, d.date AS date FROM (SELECT rowid AS id, -bm25({FTS_TABLE}) AS score "
            f"FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s{extra} ORDER BY score DESC LIMIT %s OFFSET %s) AS t "
            f"CROSS JOIN {FACETS_TABLE} d ON d.page_id = t.id ORDER BY score DESC, {NEWEST_ORDER}",
            [fts_match(self.query.tiers[tier]), *extra_params, before + limit + 1, offset - before],
        )
        tie_before = before and len(rows) > 1 and rows[0][1] == rows[1][1]
        tie_after = len(rows) == before + limit + 1 and rows[-1][1] == rows[-2][1]
        return None if tie_before or tie_after else rows[before : before + limit]

    def hits(self):
        """The page of (page id, score, tier): the hits of the strictest tier first, then each looser tier's others."""
        query = self.query
        last = max(0, len(query.tiers) - 1)
        if query.sort == Sort.NEWEST or last == 0:
            return [(*row[:2], last) for row in self._top(last, query.limit, query.offset)]
        page, before = [], 0  # before: the hits of the stricter tiers, which come before this one's
        for tier in range(last + 1):
            extra, extra_params = "", []
            if tier:
                extra = f" AND {FTS_TABLE}.rowid NOT IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)"
                extra_params = [fts_match(any_of(query.tiers[:tier]))]
            rows = self._top(tier, query.limit - len(page), max(0, query.offset - before), extra, extra_params)
            page += [(*row[:2], tier) for row in rows]
            if len(page) == query.limit or tier == last:
                return page
            # This tier ends on this page, or before it: the next tier's hits start after all of its own.
            before = query.offset + len(page) if page else self._count(any_of(query.tiers[: tier + 1]))
        return page

    def facets(self):
        """(filter field, value, number of hits) for each value the hits have, blank ones too.

        The hits are counted per facet key, then per part (a few hundred values), then per field.
        """
        source, params = self._source(len(self.query.tiers) - 1)
        parts = ", ".join(
            f"{part} AS MATERIALIZED (SELECT k.{part} AS value, SUM(c.n) AS n FROM c JOIN {KEYS_TABLE} k ON k.id = c.key "
            "GROUP BY 1)"
            for part in PARTS
        )
        fields = " UNION ALL ".join(
            f"SELECT '{name}', v.{COLUMN[name]}, SUM(p.n) FROM {part} p JOIN {VALUES_TABLE} v ON v.id = p.value GROUP BY 2"
            for part, names in PARTS.items()
            for name in names
        )
        return self._rows(
            f"WITH c AS MATERIALIZED (SELECT d.facet_key AS key, COUNT(*) AS n {source} GROUP BY d.facet_key), "
            f"{parts} {fields}",
            params,
        )


def _postgres_search(query: Query):
    """The page of (page id, score, tier) and the facet rows as SQLiteSearch.facets gives them, from one statement
    over the materialised hits."""
    clauses, params = _value_clauses(query, prefix="d.")
    dates, date_params = _date_clauses(query)
    order = NEWEST_ORDER if query.sort == Sort.NEWEST else f"tier, score DESC, {NEWEST_ORDER}"
    ctes, params = postgres_search_sql(query, _and(clauses + dates), params + date_params, order)
    sql = (
        f"WITH {ctes} "
        f"SELECT 'hit' AS part, CAST(id AS TEXT) || ':' || CAST(tier AS TEXT) AS value, score AS n, "
        f"ROW_NUMBER() OVER (ORDER BY {order}) AS pos FROM page "
        f"UNION ALL SELECT 'facets', key, n, 0 FROM ({postgres_facet_counts_sql()}) AS f"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    hits = sorted((pos, *map(int, value.split(":")), float(n)) for part, value, n, pos in rows if part == "hit")
    # Counts share the UNION column with the float score.
    combinations = [(value.split(KEY_SEPARATOR), int(n)) for part, value, n, _ in rows if part == "facets"]
    facet_rows = [(name, value, n) for values, n in combinations for name, value in zip(FILTER_FIELDS, values)]
    return [(page_id, score, tier) for _, page_id, tier, score in hits], facet_rows


# One thread, so one more connection that stays open between searches (opening one costs as much as the
# counting saves). While it counts for one search, others count on their own connection.
_facet_counter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="shegong-facets")
_facet_counter_idle = threading.Lock()


def _count_and_free(search):
    try:
        return search.facets()
    finally:
        _facet_counter_idle.release()


def _facets_beside(search):
    """A function that returns the facet counts, started now on a second connection when that sees the same data.

    Counting reads every hit, as ranking does: on their own connections the two run at once (SQLite readers
    do not block each other, and Python's sqlite3 lets go of the GIL while a statement runs). Inside a
    transaction only this connection sees its own writes, so there the counts are taken here, after the page.
    """
    if connection.in_atomic_block or not _facet_counter_idle.acquire(blocking=False):
        return search.facets
    return _facet_counter.submit(_count_and_free, search).result


def holds_anywhere(tokens: list[str]) -> bool:
    """Whether some document's stream holds every one of these tokens: one probe of the index per token."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            exists = f"EXISTS (SELECT 1 FROM {POSTINGS_TABLE} WHERE term = %s)"
            cursor.execute(f"SELECT {' AND '.join([exists] * len(tokens))}", tokens)
            return bool(cursor.fetchone()[0])
        match = " AND ".join('"' + token + '"' for token in tokens)
        cursor.execute(f"SELECT EXISTS (SELECT 1 FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s)", [match])
        return bool(cursor.fetchone()[0])


class EmbeddedEngine:
    name = "embedded"

    def search(self, query: Query) -> EngineResult:
        if connection.vendor == "postgresql":
            hits, facet_rows = _postgres_search(query)
        else:
            search = SQLiteSearch(query)
            facets_later = _facets_beside(search)
            hits = search.hits()
            facet_rows = facets_later()
        count, facets = 0, {name: Counter() for name in FILTER_FIELDS}
        for name, value, n in facet_rows:
            count += n if name == FILTER_FIELDS[0] else 0  # every hit has one value of each field, maybe blank
            if value not in ("", None):
                facets[name][str(value)] += n
        pages = [(page_id, float(score)) for page_id, score, _ in hits]
        return EngineResult(count, pages, facets, self.name, [tier for _, _, tier in hits])
