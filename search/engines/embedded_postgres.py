"""The embedded engine's hits on PostgreSQL: the tsvector column and its GIN index find them, and they are
ranked by BM25 exactly as SQLite's FTS5 bm25() ranks them, so both databases give the same order.

FTS5's bm25, for the phrases q of the query (every segment of every word) and a document D:

    score(D) = Σ idf(q) · tf(q, D) · (k1 + 1) / (tf(q, D) + k1 · (1 − b + b · |D| / avgdl))
    idf(q)   = max(ln((N − n(q) + 0.5) / (n(q) + 0.5)), 1e-6),   k1 = 1.2, b = 0.75

with N the number of documents, n(q) those holding q, |D| the document's length in tokens (the
terms_length column, migration 0004) and avgdl the mean length. tf(q, D), the times the phrase occurs,
is ts_rank_cd with every weight 1 and no normalisation: each occurrence of a phrase is one cover of
density 1 (the tsvector keeps 255 positions of a token, so past that it counts no higher; bm25 hardly
moves there). The documents holding any phrase are read once, unfiltered, as n(q) counts them all; a
phrase occurs where its tf is above 0, so whether a document holds a word, or all of them, is read from
its tf values without matching it again; the hits are those holding a word and passing the filters.
"""

from .. import matching
from ..matching import Phrase, Without
from .query import COLUMN, Query
from .tables import DOC_TABLE

K1, B = 1.2, 0.75
TF = "CAST(ts_rank_cd('{1,1,1,1}', d.terms_vector, CAST(%s AS tsquery), 0) AS float8)"


def tsquery_phrase(tokens, prefix=False) -> str:
    """Tokens as a tsquery phrase of quoted lexemes, never syntax; `prefix` makes the last one a prefix."""
    lexemes = ["'" + token.replace("'", "''").replace("\\", "\\\\") + "'" for token in tokens]
    if prefix:
        lexemes[-1] += ":*"
    return " <-> ".join(lexemes)


def tsquery(expression) -> str:
    """A tsquery finding at least every document that matches the expression (for "n of", any part)."""
    if isinstance(expression, Phrase):
        return tsquery_phrase(expression.tokens)
    if isinstance(expression, Without):
        return f"({tsquery(expression.expression)} & !{tsquery(expression.excluded)})"
    joiner = " & " if expression.count == len(expression.parts) else " | "
    return "(" + joiner.join(tsquery(part) for part in expression.parts) + ")"


def _holds(expression, column):
    """SQL: whether a row holds the expression, read from its tf columns (`column[phrase]`)."""
    if isinstance(expression, Phrase):
        return f"({column[expression]} > 0)"
    if isinstance(expression, Without):
        return f"({_holds(expression.expression, column)} AND {column[expression.excluded]} = 0)"
    parts = [_holds(part, column) for part in expression.parts]
    if expression.count == len(parts):
        return "(" + " AND ".join(parts) + ")"
    if expression.count == 1:
        return "(" + " OR ".join(parts) + ")"
    return "((" + " + ".join(f"CAST({part} AS int)" for part in parts) + f") >= {expression.count})"


def postgres_hits_sql(query: Query, columns: str, where: str, params: list):
    """The SELECT that finds every hit with its score and its strictest tier."""
    excluded = [tier.excluded for tier in query.tiers if isinstance(tier, Without)]
    phrases = list(dict.fromkeys([*(p for tier in query.tiers for p in matching.phrases(tier)), *excluded]))
    column = {phrase: f"d.tf{i}" for i, phrase in enumerate(phrases)}
    n = range(len(phrases))
    tf = ", ".join(f"{TF} AS tf{i}" for i in n)
    df = ", ".join(f"COUNT(*) FILTER (WHERE tf{i} > 0) AS df{i}" for i in n)
    idf = ", ".join(f"GREATEST(LN((s.n - df{i} + 0.5) / (df{i} + 0.5)), 1e-6) AS idf{i}" for i in n)
    norm = f"{K1} * (1 - {B} + {B} * d.terms_length / s.avgdl)"
    term = {phrase: f"w.idf{i} * d.tf{i} * {K1 + 1} / (d.tf{i} + {norm})" for i, phrase in enumerate(phrases)}
    # A hit is scored on the phrases of its strictest tier, as FTS5 scores it there (each tier is one MATCH).
    scores = [" + ".join(term[p] for p in matching.phrases(tier)) for tier in query.tiers]
    strictest = [_holds(tier, column) for tier in query.tiers[:-1]]
    tier = f"CASE {' '.join(f'WHEN {h} THEN {i}' for i, h in enumerate(strictest))} ELSE {len(scores) - 1} END"
    score = f"CASE {' '.join(f'WHEN {h} THEN {s}' for h, s in zip(strictest, scores))} ELSE {scores[-1]} END"
    if not strictest:
        tier, score = "0", scores[0]
    sql = (
        f"WITH c AS MATERIALIZED (SELECT d.page_id, d.date, d.terms_length, {', '.join(COLUMN.values())}, {tf} "
        f"FROM {DOC_TABLE} d WHERE d.terms_vector @@ CAST(%s AS tsquery)), "
        f"s AS MATERIALIZED (SELECT CAST(COUNT(*) AS float8) AS n, CAST(AVG(terms_length) AS float8) AS avgdl FROM {DOC_TABLE}), "
        f"w AS MATERIALIZED (SELECT {idf} FROM s, (SELECT {df} FROM c) AS counts) "
        f"SELECT d.page_id AS id, {score} AS score, {tier} AS tier, "
        f"d.date AS date, {columns} FROM c AS d, s, w WHERE {_holds(query.tiers[-1], column)}{where}"
    )
    # Every document holding any phrase is read, so that n(q) counts them all; the hits are filtered after.
    scored = [p for p in phrases if p not in excluded]
    return sql, [
        *(tsquery_phrase(p.tokens) for p in phrases),
        " | ".join(tsquery_phrase(p.tokens) for p in scored),
        *params,
    ]
