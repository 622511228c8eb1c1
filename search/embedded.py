"""The embedded engine: the app's own database, no server.

On SQLite, one FTS5 MATCH gives every hit with its BM25 score in a single
pass; on PostgreSQL, the tsvector column with its GIN index and ts_rank.
Hits, facet counts and the all-words-first order are then taken from that one
result set.
"""

import datetime
from collections import Counter

from django.db import connection

from .index import DOC_TABLE, FTS_TABLE
from .query import COLUMN, FILTER_FIELDS, EngineResult, Query, Sort

SELECT_COLUMNS = ", ".join(f"d.{COLUMN[name]}" for name in FILTER_FIELDS)


def _fts_match(terms, joiner):
    def term(t):
        return "(" + " AND ".join('"' + " ".join(s.tokens) + '"' for s in t.segments) + ")"

    return f" {joiner} ".join(term(t) for t in terms)


def _tsquery(terms, joiner):
    def term(t):
        return "(" + " & ".join("(" + " <-> ".join(f"'{tok}'" for tok in s.tokens) + ")" for s in t.segments) + ")"

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


class EmbeddedEngine:
    name = "embedded"

    def _rows(self, query: Query):
        """(page_id, score, date, *filter values) of every hit, and the ids holding all the words."""
        where, params = _filter_sql(query)
        with connection.cursor() as cursor:
            if not query.terms:
                cursor.execute(f"SELECT d.page_id, 0.0, d.date, {SELECT_COLUMNS} FROM {DOC_TABLE} d WHERE 1=1{where}", params)
                return cursor.fetchall(), None
            if connection.vendor == "postgresql":
                match_sql = (
                    f"SELECT d.page_id, ts_rank(d.terms_vector, q.query), d.date, {SELECT_COLUMNS} "
                    f"FROM {DOC_TABLE} d, CAST(%s AS tsquery) AS q(query) WHERE d.terms_vector @@ q.query{where}"
                )
                any_q, all_q = _tsquery(query.terms, "|"), _tsquery(query.terms, "&")
                all_sql = f"SELECT page_id FROM {DOC_TABLE} WHERE terms_vector @@ CAST(%s AS tsquery)"
            else:
                match_sql = (
                    f"SELECT d.page_id, -bm25({FTS_TABLE}), d.date, {SELECT_COLUMNS} FROM {FTS_TABLE} "
                    f"JOIN {DOC_TABLE} d ON d.page_id = {FTS_TABLE}.rowid WHERE {FTS_TABLE} MATCH %s{where}"
                )
                any_q, all_q = _fts_match(query.terms, "OR"), _fts_match(query.terms, "AND")
                all_sql = f"SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH %s"
            cursor.execute(match_sql, [any_q, *params])
            rows = cursor.fetchall()
            complete = None
            if len(query.terms) > 1 and rows:
                cursor.execute(all_sql, [all_q])
                complete = {row[0] for row in cursor.fetchall()}
        return rows, complete

    def search(self, query: Query) -> EngineResult:
        rows, complete = self._rows(query)
        facets = {name: Counter() for name in FILTER_FIELDS}
        for row in rows:
            for name, value in zip(FILTER_FIELDS, row[3:]):
                if value not in ("", None):
                    facets[name][value] += 1
        rows.sort(key=sort_key(query.sort, complete), reverse=True)
        page = rows[query.offset : query.offset + query.limit]
        return EngineResult(len(rows), [(row[0], float(row[1])) for row in page], facets, self.name)


def _as_date(value):
    if isinstance(value, str):
        return datetime.date.fromisoformat(value)
    return value or datetime.date.min


def sort_key(sort, complete):
    if sort == Sort.NEWEST:
        return lambda row: (_as_date(row[2]), row[0])
    return lambda row: (complete is None or row[0] in complete, round(row[1], 9), _as_date(row[2]), row[0])
