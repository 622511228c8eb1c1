"""Completions for a search box: known words (synonyms, names, common terms; by pinyin too) and page titles
that hold what was typed so far."""

import re

from .analysis import CJK, fold, main_tokens
from .engines.embedded import holds_anywhere
from .lexicon import lexicon
from .models import SearchDocument

SIZE = 8
_LATIN = re.compile(r"[a-z ']+")
_CHINESE = re.compile(f"[{CJK}]")
_ALL_CHINESE = re.compile(f"[{CJK}]+")
# Fewer letters or digits than this (gd, 5a) hold too little to pick titles by; the words typed still complete.
LATIN_TITLE_MIN = 3


def _may_be_in_a_title(typed: str) -> bool:
    """False when no title can hold the text: too few letters, or Chinese characters no document holds (a slip of
    the keyboard). The titles are then not read at all, where reading them newest first would read every one. A
    title is part of its document's stream, so a title holding Chinese text means the index holds its pairs of
    characters."""
    text = typed.replace(" ", "")
    if not _CHINESE.search(text):
        return len(text) >= LATIN_TITLE_MIN
    pairs = main_tokens(typed)
    return not (_ALL_CHINESE.fullmatch(text) and pairs) or holds_anywhere(pairs)


def suggest(q: str, size: int = SIZE) -> dict:
    typed = fold(q).strip()
    if not typed:
        return {"terms": [], "titles": []}
    words = lexicon()
    if _LATIN.fullmatch(typed):
        letters = re.sub(r"[ ']", "", typed)
        terms = sorted({word for spelling, word in words.pinyin.items() if spelling.startswith(letters)}, key=len)
        typed = words.from_pinyin(typed) or typed
    else:
        terms = sorted((word for word in words.words if word.startswith(typed) and word != typed), key=len)
    titles = []
    if typed and _may_be_in_a_title(typed):
        found = SearchDocument.objects.filter(title__icontains=typed.replace(" ", "")).order_by("-date", "-page_id")
        titles = [{"title": t, "url": u, "type": k} for t, u, k in found.values_list("title", "url", "doc_type")[:size]]
    return {"terms": terms[:size], "titles": titles}
