"""The embedded engine's hits on PostgreSQL, found and ranked from the postings table (migrations 0009 and 0011):
one row per word of each document, with the word's positions. They are ranked by BM25 exactly as SQLite's FTS5
bm25() ranks them, so both databases give the same order.

FTS5's bm25, for the phrases q of the query (every segment of every word) and a document D:

    score(D) = Σ idf(q) · tf(q, D) · (k1 + 1) / (tf(q, D) + k1 · (1 − b + b · |D| / avgdl))
    idf(q)   = max(ln((N − n(q) + 0.5) / (n(q) + 0.5)), 1e-6),   k1 = 1.2, b = 0.75

with N the number of documents, n(q) those holding q, |D| the document's length in tokens (the
terms_length column, migration 0004) and avgdl the mean length; N and the sum of the lengths are kept by
the database in a totals table (migration 0008), so no search counts them. tf(q, D) is the number of places
where the phrase's words stand one after the other, read from the postings (the positions are those of the
document's tsvector, which keeps 255 positions of a word and none past 16,383).

A search reads the postings of its phrases' words, in (term, page_id) order from the index that carries the
positions: a few bytes per document holding a word, where reading the document's tsvector cost 4–5 kB. Each
posting also carries its document's date, length and facet key (migration 0011), so a search reads nothing but
postings: each document holding a phrase gets its tf of every phrase in one row; that gives n(q), its strictest
tier and its score; the hits are counted per facet key, and the keys told apart into the values the facets list.
"""

from .. import matching
from ..matching import Phrase, Without
from .query import COLUMN, FILTER_FIELDS, Query
from .tables import DOC_TABLE

K1, B = 1.2, 0.75
TOTALS_TABLE = "shegong_search_totals"  # migration 0008
POSTINGS_TABLE = "shegong_search_postings"  # migrations 0009 and 0011
# A document's filter values as one number (migration 0011): `key` holds the values joined by KEY_SEPARATOR.
FACET_KEYS_TABLE = "shegong_search_postgres_facet_keys"
KEY_SEPARATOR = "\x1f"
# What each posting carries of its document (migration 0011), so a search reads no document row.
CARRIED = ("date", "length", "facet_key")
# A phrase of up to this many distinct words is found by joining their postings (PostgreSQL plans up to 8 joins
# in the best order).
JOINED_WORDS = 6


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


def _phrase_postings(i, phrase):
    """SQL and parameters: (page_id, i, tf, date, length, facet key) for each document holding the phrase.

    The postings of the phrase's first word are joined to those of its other words on the document; tf counts the
    positions of the first word that the others follow, one place further each. A phrase of more words than
    JOINED_WORDS (a pasted sentence) is rare in the documents: the tsvector's index finds them, ts_rank_cd counts."""
    words = list(dict.fromkeys(phrase.tokens))
    if len(words) == 1 and len(phrase.tokens) == 1:
        sql = (
            f"SELECT page_id, {i} AS i, CAST(cardinality(positions) AS float8) AS tf, {', '.join(CARRIED)} "
            f"FROM {POSTINGS_TABLE} WHERE term = %s"
        )
        return sql, words
    if len(words) > JOINED_WORDS:
        sql = (
            f"SELECT page_id, {i} AS i, CAST(ts_rank_cd('{{1,1,1,1}}', terms_vector, q, 0) AS float8) AS tf, "
            f"date, terms_length AS length, facet_key FROM {DOC_TABLE}, CAST(%s AS tsquery) AS q WHERE terms_vector @@ q"
        )
        return sql, [tsquery_phrase(phrase.tokens)]
    alias = {word: f"p{k}" for k, word in enumerate(words)}
    joins = " ".join(
        f"JOIN {POSTINGS_TABLE} {alias[w]} ON {alias[w]}.page_id = p0.page_id AND {alias[w]}.term = %s"
        for w in words[1:]
    )
    follows = " AND ".join(f"x + {k} = ANY({alias[word]}.positions)" for k, word in enumerate(phrase.tokens) if k)
    carried = ", ".join(f"p0.{column}" for column in CARRIED)
    sql = (
        f"SELECT p0.page_id, {i} AS i, t.tf, {carried} FROM {POSTINGS_TABLE} p0 {joins} CROSS JOIN LATERAL "
        f"(SELECT CAST(COUNT(*) AS float8) AS tf FROM unnest(p0.positions) AS x WHERE {follows}) AS t "
        "WHERE p0.term = %s AND t.tf > 0"
    )
    return sql, [*words[1:], words[0]]


