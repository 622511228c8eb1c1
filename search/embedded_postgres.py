"""The embedded engine's hits on PostgreSQL: the tsvector column, its GIN index and ts_rank."""

from .index import DOC_TABLE
from .query import Query


def _tsquery(terms, joiner):
    def term(t):
        return "(" + " & ".join("(" + " <-> ".join(f"'{tok}'" for tok in s.tokens) + ")" for s in t.segments) + ")"

    return f" {joiner} ".join(term(t) for t in terms)


def postgres_hits_sql(query: Query, columns: str, where: str, params: list):
    """The SELECT that finds every hit with its score and whether it holds all the words."""
    sql = (
        f"SELECT d.page_id AS id, ts_rank(d.terms_vector, CAST(%s AS tsquery)) AS score, "
        f"CASE WHEN d.terms_vector @@ CAST(%s AS tsquery) THEN 1 ELSE 0 END AS complete, d.date AS date, {columns} "
        f"FROM {DOC_TABLE} d WHERE d.terms_vector @@ CAST(%s AS tsquery){where}"
    )
    any_q = _tsquery(query.terms, "|")
    return sql, [any_q, _tsquery(query.terms, "&"), any_q, *params]
