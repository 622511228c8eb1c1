"""The query model both engines answer: analysed words, filters, sort, page."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

# Filter and facet names, each the SearchDocument column it reads.
FILTER_FIELDS = [
    "type",
    "level",
    "issuer",
    "status",
    "category",
    "department",
    "organization",
    "street",
    "stage",
    "kind",
    "year",
]
COLUMN = {name: ("doc_type" if name == "type" else name) for name in FILTER_FIELDS}


class Sort:
    RELEVANCE = "relevance"
    NEWEST = "newest"


@dataclass
class Query:
    """`tiers` are the match expressions of matching.py, strictest first; none lists every document."""

    tiers: list
    filters: dict[str, list] = field(default_factory=dict)
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None
    sort: str = Sort.RELEVANCE
    offset: int = 0
    limit: int = 10


@dataclass
class EngineResult:
    """What an engine answers: the total, one page of (page id, score), the facet counts, and each hit's tier
    (its index in Query.tiers)."""

    count: int
    hits: list[tuple[int, float]]
    facets: dict[str, Counter]
    engine: str
    tiers: list[int] = field(default_factory=list)
