"""The Elasticsearch engine: documents and mapping in elasticsearch.dsl, versioned indexes behind an alias.

Matching and ranking use the `terms` field, our own analysed stream (see
analysis.py) under the `whitespace` analyzer, so the hits are the embedded
engine's. The readable fields (title, text) use the configured analyzer
(`cjk` by default; `ik_max_word` or `smartcn` where the cluster has the
plugin), for anyone querying the index directly.
"""

import datetime
from collections import Counter
from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch, helpers
from elasticsearch.dsl import Date, Document, Index, Integer, Keyword, Long, Q, Search, Text

from ..matching import Phrase, Without
from .query import COLUMN, FILTER_FIELDS, EngineResult, Query, Sort

# Added to a document's score once for each tier looser than its strictest, so tiers rank in order.
TIER_BOOST = 10_000.0
FACET_SIZE = 200


def analyzer():
    return getattr(settings, "SHEGONG_SEARCH_ES_ANALYZER", "cjk")


def alias_name():
    return f"{settings.SHEGONG_SEARCH_INDEX_PREFIX}-pages"


@lru_cache(maxsize=4)
def _client(url):
    # Short timeouts and no retries: when the cluster is away, the embedded engine answers at once.
    return Elasticsearch(url, request_timeout=3, max_retries=0, retry_on_timeout=False)


def client():
    return _client(settings.ELASTICSEARCH_URL)


class PageDocument(Document):
    page_id = Long()
    doc_type = Keyword()
    title = Text()
    text = Text()
    terms = Text(analyzer="whitespace")
    url = Keyword(index=False)
    date = Date()
    year = Integer()
    level = Keyword()
    issuer = Keyword()
    status = Keyword()
    category = Keyword()
    department = Keyword()
    organization = Keyword()
    street = Keyword()
    stage = Keyword()
    kind = Keyword()

    @classmethod
    def from_row(cls, doc):
        body = {name: getattr(doc, name) for name in ("title", "text", "terms", "url", "date", "year", "doc_type")}
        body.update(
            {COLUMN[name]: getattr(doc, COLUMN[name]) for name in FILTER_FIELDS if name not in ("type", "year")}
        )
        body = {name: value for name, value in body.items() if value not in ("", None)}
        return cls(meta={"id": doc.page_id}, page_id=doc.page_id, **body)


def new_index():
    """A fresh versioned index; the alias points at it only once it is filled."""
    name = f"{alias_name()}-{datetime.datetime.now():%Y%m%d%H%M%S%f}"
    index = Index(name, using=client())
    index.settings(number_of_shards=1, number_of_replicas=0)
    mapping = PageDocument._doc_type.mapping._clone()
    for field in ("title", "text"):
        mapping.field(field, Text(analyzer=analyzer()))
    index.mapping(mapping)
    index.create()
    return name


def ensure_index():
    es = client()
    if not es.indices.exists_alias(name=alias_name()):
        es.indices.put_alias(index=new_index(), name=alias_name())


def swap_alias(new_name):
    """Point the alias at the new index in one atomic call, then drop the old ones."""
    es = client()
    alias = alias_name()
    old = list(es.indices.get_alias(name=alias)) if es.indices.exists_alias(name=alias) else []
    actions = [{"remove": {"index": name, "alias": alias}} for name in old] + [
        {"add": {"index": new_name, "alias": alias}}
    ]
    es.indices.update_aliases(actions=actions)
    for name in old:
        es.indices.delete(index=name)


def bulk(actions, index=None, refresh=False):
    """Apply index/delete actions; raises if any action other than deleting a missing document failed."""
    index = index or alias_name()
    prepared = []
    for action, payload in actions:
        if action == "index":
            prepared.append(
                {"_op_type": "index", "_index": index, "_id": payload.meta.id, "_source": payload.to_dict()}
            )
        else:
            prepared.append({"_op_type": "delete", "_index": index, "_id": payload})
    _, errors = helpers.bulk(client(), prepared, raise_on_error=False, refresh=refresh)
    failures = [e for e in errors if e.get("delete", {}).get("status") != 404]
    if failures:
        raise RuntimeError(f"Elasticsearch 拒绝了 {len(failures)} 条索引操作：{failures[:3]}")


def to_query(expression):
    """A match expression (matching.py) as a query: phrases, and "at least n" as minimum_should_match."""
    if isinstance(expression, Phrase):
        return Q("match_phrase", terms=" ".join(expression.tokens))
    if isinstance(expression, Without):
        return Q("bool", must=[to_query(expression.expression)], must_not=[to_query(expression.excluded)])
    parts = [to_query(part) for part in expression.parts]
    if expression.count == len(parts):
        return Q("bool", must=parts)
    return Q("bool", should=parts, minimum_should_match=expression.count)


class ElasticsearchEngine:
    name = "elasticsearch"

    def search(self, query: Query) -> EngineResult:
        search = Search(using=client(), index=alias_name()).extra(track_total_hits=True)
        for name, values in query.filters.items():
            if values:
                search = search.filter("terms", **{COLUMN[name]: list(values)})
        if query.date_from or query.date_to:
            bounds = {"gte": query.date_from, "lte": query.date_to}
            search = search.filter("range", date={k: v.isoformat() for k, v in bounds.items() if v})
        last = len(query.tiers) - 1
        if query.tiers:
            # A document scores as its strictest tier's query scores it, plus one boost per looser tier: the
            # embedded engine ranks each tier by its own MATCH in the same way.
            search = search.query(
                Q(
                    "dis_max",
                    tie_breaker=0,
                    queries=[
                        Q(
                            "bool",
                            must=[to_query(tier)],
                            should=[Q("constant_score", filter=Q("match_all"), boost=TIER_BOOST * (last - i))],
                        )
                        if i < last
                        else to_query(tier)
                        for i, tier in enumerate(query.tiers)
                    ],
                )
            )
        newest = [{"date": {"order": "desc", "missing": "_last"}}, {"page_id": {"order": "desc"}}]
        search = search.sort(*(newest if query.sort == Sort.NEWEST or not query.tiers else ["_score", *newest]))
        for name in FILTER_FIELDS:
            search.aggs.bucket(name, "terms", field=COLUMN[name], size=FACET_SIZE)
        response = search[query.offset : query.offset + query.limit].execute()
        hits, tiers = [], []
        for hit in response.hits:
            score = hit.meta.score or 0.0
            stricter = int(score // TIER_BOOST)
            hits.append((int(hit.meta.id), score - stricter * TIER_BOOST))
            tiers.append(max(0, last - stricter))
        facets = {
            name: Counter({bucket.key: bucket.doc_count for bucket in getattr(response.aggregations, name).buckets})
            for name in FILTER_FIELDS
        }
        return EngineResult(response.hits.total.value, hits, facets, self.name, tiers)
