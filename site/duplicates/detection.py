"""Which existing projects a project likely repeats (杜绝项目重复申报).

A reviewer calls two applications the same work when they serve the same place in the same months and
say the same thing, whoever files them. The check follows that order:

1. Period: the service periods overlap for at least a quarter of the shorter one (an unknown date is an
   open end). A second phase that starts after the first ended is a renewal, however alike the texts; so
   is next year's contract that starts while the last one is being evaluated (a month or two of overlap).
2. Place: the same community, or the same street (moving the work to the neighbouring community does not
   make it new); a project without street and community could be anywhere, so it is compared too. The
   same model in another street is a replication, not a repeat, even with the same text and organization:
   services are bought per place.
3. Who is served: when both titles name the groups of people served (老年人, 儿童, 残疾人…) and they
   share none, the same title template for another group is another service.
4. Text: the title is scored on its own (the same name after dropping year, phase and punctuation counts
   as identical), so an empty 简介 cannot hide a copied title; the 简介 and 项目详情 together (the
   service content) are scored by the tokens they share, tolerant of synonyms, reordering and a paragraph
   added or cut, each token weighed by how rare it is among the projects of the same months, so the
   platform's own template text does not make applications alike (similarity.py). When either side has
   no text besides the title, the title decides alone.
5. Who files it: the same organization, the same purchaser, the same community (rather than only the same
   street) and a budget within 10% each add a little; they can tip a reworded copy over the line but
   cannot make different texts a duplicate, and a different organization does not clear a copy: the same
   text filed by another organization for the same place is the repeat the platform exists to catch.

One query reads the projects of overlapping periods (the corpus for the weights, and the candidates);
token sets are cached by text, so a check reads a few hundred projects in milliseconds.

The weights and THRESHOLD were chosen on a set of labelled application pairs and on the demo content
(seventy-one distinct projects), and checked on labelled pairs written afterwards; the duplicates
benchmark prints precision and recall on each.
"""

import functools
from dataclasses import dataclass

from django.db.models import Q, TextField
from django.db.models.functions import Cast

from shegong.pages.models import ProjectPage

from .similarity import Corpus, dice, groups, title_key, tokens, weighted_overlap

THRESHOLD = 0.65
TITLE_WEIGHT = 0.25
# What else the two share counts only once the texts agree this far: it tips a reworded copy, never other texts.
SUPPORTED_FROM = 0.5
SAME_ORGANIZATION, SAME_PURCHASER, SAME_COMMUNITY, CLOSE_BUDGET = 0.1, 0.05, 0.05, 0.05
BUDGET_TOLERANCE = 0.1
OVERLAP_SHARE = 0.25
FIELDS = [
    "title",
    "summary",
    "organization_id",
    "purchaser_id",
    "street_id",
    "community_id",
    "budget",
    "start_date",
    "end_date",
]


@dataclass
class Application:
    """What is compared of one project: plain values, so a check reads hundreds of rows without building pages."""

    pk: int | None
    title: str
    summary: str
    organization_id: int | None
    purchaser_id: int | None
    street_id: int | None  # the community's street when only the community is given
    community_id: int | None
    budget: object
    start_date: object
    end_date: object
    body: str

    @classmethod
    def of(cls, project):
        """The project being checked, with its edited body."""
        values = {name: getattr(project, name) for name in FIELDS}
        if not values["street_id"] and project.community_id:
            values["street_id"] = project.community.parent_id
        return cls(project.pk, **values, body=body_text(project.body))

    @classmethod
    def from_row(cls, row):
        """A row of `contemporaries`, with its body as stored."""
        row = dict(row)
        street_of_community = row.pop("community__parent_id")
        row["street_id"] = row["street_id"] or street_of_community
        body = stored_body_text(row.pop("stored_body"))
        return cls(**row, body=body)

    @functools.cached_property
    def title_key(self):
        return title_key(self.title)

    @functools.cached_property
    def title_tokens(self):
        return tokens(self.title)

    @functools.cached_property
    def content(self):
        return tokens(f"{self.summary}\n{self.body}")

    @functools.cached_property
    def groups(self):
        return groups(self.title)


def body_text(value):
    """The 项目详情 as plain text: headings, paragraphs without their markup, table cells."""
    return "\n".join(value.stream_block.get_searchable_content(value)) if value else ""


@functools.lru_cache(maxsize=2048)
def stored_body_text(stored):
    """body_text of a body as stored, cached by it: every check reads the same published projects again."""
    return body_text(ProjectPage._meta.get_field("body").to_python(stored or "[]"))


@dataclass
class Match:
    project: ProjectPage  # the earlier project; `assessments` reads it once the rest is known
    similarity: float  # of the texts: title, 简介 and 项目详情
    score: float  # the similarity with what the two share besides text; THRESHOLD or more is a likely duplicate
    same: dict  # what else the two share, as the reason names it

    @property
    def percent(self):
        return round(self.similarity * 100)

    @property
    def reason(self):
        return "、".join(label for label in self.same.values() if label)


