"""Graded matching: what a query asks of a document, from strictest to loosest, the same on every engine.

A query's words (what the user separated by spaces) are cut into pieces: a run of Chinese characters into
the words the lexicon knows (老年人助餐 → 老年人 助餐), numbers, document numbers and codes stay whole. Each
piece also matches its synonyms (社工 → 社会工作). The tiers, ranked in this order:

1. every word as typed (or with synonyms in place of its pieces), as an exact phrase;
2. every piece, in any order and place, or a synonym of it;
3. most of the pieces (at least half of the first eight);
4. or, for a stretch no known word covers, most of its pairs of characters: a typo (红黑帮) or a set phrase the
   text words otherwise (一老一少) still finds the pages sharing most of its characters in order.

Each tier is a match expression: phrases of tokens, and "at least n of these". A document in a tier is in
every looser one, so an engine ranks a hit by its strictest tier, then by score, and counts the loosest.
Each tier comes twice: first for the documents in force, then for all (a repealed or amended policy ranks
after the documents in force that match as well); then a hit's tier is the first one it is in.
"""

import math
import re
from dataclasses import dataclass, field

from .analysis import CJK, NOT_IN_FORCE_TOKEN, Segment, Term, analyse_query, code_prefix_token, fold, pinyin_terms
from .lexicon import FUNCTION_WORDS, lexicon

_CJK_RUN = re.compile(f"[{CJK}]+")
MOST_OF_PIECES = 8
PHRASE_FORMS = 8
# What a hit in each tier holds, as the results say it.
TIER_KINDS = ["phrase", "all", "most", "most"]
# How each tier is named to citizens and to the API's consumers (`match_label`).
TIER_LABELS = {"phrase": "含查询原文", "all": "含查询的每个词", "most": "含查询的部分词"}


@dataclass(frozen=True)
class Phrase:
    tokens: tuple[str, ...]


@dataclass(frozen=True)
class Without:
    """The documents matching `expression` that do not hold `excluded`."""

    expression: object
    excluded: Phrase


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
    if isinstance(expression, Without):
        return phrases(expression.expression)
    return list(dict.fromkeys(p for part in expression.parts for p in phrases(part)))


def holds(expression, present) -> bool:
    """Whether a document holding the phrases `present` (a set) matches the expression."""
    if isinstance(expression, Phrase):
        return expression in present
    if isinstance(expression, Without):
        return holds(expression.expression, present) and expression.excluded not in present
    return sum(holds(part, present) for part in expression.parts) >= expression.count


NOT_IN_FORCE_PHRASE = Phrase((NOT_IN_FORCE_TOKEN,))


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
        extra = [
            term for piece in self.pieces for word in [piece.text, *piece.synonyms] for term in analyse_query(word)
        ]
        return self.terms + extra


def _word_expression(segments: list[Segment]):
    return all_of(Phrase(tuple(s.tokens)) for s in segments)


def _run_of(segment: Segment) -> str:
    """The Chinese run a segment of bigrams was made from."""
    return segment.tokens[0] + "".join(token[-1] for token in segment.tokens[1:])


def _piece(word: str, words) -> Piece:
    """A piece of the query: the word or any of its synonyms. A synonym holding another of the group (社会工作者
    holds 社会工作) finds no document that one does not, so it is left out: searched too, it would score those
    documents a second time, and a rare longer form would outweigh the query's other pieces (社会工作禁毒)."""
    synonyms = [s for s in words.synonyms.get(word, []) if s != word]
    forms = [word, *synonyms]
    shortest = [text for text in forms if not any(other != text and other in text for other in forms)]
    variants = [_word_expression(term.segments) for text in shortest for term in analyse_query(text)]
    return Piece(word, synonyms, any_of(variants))


def _said_otherwise(run, pieces):
    """The run as typed, then with its pieces' synonyms in their place (禁毒社工 → 禁毒社会工作), a few at most.
    A run that is one word is only itself: its synonyms rank after it, in the next tier."""
    forms = [run]
    for piece in pieces if len(pieces) > 1 else []:
        if piece.synonyms and piece.text in run:
            forms = [form.replace(piece.text, word, 1) for form in forms for word in [piece.text, *piece.synonyms]]
            forms = forms[:PHRASE_FORMS]
    return forms


def _bigrams(run):
    return [run[i : i + 2] for i in range(len(run) - 1)] or [run]


