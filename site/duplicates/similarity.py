"""Near-identical text by character shingles: Chinese has no spaces, so words are not a unit to compare."""

import unicodedata

SHINGLE = 2


def normalize(text):
    """Letters and digits only, lower case, full-width folded: punctuation and spacing do not make text new."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return "".join(ch for ch in text if ch.isalnum())


def shingles(text, size=SHINGLE):
    text = normalize(text)
    if len(text) <= size:
        return {text} if text else set()
    return {text[i : i + size] for i in range(len(text) - size + 1)}


def jaccard(a, b):
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def text_similarity(a, b):
    return jaccard(shingles(a), shingles(b))
