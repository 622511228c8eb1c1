"""热搜 and editors' picks, on Wagtail's search promotions: its query log keeps the query text and a count per
day, nothing about who searched. Only queries that found something are logged, and a query is listed as
popular once several searches asked it, so no one can put words on the page by searching them once."""

import datetime

from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page
from wagtail.search.utils import normalise_query_string

HOT_DAYS = 30
HOT_MIN_HITS = 3
HOT_SIZE = 10


def log(q: str):
    """Counts one search for `q` today."""
    if q.strip():
        Query.get(q.strip()).add_hit()


def hot(size=HOT_SIZE) -> list[str]:
    """The queries to offer: those editors promote pages for first, then the most asked in the last month."""
    picked = list(
        Query.objects.filter(editors_picks__isnull=False)
        .distinct()
        .order_by("query_string")
        .values_list("query_string", flat=True)
    )
    since = timezone.now().date() - datetime.timedelta(days=HOT_DAYS)
    popular = [
        query.query_string
        for query in Query.get_most_popular(date_since=since)[: size * 2]
        if query._hits >= HOT_MIN_HITS and query.query_string not in picked
    ]
    return (picked + popular)[:size]


def picks(q: str) -> list[dict]:
    """What editors promote for this query, in their order: public live pages and external links."""
    if not q.strip():
        return []
    promotions = SearchPromotion.objects.filter(query__query_string=normalise_query_string(q)).select_related("page")
    public = set(Page.objects.live().public().filter(pk__in=promotions.values("page_id")).values_list("pk", flat=True))
    found = []
    for promotion in promotions.order_by("sort_order"):
        if promotion.page_id in public:
            found.append(
                {"title": promotion.page.title, "url": promotion.page.url, "description": promotion.description}
            )
        elif promotion.page_id is None and promotion.external_link_url:
            found.append(
                {
                    "title": promotion.external_link_text or promotion.external_link_url,
                    "url": promotion.external_link_url,
                    "description": promotion.description,
                }
            )
    return found