def periods_overlap(a, b):
    """The two run together for at least OVERLAP_SHARE of the shorter period; unknown dates are open ends."""
    if None in (a.start_date, a.end_date, b.start_date, b.end_date):
        return (a.start_date is None or b.end_date is None or a.start_date <= b.end_date) and (
            a.end_date is None or b.start_date is None or b.start_date <= a.end_date
        )
    together = (min(a.end_date, b.end_date) - max(a.start_date, b.start_date)).days + 1
    shorter = min((a.end_date - a.start_date).days, (b.end_date - b.start_date).days) + 1
    return together > 0 and together >= OVERLAP_SHARE * shorter


def place(new, other):
    """How the two places relate, as the reason says it; None for two different streets."""
    if new.community_id and new.community_id == other.community_id:
        return "同一社区"
    if not new.street_id or not other.street_id:
        return "街道社区未填全"
    if new.street_id == other.street_id:
        return "同一街道的相邻社区" if new.community_id and other.community_id else "同一街道"
    return None


def budget_gap(a, b):
    """How far the new budget `a` is from the earlier `b`, as a share of `b`; None when either is not given."""
    if not a or not b:
        return None
    return abs(a - b) / b


def text_similarity(new, other, corpus):
    """The title on its own when either has no other text, else the title and the service content together."""
    title = 1.0 if new.title_key and new.title_key == other.title_key else dice(new.title_tokens, other.title_tokens)
    if not new.content or not other.content:
        return title, title, None
    content = weighted_overlap(new.content, other.content, corpus)
    return title, TITLE_WEIGHT * title + (1 - TITLE_WEIGHT) * content, content


def assess(new, other, corpus):
    """How far `other` looks like a repeat of `new` (two Applications): a Match with its score, whatever the
    score, or None when the period, the place or the people served already tell them apart. The caller
    reads the Match's project, for the few that get that far."""
    a, b = new, other
    where = place(new, other)
    if where is None or not periods_overlap(a, b):
        return None
    if new.groups and other.groups and not new.groups & other.groups:
        return None
    title, similarity, content = text_similarity(new, other, corpus)
    gap = budget_gap(a.budget, b.budget)
    same = {
        "organization": bool(a.organization_id) and a.organization_id == b.organization_id,
        "purchaser": bool(a.purchaser_id) and a.purchaser_id == b.purchaser_id,
        "community": where == "同一社区",
        "budget": gap is not None and gap <= BUDGET_TOLERANCE,
    }
    score = similarity
    if similarity >= SUPPORTED_FROM:
        score += (
            SAME_ORGANIZATION * same["organization"]
            + SAME_PURCHASER * same["purchaser"]
            + SAME_COMMUNITY * same["community"]
            + CLOSE_BUDGET * same["budget"]
        )
    reason = {
        "organization": same["organization"] and "同一承接组织",
        "purchaser": same["purchaser"] and "同一购买部门",
        "place": where,
        "period": "服务期重叠",
        "title": "名称相同" if title == 1 else f"名称相似度 {round(title * 100)}%",
        "budget": same["budget"] and f"预算相近（差 {round(gap * 100)}%）",
        "content": f"内容相似度 {round(content * 100)}%" if content is not None else "简介和详情为空，仅比较名称",
    }
    return Match(None, similarity, score, reason)


def contemporaries(project):
    """Projects whose period overlaps: every published project and every earlier draft.

    They are both the candidates (those in the same place, see `place`) and the corpus that tells
    template text from what an application says. A later draft is not a reason to hold back an earlier
    application; it will be held back itself when someone tries to publish it.
    """
    qs = ProjectPage.objects.all()
    if project.pk:
        qs = qs.exclude(pk=project.pk).filter(Q(live=True) | Q(pk__lt=project.pk))
    if project.start_date:
        qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=project.start_date))
    if project.end_date:
        qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__lte=project.end_date))
    # Plain rows, the body as stored text: it is parsed only when it changed since the last check.
    return qs.order_by().values(*FIELDS, "pk", "community__parent_id", stored_body=Cast("body", TextField()))


def assessments(project):
    """A Match, whatever its score, for every contemporary in the same place serving the same people."""
    new = Application.of(project)
    others = [Application.from_row(row) for row in contemporaries(project)]
    corpus = Corpus([new.content, *(other.content for other in others)])
    assessed = [(other.pk, m) for other in others if (m := assess(new, other, corpus))]
    projects = ProjectPage.objects.in_bulk([pk for pk, _ in assessed])
    for pk, match in assessed:
        match.project = projects[pk]
    return [match for _, match in assessed]


def likely_duplicates(project):
    return sorted((m for m in assessments(project) if m.score >= THRESHOLD), key=lambda m: -m.score)


def unconfirmed_duplicates(project):
    """Likely duplicates an editor has not yet confirmed as distinct.

    A confirmation holds both ways: once the later project is confirmed distinct
    from the earlier one, republishing the earlier one asks nothing again.
    """
    from .models import DuplicateConfirmation

    matches = likely_duplicates(project)
    if not matches or not project.pk:
        return matches
    pairs = DuplicateConfirmation.objects.filter(Q(project=project) | Q(earlier=project))
    confirmed = {a if b == project.pk else b for a, b in pairs.values_list("project_id", "earlier_id")}
    return [m for m in matches if m.project.pk not in confirmed]
