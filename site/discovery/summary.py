"""The one-sentence summary and the share image of a page, for <meta name=description>, Open Graph and feeds."""

from django.utils.text import Truncator

SUMMARY_CHARS = 120


def page_summary(page):
    """The editor's search description, else the page's own summary or intro, else the start of its body."""
    page = page.specific
    for field in ("search_description", "summary", "intro"):
        text = (getattr(page, field, "") or "").strip()
        if text:
            return Truncator(" ".join(text.split())).chars(SUMMARY_CHARS)
    body = getattr(page, "body", None)
    if body:
        text = " ".join(" ".join(body.stream_block.get_searchable_content(body)).split())
        if text:
            return Truncator(text).chars(SUMMARY_CHARS)
    return ""


def page_image(page):
    """The page's cover image, if it has one."""
    return getattr(page.specific, "image", None)
