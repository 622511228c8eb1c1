"""Snippets with the matched words marked, made the same way whichever engine found the page."""

import re
import unicodedata

from django.utils.html import escape

SNIPPET_CHARS = 120
LEAD_CHARS = 30


class _Fold(dict):
    """A str.translate table folding each character as analysis does, one character for one (else kept),
    so offsets in the folded text are offsets in the text. Filled as characters are first seen."""

    def __missing__(self, code):
        folded = unicodedata.normalize("NFKC", chr(code)).lower()
        self[code] = folded if len(folded) == 1 else chr(code)
        return self[code]


_FOLD = _Fold()


def _fold(text):
    """The text folded character by character, as long as the text."""
    # Most texts are NFKC already: then lower() folds them the same, far faster than translate(). The
    # exceptions are a final sigma (lower() looks at its neighbours) and letters whose lower case is longer.
    if "Σ" not in text and unicodedata.is_normalized("NFKC", text):
        lowered = text.lower()
        if len(lowered) == len(text):
            return lowered
    return text.translate(_FOLD)


def _patterns(terms):
    return [segment.pattern for term in terms for segment in term.segments]


def _matches(folded, pattern, end):
    """(start, end) of the pattern's non-empty matches that start before `end`."""
    for m in re.finditer(pattern, folded):
        if m.start() >= end:
            return
        if m.end() > m.start():
            yield m.start(), m.end()


def _spans(folded, terms, end):
    """Merged ranges of the matches of any query segment that start before `end`."""
    merged = []
    for start, stop in sorted(span for pattern in _patterns(terms) for span in _matches(folded, pattern, end)):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(stop, merged[-1][1]))
        else:
            merged.append((start, stop))
    return merged


def _marked(text, found, start, end):
    """Escaped text[start:end] with <mark> around the found ranges."""
    out, position = [], start
    for s, e in found:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out += [escape(text[position:s]), "<mark>", escape(text[s:e]), "</mark>"]
        position = e
    out.append(escape(text[position:end]))
    return "".join(out)


def mark(text, terms):
    """The escaped text with <mark> around the matches."""
    return _marked(text, _spans(_fold(text), terms, len(text)), 0, len(text))


def snippet(text, terms, size=SNIPPET_CHARS):
    """About `size` characters of the text around its first match, matches marked.

    A text runs to 30,000 characters: it is scanned only as far as the snippet reaches.
    """
    text = " ".join(text.split())
    folded = _fold(text)
    firsts = [first[0] for pattern in _patterns(terms) if (first := next(_matches(folded, pattern, len(folded)), None))]
    start = max(0, min(firsts) - LEAD_CHARS) if firsts else 0
    end = min(len(text), start + size)
    start = max(0, min(start, end - size))
    marked = _marked(text, _spans(folded, terms, end), start, end)
    return ("…" if start else "") + marked + ("…" if end < len(text) else "")
