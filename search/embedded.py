"""The embedded engine: the app's own database, no server.

One SQL statement answers a search: the hits are found once (FTS5 MATCH with
bm25 on SQLite; the tsvector column, its GIN index and ts_rank on PostgreSQL)
into a materialised CTE; the page of hits, the total and every facet's counts
are read from it with one GROUP BY. Nothing is re-matched per hit or per facet.
"""

from collections import Counter

from django.db import connection

from .embedded_postgres import postgres_hits_sql
from .index import DOC_TABLE, FACETS_TABLE, FTS_TABLE
from .query import COLUMN, FILTER_FIELDS, EngineResult, Query, Sort

SEPARATOR = "\x1f"
ORDER = {
    Sort.RELEVANCE: "complete DESC, score DESC, (date IS NULL), date DESC, id DESC",
    Sort.NEWEST: "(date IS NULL), date DESC, id DESC",
}


def _fts_match(terms, joiner):
    def term(t):
        return "(" + " AND ".join('"' + " ".join(s.tokens) + '"' for s in t.segments) + ")"

    return f" {joiner} ".join(term(t) for t in terms)


def _filter_sql(query: Query):
    clauses, params = [], []
    for name, values in query.filters.items():
        if values:
            clauses.append(f"d.{COLUMN[name]} IN ({', '.join(['%s'] * len(values))})")
            params += list(values)
    if query.date_from:
        clauses.append("d.date >= %s")
        params.append(query.date_from)
    if query.date_to:
        clauses.append("d.date <= %s")
        params.append(query.date_to)
    return "".join(f" AND {clause}" for clause in clauses), params


def _hits_sql(query: Query):
    """The SELECT that finds every hit with its score and whether it holds all the words."""
    columns = ", ".join(f"d.{COLUMN[name]} AS f_{name}" for name in FILTER_FIELDS)
    where, params = _filter_sql(query)
    if not query.terms:
        return f"SELECT d.page_id AS id, 0.0 AS score, 1 AS complete, d.date AS date, {columns} FROM {DOC_TABLE} d WHERE 1=1{where}", params
    if connection.vendor == "postgresql":
        return postgres_hits_sql(query, columns, where, params)
    complete = "1"
    complete_params = []
    if len(query.terms) > 1:
        complete = f"(d.page_id IN (SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s))"
        complete_params = [_fts_match(query.terms, "AND")]
    sql = (
        f"SELECT d.page_id AS id, -bm25({FTS_TABLE}) AS score, {complete} AS complete, d.date AS date, {columns} "
        f"FROM {FTS_TABLE} JOIN {FACETS_TABLE} d ON d.page_id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{where}"
    )
    return sql, [*complete_params, _fts_match(query.terms, "OR"), *params]


class EmbeddedEngine:
    name = "embedded"

    def search(self, query: Query) -> EngineResult:
        hits_sql, params = _hits_sql(query)
        # All filter values of a hit as one key: a single GROUP BY gives every facet's counts.
        key = " || %s || ".join(f"COALESCE(CAST(f_{name} AS TEXT), '')" for name in FILTER_FIELDS)
        sql = (
            f"WITH h AS MATERIALIZED ({hits_sql}) "
            f"SELECT 'hit' AS part, CAST(id AS TEXT) AS value, score AS n, pos FROM "
            f"(SELECT id, score, ROW_NUMBER() OVER (ORDER BY {ORDER[query.sort]}) AS pos FROM "
            f"(SELECT * FROM h ORDER BY {ORDER[query.sort]} LIMIT %s OFFSET %s) AS top) AS page "
            f"UNION ALL SELECT 'facets', {key}, COUNT(*), 0 FROM h GROUP BY 2"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*params, query.limit, query.offset, *[SEPARATOR] * (len(FILTER_FIELDS) - 1)])
            rows = cursor.fetchall()
        hits, count, facets = [], 0, {name: Counter() for name in FILTER_FIELDS}
        for part, value, n, pos in rows:
            if part == "hit":
                hits.append((pos, int(value), float(n)))
                continue
            count += int(n)
            for name, facet_value in zip(FILTER_FIELDS, value.split(SEPARATOR)):
                if facet_value:
                    facets[name][facet_value] += int(n)
        return EngineResult(count, [(page_id, score) for _, page_id, score in sorted(hits)], facets, self.name)
