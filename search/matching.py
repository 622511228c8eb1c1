"""Graded matching: what a query asks of a document, from strictest to loosest, the same on every engine.

A query's words (what the user separated by spaces) are cut into pieces: a run of Chinese characters into
the words the lexicon knows (老年人助餐 → 老年人 助餐), numbers, document numbers and codes stay whole. Each
piece also matches its synonyms (社工 → 社会工作). The tiers, ranked in this order:

1. every word as typed, as an exact phrase;
2. every piece, in any order and place, or a synonym of it;
3. most of the pieces (at least half of the first eight).

Each tier is a match expression: phrases of tokens, and "at least n of these". A document in a tier is in
every looser one, so an engine ranks a hit by its strictest tier, then by score, and counts the loosest.
"""

import math
import re
from dataclasses import dataclass, field

from .analysis import CJK, Segment, Term, analyse_query, fold
from .lexicon import lexicon

_CJK_TOKEN = re.compile(f"[{CJK}]+")
MOST_OF_PIECES = 8
# What a hit in each tier holds, as the results say it.
TIER_KINDS = ["phrase", "all", "most"]


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class AtLeast:
    """At least `count` of the parts match."""

    count: int
    parts: tuple


def all_of(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AtLeast(len(parts), parts)


def any_of(parts):
    parts = tuple(dict.fromkeys(parts))
    return parts[0] if len(parts) == 1 else AtLeast(1, parts)


def phrases(expression):
    """The distinct phrases of an expression, in order."""
    if isinstance(expression, Phrase):
        return [expression]
    return list(dict.fromkeys(p for part in expression.parts for p in phrases(part)))


def holds(expression, present) -> bool:
    """Whether a document holding the phrases `present` (a set) matches the expression."""
    if isinstance(expression, Phrase):
        return expression in present
    return sum(holds(part, present) for part in expression.parts) >= expression.count


@dataclass
class Piece:
    text: str
    synonyms: list[str]
    expression: object


@dataclass
class Plan:
    """What a query asks, tier by tier, and what to tell the user about it."""

    terms: list[Term]
    tiers: list = field(default_factory=list)
    pieces: list[Piece] = field(default_factory=list)
    pinyin: str = ""  # the Chinese words a pinyin query was read as
    kinds: list[str] = field(default_factory=list)  # each tier's TIER_KINDS entry

    @property
    def synonyms(self):
        return list(dict.fromkeys(s for piece in self.pieces for s in piece.synonyms))

    @property
    def marked_terms(self):
        """Everything a hit may hold for the query: the words, their pieces and synonyms, to mark in snippets."""
        extra = [term for piece in self.pieces for word in [piece.text, *piece.synonyms] for term in analyse_query(word)]
        return self.terms + extra


def _word_expression(segments: list[Segment]):
    return all_of(Phrase(tuple(s.tokens)) for s in segments)


def _run_of(segment: Segment) -> str | None:
    """The Chinese run a segment of bigrams was made from, or None for numbers and codes."""
    tokens = segment.tokens
    if not _CJK_TOKEN.fullmatch(tokens[0]):
        return None
    return tokens[0] + "".join(token[-1] for token in tokens[1:])


def _piece(word: str, words) -> Piece:
    synonyms = [s for s in words.synonyms.get(word, []) if s != word]
    variants = [_word_expression(term.segments) for text in [word, *synonyms] for term in analyse_query(text)]
    return Piece(word, synonyms, any_of(variants))


def plan(q: str) -> Plan:
    words = lexicon()
    pinyin = words.from_pinyin(fold(q).strip())
    terms = analyse_query(pinyin or q, code_parts=True)
    result = Plan(terms, pinyin=pinyin or "")
    if not terms:
        return result
    pieces = []
    for term in terms:
        if any(_run_of(segment) is None for segment in term.segments):
            # A document number or a code is one thing: it is found whole or not at all.
            pieces.append(Piece(term.text, [], _word_expression(term.segments)))
            continue
        for segment in term.segments:
            pieces += [_piece(piece, words) for piece in words.segment(_run_of(segment))]
    result.pieces = pieces
    tiers = [all_of(_word_expression(term.segments) for term in terms), all_of(p.expression for p in pieces)]
    # "Most" of the first few distinct pieces (on SQLite an OR of every choice of that many); never a single
    # character, which nearly every document holds.
    distinct = tuple(dict.fromkeys(p.expression for p in pieces if len(p.text) > 1))[:MOST_OF_PIECES]
    if len(distinct) > 1:
        tiers.append(AtLeast(math.ceil(len(distinct) / 2), distinct))
    kept = [i for i, tier in enumerate(tiers) if i == 0 or tier != tiers[i - 1]]
    result.tiers, result.kinds = [tiers[i] for i in kept], [TIER_KINDS[i] for i in kept]
    return result


def missing(plan_: Plan, terms_stream: str) -> list[str]:
    """The pieces a document's token stream holds in no form (for "未找到：机制")."""
    stream = f" {terms_stream} "
    present = {p for p in phrases(plan_.tiers[-1]) if f" {' '.join(p.tokens)} " in stream}
    return [piece.text for piece in plan_.pieces if not holds(piece.expression, present)]
