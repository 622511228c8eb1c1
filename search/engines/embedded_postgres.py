"""The embedded engine's hits on PostgreSQL: the tsvector column and its GIN index find them, and they are
ranked by BM25 exactly as SQLite's FTS5 bm25() ranks them, so both databases give the same order.

FTS5's bm25, for the phrases q of the query (every segment of every word) and a document D:

    score(D) = Σ idf(q) · tf(q, D) · (k1 + 1) / (tf(q, D) + k1 · (1 − b + b · |D| / avgdl))
    idf(q)   = max(ln((N − n(q) + 0.5) / (n(q) + 0.5)), 1e-6),   k1 = 1.2, b = 0.75

with N the number of documents, n(q) those holding q, |D| the document's length in tokens (the
terms_length column, migration 0004) and avgdl the mean length; N and the sum of the lengths are kept by
the database in a totals table (migration 0008), so no search counts them. tf(q, D), the times the phrase
occurs, is ts_rank_cd with every weight 1 and no normalisation: each occurrence of a phrase is one cover of
density 1 (the tsvector keeps 255 positions of a token, so past that it counts no higher; bm25 hardly
moves there).

Most of a search's time is spent per document holding a word, and ts_rank_cd is the dear part of it (a
phrase's tf costs several times the test whether the document holds it). So the documents holding any
phrase are read once, unfiltered, with only whether each holds each phrase: that gives n(q), each hit's
strictest tier and the hits (those holding a word and passing the filters). Then tf is computed only for
the hits that can be on the page, on their own tier's phrases. The tsvectors are kept inside the rows
(migration 0008), so reading one costs no TOAST fetch.
"""

from .. import matching
from ..matching import Phrase, Without
from .query import COLUMN, Query, Sort
from .tables import DOC_TABLE

K1, B = 1.2, 0.75
TF = "CAST(ts_rank_cd('{1,1,1,1}', d.terms_vector, CAST(%s AS tsquery), 0) AS float8)"
HELD = "CAST(d.terms_vector @@ CAST(%s AS tsquery) AS int)"
TOTALS_TABLE = "shegong_search_totals"  # migration 0008


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


def postgres_search_sql(query: Query, columns: str, where: str, params: list, order: str):
    """CTEs `h`, every hit with its strictest tier and `columns`, and `page`, the (id, score, tier, date) of the
    hits on the page in `order`; and their parameters (the page's limit and offset last).

    Whether a document holds each phrase is all that finding the hits, their tiers and n(q) need, and that is
    cheap; the scores are computed only for the hits that can be on the page: those of the tiers up to the
    one the page ends in (by relevance), or the page itself (by date), each on its own tier's phrases.
    """
    page_end = query.offset + query.limit
    if not query.tiers:
        hits = f"SELECT d.page_id AS id, 0 AS tier, d.date AS date, {columns} FROM {DOC_TABLE} d WHERE 1=1{where}"
        page = f"SELECT id, 0.0 AS score, tier, date FROM h ORDER BY {order} LIMIT %s OFFSET %s"
        return f"h AS MATERIALIZED ({hits}), page AS ({page})", [*params, query.limit, query.offset]
    excluded = [tier.excluded for tier in query.tiers if isinstance(tier, Without)]
    scored = list(dict.fromkeys(p for tier in query.tiers for p in matching.phrases(tier)))
    phrases = list(dict.fromkeys([*scored, *excluded]))
    held = {phrase: f"d.held{i}" for i, phrase in enumerate(phrases)}
    n = range(len(phrases))
    holding = ", ".join(f"{HELD} AS held{i}" for i in n)
    df = ", ".join(f"COUNT(*) FILTER (WHERE held{i} > 0) AS df{i}" for i in n)
    idf = ", ".join(f"GREATEST(LN((s.n - df{i} + 0.5) / (df{i} + 0.5)), 1e-6) AS idf{i}" for i in n)
    strictest = [_holds(tier, held) for tier in query.tiers[:-1]]
    tier = f"CASE {' '.join(f'WHEN {h} THEN {i}' for i, h in enumerate(strictest))} ELSE {len(query.tiers) - 1} END"
    # A hit is scored on the phrases of its strictest tier, as FTS5 scores it there (each tier is one MATCH);
    # the tf of a phrase is computed only for the hits in a tier that scores it.
    tiers_of = {p: [i for i, t in enumerate(query.tiers) if p in matching.phrases(t)] for p in scored}
    tf = ", ".join(
        f"CASE WHEN h.tier IN ({', '.join(map(str, tiers_of[p]))}) THEN {TF} END AS tf{phrases.index(p)}"
        for p in scored
    )
    norm = f"{K1} * (1 - {B} + {B} * d.terms_length / s.avgdl)"
    term = {p: f"w.idf{i} * t.tf{i} * {K1 + 1} / (t.tf{i} + {norm})" for i, p in enumerate(phrases) if p in scored}
    score = " ".join(
        f"WHEN {i} THEN {' + '.join(term[p] for p in matching.phrases(t))}" for i, t in enumerate(query.tiers)
    )
    if query.sort == Sort.NEWEST:
        candidates = f"(SELECT * FROM h ORDER BY {order} LIMIT {page_end})"
    else:
        # The tier the page ends in: the first whose hits and those of the tiers before it fill it.
        candidates = (
            "(SELECT * FROM h WHERE tier <= (SELECT COALESCE(MIN(tier) FILTER (WHERE upto >= "
            f"{page_end}), MAX(tier)) FROM (SELECT tier, SUM(COUNT(*)) OVER (ORDER BY tier) AS upto "
            "FROM h GROUP BY tier) AS tiers))"
        )
    ctes = (
        f"c AS MATERIALIZED (SELECT d.page_id, d.date, {', '.join(COLUMN.values())}, {holding} "
        f"FROM {DOC_TABLE} d WHERE d.terms_vector @@ CAST(%s AS tsquery)), "
        f"s AS MATERIALIZED (SELECT CAST(documents AS float8) AS n, CAST(tokens AS float8) / NULLIF(documents, 0) "
        f"AS avgdl FROM {TOTALS_TABLE} WHERE id = 1), "
        f"w AS MATERIALIZED (SELECT {idf} FROM s, (SELECT {df} FROM c) AS counts), "
        f"h AS MATERIALIZED (SELECT d.page_id AS id, {tier} AS tier, d.date AS date, {columns} FROM c AS d "
        f"WHERE {_holds(query.tiers[-1], held)}{where}), "
        f"page AS (SELECT * FROM (SELECT h.id, CASE h.tier {score} END AS score, h.tier, h.date FROM {candidates} AS h "
        f"JOIN {DOC_TABLE} d ON d.page_id = h.id CROSS JOIN s CROSS JOIN w "
        f"CROSS JOIN LATERAL (SELECT {tf} OFFSET 0) AS t) AS scored ORDER BY {order} LIMIT %s OFFSET %s)"
    )
    # Every document holding any phrase is read, so that n(q) counts them all; the hits are filtered after.
    return ctes, [
        *(tsquery_phrase(p.tokens) for p in phrases),
        " | ".join(tsquery_phrase(p.tokens) for p in scored),
        *params,
        *(tsquery_phrase(p.tokens) for p in scored),
        query.limit,
        query.offset,
    ]