def plan(q: str) -> Plan:
    words = lexicon()
    pinyin = words.from_pinyin(fold(q).strip())
    # Pinyin of words the lexicon does not know (gongyi chuangtou dasai) is matched as syllables: titles and key
    # terms carry theirs (analysis.pinyin_tokens).
    terms = analyse_query(pinyin, code_parts=True) if pinyin else (pinyin_terms(q) or analyse_query(q, code_parts=True))
    result = Plan(terms, pinyin=pinyin or "")
    if not terms:
        return result
    pieces, phrased, pairs = [], [], []
    for term in terms:
        if any(segment.kind in ("docno", "code") for segment in term.segments):
            # A document number or a code is one thing: it is found whole or not at all. A code's prefix is
            # first looked for as a document's own code (analysis._own_code_prefixes), then anywhere.
            pieces.append(Piece(term.text, [], _word_expression(term.segments)))
            phrased.append(
                all_of(
                    Phrase((code_prefix_token(s.tokens),))
                    if s.kind == "code" and len(s.tokens) > 1
                    else Phrase(tuple(s.tokens))
                    for s in term.segments
                )
            )
            continue
        for segment in term.segments:
            if segment.kind == "cjk":
                run = _run_of(segment)
                cut = words.segment(run)
                run_pieces = [_piece(piece, words) for piece in [p for p in cut if p not in FUNCTION_WORDS] or cut]
                pieces += run_pieces
                pairs += [Phrase((pair,)) for span in words.unknown_spans(cut) for pair in _bigrams(span)]
                phrased.append(any_of(Phrase(tuple(_bigrams(form))) for form in _said_otherwise(run, run_pieces)))
            else:
                text = term.text if segment.kind == "pinyin" else segment.tokens[0]
                pieces.append(Piece(text, [], Phrase(tuple(segment.tokens))))
                phrased.append(Phrase(tuple(segment.tokens)))
    result.pieces = pieces
    tiers = [all_of(phrased), all_of(p.expression for p in pieces)]
    # "Most" of the first few distinct pieces (on SQLite an OR of every choice of that many); never a single
    # character, which nearly every document holds: 助餐点 finds what holds 助餐 rather than nothing.
    distinct = tuple(dict.fromkeys(p.expression for p in pieces if len(p.text) > 1))[:MOST_OF_PIECES]
    if distinct:
        tiers.append(AtLeast(math.ceil(len(distinct) / 2), distinct) if len(distinct) > 1 else distinct[0])
    pairs = tuple(dict.fromkeys(pairs))[:MOST_OF_PIECES]
    if len(tiers) == 3 and len(pairs) > 1:
        tiers.append(any_of([tiers[2], AtLeast(math.ceil(len(pairs) / 2), pairs)]))
    kept = [i for i, tier in enumerate(tiers) if i == 0 or tier != tiers[i - 1]]
    # Within each tier, documents in force first: repealed and amended policies after them.
    result.tiers = [t for i in kept for t in (Without(tiers[i], NOT_IN_FORCE_PHRASE), tiers[i])]
    result.kinds = [TIER_KINDS[i] for i in kept for _ in range(2)]
    return result


def correction(q: str) -> str:
    """The query with each unknown run of Chinese characters, or piece of one, replaced by the nearest known word
    (did you mean); "" when nothing is near."""
    words = lexicon()
    text = fold(q)
    for run in set(_CJK_RUN.findall(text)):
        # A known word one character away from the whole run; else each piece's nearest known word.
        near = words.near(run, cutoff=0.6)
        if near is None:
            fixed = run
            for piece in words.segment(run):
                better = words.near(piece) if len(piece) > 1 else None
                fixed = fixed.replace(piece, better, 1) if better else fixed
            near = fixed if fixed != run else None
        if near:
            text = text.replace(run, near)
    return text if text != fold(q) else ""


def missing(plan_: Plan, terms_stream: str) -> list[str]:
    """The words of two or more characters a document's token stream holds in no form (for "未找到：机制"); a
    single character left over from a cut (2023年立项 → 年) is no word to report."""
    stream = f" {terms_stream} "
    present = {p for p in phrases(plan_.tiers[-1]) if f" {' '.join(p.tokens)} " in stream}
    return [p.text for p in plan_.pieces if len(p.text) > 1 and not holds(p.expression, present)]
