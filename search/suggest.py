"""Completions for a search box: known words (synonyms, names, common terms; by pinyin too) and page titles
that hold what was typed so far."""

import re

from .analysis import CJK, fold, main_tokens
from .engines.embedded import holds_anywhere
from .lexicon import lexicon
from .models import SearchDocument

SIZE = 8
_LATIN = re.compile(r"[a-z ']+")
_CHINESE = re.compile(f"[{CJK}]{{2,}}")


def _may_be_in_a_title(typed: str) -> bool:
    """False when no document holds the Chinese characters typed (a slip of the keyboard): the titles are then not
    read at all, where reading them newest first would read every one. A title is part of its document's stream,
    so a title holding the text means the index holds its pairs of characters."""
    return not _CHINESE.fullmatch(typed) or holds_anywhere(main_tokens(typed))


def suggest(q: str, size: int = SIZE) -> dict:
    typed = fold(q).strip()
    if not typed:
        return {"terms": [], "titles": []}
    words = lexicon()
    if _LATIN.fullmatch(typed):
        letters = re.sub(r"[ ']", "", typed)
        terms = sorted({word for spelling, word in words.pinyin.items() if spelling.startswith(letters)}, key=len)
        typed = words.from_pinyin(typed) or ""
    else:
        terms = sorted((word for word in words.words if word.startswith(typed) and word != typed), key=len)
    titles = []
    if typed and _may_be_in_a_title(typed):
        found = SearchDocument.objects.filter(title__contains=typed.replace(" ", "")).order_by("-date", "-page_id")
        titles = [{"title": t, "url": u, "type": k} for t, u, k in found.values_list("title", "url", "doc_type")[:size]]
    return {"terms": terms[:size], "titles": titles}
