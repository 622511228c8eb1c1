"""Save a labelled pair (cases.py) as an editor would: the earlier project published, the later one a draft."""

import datetime
import decimal

from wagtail.rich_text import RichText

from tests.factories import CommunityFactory, DepartmentFactory, OrganizationFactory, ProjectPageFactory, StreetFactory

PERIODS = {
    "same": (datetime.date(2023, 3, 1), datetime.date(2024, 2, 29)),
    "partial": (datetime.date(2023, 9, 1), datetime.date(2024, 8, 31)),
    "next": (datetime.date(2024, 3, 1), datetime.date(2025, 2, 28)),
}


def text_fields(application):
    return {
        "title": application.title,
        "summary": application.summary,
        "body": [("paragraph", RichText(f"<p>{paragraph}</p>")) for paragraph in application.body],
        "budget": decimal.Decimal(application.budget),
    }


def save_pair(pair):
    """The earlier (published) project and the later application (a draft), related as the pair says."""
    start, end = PERIODS["same"]
    earlier = ProjectPageFactory(**text_fields(pair.earlier), start_date=start, end_date=end)
    street, community = earlier.street, earlier.community
    if pair.place == "neighbour":
        community = CommunityFactory(parent=street)
    elif pair.place == "other":
        street = StreetFactory()
        community = CommunityFactory(parent=street)
    elif pair.place == "unknown":
        street = community = None
    start, end = PERIODS[pair.period]
    later = ProjectPageFactory(
        **text_fields(pair.later),
        start_date=start,
        end_date=end,
        street=street,
        community=community,
        organization=earlier.organization if pair.organization == "same" else OrganizationFactory(),
        purchaser=earlier.purchaser if pair.purchaser == "same" else DepartmentFactory(),
        live=False,
    )
    return earlier, later
