"""Turns a live, public page into its search document: type, title, URL, date, weighted text, filter values.

Only what the public page itself shows goes in: never drafts, pages under
view restrictions, or organizations' private contact fields.
"""

from django.utils.html import strip_tags
from wagtail.models import Page

from shegong.pages.enums import PolicyStatus
from shegong.pages.models import ContentPage, NoticePage, PolicyPage, ProjectPage, StationPage
from shegong.snippets.regions import RegionLevel

from ..analysis import BREAK, NOT_IN_FORCE_TOKEN, index_stream
from ..models import SearchDocument
from .attachments import document_text

TEXT_CHARS = 30_000
NOT_IN_FORCE = {PolicyStatus.REPEALED, PolicyStatus.AMENDED}

# Weights of the analysed fields: titles, numbers, codes and organizations first. A third item, True, adds the
# field's pinyin.
HEAVY, MEDIUM, LIGHT = 5, 2, 1

TYPES = {
    "project": ("服务项目", ProjectPage),
    "policy": ("政策法规", PolicyPage),
    "notice": ("通知公告", NoticePage),
    "station": ("社工站点", StationPage),
    "page": ("普通页面", ContentPage),
}
TYPE_OF_MODEL = {model: name for name, (_, model) in TYPES.items()}


def stream_text(value) -> str:
    if not value:
        return ""
    return "\n".join(strip_tags(str(piece)) for piece in value.stream_block.get_searchable_content(value))


def _project(page):
    names = lambda *objs: " ".join(str(getattr(o, "name", "")) for o in objs if o)  # noqa: E731
    weighted = [
        (page.code, HEAVY),
        (page.organization.name if page.organization else "", HEAVY),
        (page.summary, MEDIUM),
        (names(page.category, page.purchaser, page.street, page.community), MEDIUM, True),
        (page.purchaser.short_name if page.purchaser else "", MEDIUM),
        (" ".join(tag.name for tag in page.tags.all()), MEDIUM, True),
        (" ".join([page.social_worker, *(p.name for p in page.participants.all())]), LIGHT),
    ]
    filters = {
        "category": page.category.name if page.category else "",
        "department": page.purchaser.name if page.purchaser else "",
        "organization": page.organization.name if page.organization else "",
        "street": page.street.name if page.street else "",
        "stage": page.stage,
    }
    return page.start_date, page.summary, weighted, filters


def _policy(page):
    # A file in a collection with view restrictions is for logged-in readers: none of its text is indexed.
    files = [a.document for a in page.attachments.select_related("document__collection")]
    attachments = "\n".join(document_text(f) for f in files if not f.collection.get_view_restrictions().exists())
    weighted = [
        (page.document_number, HEAVY),
        (page.issuer, HEAVY),
        (page.summary, MEDIUM),
        (" ".join(topic.name for topic in page.topics.all()), MEDIUM, True),
        (attachments, LIGHT),
    ]
    filters = {"level": page.level, "issuer": page.issuer, "status": page.status}
    return page.issued_on, "\n".join([page.summary, page.document_number]), weighted, filters, attachments


def _notice(page):
    return page.published_on, "", [(page.source, MEDIUM)], {"kind": page.kind}


def _street(region):
    """The 街道 a region is or lies in: the street facet lists streets only, never communities or the district."""
    while region is not None and region.level != RegionLevel.STREET:
        region = region.parent if region.level == RegionLevel.COMMUNITY else None
    return region.name if region else ""


def _station(page):
    region = page.region.path_name if page.region else ""
    weighted = [(region, MEDIUM), (page.services, MEDIUM), (page.address, LIGHT)]
    return page.opened_on, page.services, weighted, {"street": _street(page.region)}


def _content(page):
    published = page.first_published_at or page.last_published_at
    return (published.date() if published else None), "", [], {}


BUILDERS = {"project": _project, "policy": _policy, "notice": _notice, "station": _station, "page": _content}


def indexable_pages():
    """Every live page no view restriction hides, of the searchable types."""
    models = [model for _, model in TYPES.values()]
    return Page.objects.live().public().type(*models)


def build(page) -> SearchDocument:
    page = page.specific
    doc_type = TYPE_OF_MODEL[type(page)]
    date, lead, weighted, filters, *extra = BUILDERS[doc_type](page)
    body = stream_text(page.body)
    text = "\n".join(part for part in [lead, body, *extra] if part)
    # Titles and key terms carry their pinyin too (analysis.pinyin_tokens), the body does not.
    weighted = [(page.title, HEAVY, True), *weighted, (body, LIGHT)]
    return SearchDocument(
        page_id=page.pk,
        doc_type=doc_type,
        title=page.title,
        url=page.get_url() or page.url_path,
        date=date,
        text=text[:TEXT_CHARS],
        terms=index_stream(weighted)
        + (f" {BREAK} {NOT_IN_FORCE_TOKEN}" if filters.get("status") in NOT_IN_FORCE else ""),
        year=date.year if date else None,
        **filters,
    )
