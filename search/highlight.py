"""Snippets with the matched words marked, made the same way whichever engine found the page."""

import re
import unicodedata

from django.utils.html import escape

SNIPPET_CHARS = 120
LEAD_CHARS = 30


def _fold(ch):
    folded = unicodedata.normalize("NFKC", ch).lower()
    return folded if len(folded) == 1 else ch


def spans(text, terms):
    """Merged (start, end) ranges of the text that match any query segment."""
    folded = "".join(_fold(ch) for ch in text)  # same length as text, so offsets carry over
    found = sorted(
        (m.start(), m.end())
        for term in terms
        for segment in term.segments
        for m in re.finditer(segment.pattern, folded)
        if m.end() > m.start()
    )
    merged = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def mark(text, terms, start=0, end=None):
    """Escaped text[start:end] with <mark> around the matches."""
    end = len(text) if end is None else end
    out, position = [], start
    for s, e in spans(text, terms):
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        out += [escape(text[position:s]), "<mark>", escape(text[s:e]), "</mark>"]
        position = e
    out.append(escape(text[position:end]))
    return "".join(out)


def snippet(text, terms, size=SNIPPET_CHARS):
    """About `size` characters of the text around its first match, matches marked."""
    text = " ".join(text.split())
    found = spans(text, terms)
    start = max(0, found[0][0] - LEAD_CHARS) if found else 0
    end = min(len(text), start + size)
    start = max(0, min(start, end - size))
    return ("…" if start else "") + mark(text, terms, start, end) + ("…" if end < len(text) else "")
