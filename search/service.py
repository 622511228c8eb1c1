"""The one search service behind the public page, the API and the admin."""

import datetime
import logging
import math
import time
from dataclasses import dataclass, field

from shegong.pages.enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage
from shegong.pages.models import PolicyPage

from . import matching
from .engines.embedded import EmbeddedEngine
from .engines.query import FILTER_FIELDS, EngineResult, Query, Sort
from .highlight import mark, snippet
from .indexing import health, sync
from .indexing.documents import NOT_IN_FORCE, TYPES
from .models import SearchDocument

logger = logging.getLogger("shegong.search")

FILTER_LABELS = {
    "type": "内容类型",
    "level": "政策层级",
    "issuer": "发文机关",
    "status": "效力状态",
    "category": "项目类别",
    "department": "购买部门",
    "organization": "承接社会组织",
    "street": "街道",
    "stage": "项目阶段",
    "kind": "公告类型",
    "year": "年度",
}
CHOICES = {
    "type": {name: label for name, (label, _) in TYPES.items()},
    "level": dict(PolicyLevel.choices),
    "status": dict(PolicyStatus.choices),
    "stage": dict(ProjectStage.choices),
    "kind": dict(NoticeKind.choices),
}


@dataclass
class Hit:
    page_id: int
    type: str
    type_label: str
    title: str
    title_highlight: str
    url: str
    date: datetime.date | None
    highlight: str
    score: float
    match: str = "phrase"  # matching.TIER_KINDS: the query as typed, all its pieces, or most of them
    # What lets a citizen judge a hit before opening it: a policy's 文号 and 效力状态, a project's stage and organization.
    document_number: str = ""
    status: str = ""
    status_label: str = ""
    stage_label: str = ""
    organization: str = ""

    @property
    def match_label(self):
        return matching.TIER_LABELS[self.match]

    @property
    def in_force(self):
        return self.status not in NOT_IN_FORCE


@dataclass
class Results:
    query: str
    count: int
    hits: list[Hit]
    facets: dict[str, list[dict]]
    page: int
    page_size: int
    took_ms: float
    engine: str
    selected: dict = field(default_factory=dict)
    synonyms: list[str] = field(default_factory=list)  # 同时搜索了
    missing: list[str] = field(default_factory=list)  # 未找到: words the best hit lacks
    pinyin: str = ""  # the words a pinyin query was read as
    suggestion: str = ""  # did you mean: the query with near-miss words corrected, when it found nothing or only partly

    @property
    def num_pages(self):
        return max(1, math.ceil(self.count / self.page_size))


def _run(query: Query) -> EngineResult:
    if sync.es_available():
        from .engines.elastic import ElasticsearchEngine

        try:
            # Changes still on their way to Elasticsearch (the worker sends them), or an index far short of the
            # documents: the embedded engine answers meanwhile.
            if health.es_ready():
                return ElasticsearchEngine().search(query)
        except sync.ES_ERRORS as error:
            sync.mark_es_down(error)
    return EmbeddedEngine().search(query)


def _facets(counters, selected):
    facets = {}
    for name in FILTER_FIELDS:
        labels = CHOICES.get(name, {})
        values = sorted(counters.get(name, {}).items(), key=lambda item: (-item[1], str(item[0])))
        facets[name] = [
            {
                "value": str(value),
                "label": labels.get(value, str(value)),
                "count": count,
                "selected": str(value) in selected.get(name, []),
            }
            for value, count in values
            if value not in ("", None)
        ]
    return facets


def search(q="", filters=None, date_from=None, date_to=None, sort=Sort.RELEVANCE, page=1, page_size=10) -> Results:
    """Find live public pages. `filters` maps a FILTER_FIELDS name to the values to keep (already validated)."""
    started = time.perf_counter()
    filters = {name: [str(v) for v in values] for name, values in (filters or {}).items() if values}
    plan = matching.plan(q)
    terms = plan.marked_terms
    query = Query(plan.tiers, filters, date_from, date_to, sort, (page - 1) * page_size, page_size)
    if q.strip() and not plan.terms:
        # Only punctuation or symbols: nothing to look for, and no reason to list everything.
        result = EngineResult(0, [], {}, "none")
    else:
        result = _run(query)
    # Not the analysed terms: they are the longest column and nothing here reads them.
    documents = SearchDocument.objects.only(
        "doc_type", "title", "url", "date", "text", "status", "stage", "organization"
    )
    rows = documents.in_bulk([page_id for page_id, _ in result.hits])
    policies = [page_id for page_id, doc in rows.items() if doc.doc_type == "policy"]
    numbers = dict(PolicyPage.objects.filter(pk__in=policies).values_list("pk", "document_number")) if policies else {}
    hits = []
    kinds = plan.kinds or ["phrase"]
    tiers = result.tiers or [0] * len(result.hits)
    for (page_id, score), tier in zip(result.hits, tiers):
        doc = rows.get(page_id)
        if doc is None:  # removed since the engine answered
            continue
        hits.append(
            Hit(
                page_id=page_id,
                type=doc.doc_type,
                type_label=CHOICES["type"].get(doc.doc_type, doc.doc_type),
                title=doc.title,
                title_highlight=mark(doc.title, terms),
                url=doc.url,
                date=doc.date,
                highlight=snippet(doc.text, terms),
                score=round(score, 4),
                match=kinds[min(tier, len(kinds) - 1)],
                document_number=numbers.get(page_id, ""),
                status=doc.status,
                status_label=CHOICES["status"].get(doc.status, ""),
                stage_label=CHOICES["stage"].get(doc.stage, ""),
                organization=doc.organization if doc.doc_type == "project" else "",
            )
        )
    missing = []
    if hits and sort == Sort.RELEVANCE and len(plan.pieces) > 1:
        best = SearchDocument.objects.filter(page_id=hits[0].page_id).values_list("terms", flat=True).first()
        missing = matching.missing(plan, best or "")
    suggestion = ""
    if q.strip() and (not hits or hits[0].match == "most") and not plan.pinyin:
        suggestion = matching.correction(q)
    took = (time.perf_counter() - started) * 1000
    return Results(
        q,
        result.count,
        hits,
        _facets(result.facets, filters),
        page,
        page_size,
        round(took, 1),
        result.engine,
        filters,
        synonyms=plan.synonyms,
        missing=missing,
        pinyin=plan.pinyin,
        suggestion=suggestion,
    )