def postgres_search_sql(query: Query, where: str, params: list, order: str):
    """CTEs `h`, every hit with its strictest tier, date and facet key, and `page`, the (id, score, tier, date) of
    the hits on the page in `order`; and their parameters (the page's limit and offset last). `where` filters the
    hits, reading `d.date` and the filter columns (query.COLUMN) of `d`."""
    if not query.tiers:
        hits = f"SELECT d.page_id AS id, 0 AS tier, d.date AS date, d.facet_key FROM {DOC_TABLE} d WHERE 1=1{where}"
        page = f"SELECT id, 0.0 AS score, tier, date FROM h ORDER BY {order} LIMIT %s OFFSET %s"
        return f"h AS MATERIALIZED ({hits}), page AS ({page})", [*params, query.limit, query.offset]
    excluded = [tier.excluded for tier in query.tiers if isinstance(tier, Without)]
    scored = list(dict.fromkeys(p for tier in query.tiers for p in matching.phrases(tier)))
    phrases = list(dict.fromkeys([*scored, *excluded]))
    tf = {phrase: f"c.tf{i}" for i, phrase in enumerate(phrases)}
    n = range(len(phrases))
    postings = [_phrase_postings(i, phrase) for i, phrase in enumerate(phrases)]
    per_document = ", ".join(f"COALESCE(MAX(tf) FILTER (WHERE i = {i}), 0) AS tf{i}" for i in n)
    df = ", ".join(f"COUNT(*) FILTER (WHERE tf{i} > 0) AS df{i}" for i in n)
    idf = ", ".join(f"GREATEST(LN((s.n - df{i} + 0.5) / (df{i} + 0.5)), 1e-6) AS idf{i}" for i in n)
    strictest = [_holds(tier, tf) for tier in query.tiers[:-1]]
    tier = f"CASE {' '.join(f'WHEN {h} THEN {i}' for i, h in enumerate(strictest))} ELSE {len(query.tiers) - 1} END"
    norm = f"CAST({K1} AS float8) * (1 - CAST({B} AS float8) + CAST({B} AS float8) * h.terms_length / s.avgdl)"
    term = {p: f"w.idf{i} * h.tf{i} * {K1 + 1} / (h.tf{i} + {norm})" for i, p in enumerate(phrases) if p in scored}
    # A hit is scored on the phrases of its strictest tier, as FTS5 scores it there (each tier is one MATCH).
    score = " ".join(
        f"WHEN {i} THEN {' + '.join(term[p] for p in matching.phrases(t))}" for i, t in enumerate(query.tiers)
    )
    tfs = ", ".join(f"c.tf{i}" for i in n)
    # The filter values are read from the keys only when the search filters on them.
    values = ", ".join(f"k.{COLUMN[name]}" for name in FILTER_FIELDS) if any(query.filters.values()) else ""
    keys = f" JOIN {FACET_KEYS_TABLE} k ON k.id = c.facet_key" if values else ""
    hits = (
        f"SELECT c.page_id AS id, {tier} AS tier, c.date, c.length AS terms_length, {tfs}, c.facet_key"
        f"{', ' + values if values else ''} FROM c{keys} WHERE {_holds(query.tiers[-1], tf)}"
    )
    carried = ", ".join(CARRIED)
    ctes = (
        f"c AS MATERIALIZED (SELECT page_id, {carried}, {per_document} "
        f"FROM ({' UNION ALL '.join(sql for sql, _ in postings)}) AS p GROUP BY page_id, {carried}), "
        f"s AS MATERIALIZED (SELECT CAST(documents AS float8) AS n, CAST(tokens AS float8) / NULLIF(documents, 0) "
        f"AS avgdl FROM {TOTALS_TABLE} WHERE id = 1), "
        f"w AS MATERIALIZED (SELECT {idf} FROM s, (SELECT {df} FROM c) AS counts), "
        f"h AS MATERIALIZED (SELECT * FROM ({hits}) AS d WHERE 1=1{where}), "
        f"page AS (SELECT id, CASE h.tier {score} END AS score, h.tier, h.date FROM h CROSS JOIN s CROSS JOIN w "
        f"ORDER BY {order} LIMIT %s OFFSET %s)"
    )
    # Every document holding a phrase counts in n(q); the hits are filtered after.
    return ctes, [
        *(param for _, phrase_params in postings for param in phrase_params),
        *params,
        query.limit,
        query.offset,
    ]


def postgres_facet_counts_sql():
    """SQL: (key, number of hits) for each facet key of the hits `h`; the key is the hits' filter values joined by
    KEY_SEPARATOR, in the order of FILTER_FIELDS."""
    return (
        f"SELECT k.key, g.n FROM (SELECT facet_key, COUNT(*) AS n FROM h GROUP BY facet_key) AS g "
        f"JOIN {FACET_KEYS_TABLE} k ON k.id = g.facet_key"
    )
