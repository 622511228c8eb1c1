"""Which existing projects a project likely repeats (杜绝项目重复申报).

A pair is a likely duplicate when the same organization or the same
community applies, the service periods overlap, and the titles and summaries
are near-identical (character-bigram Jaccard similarity ≥ THRESHOLD).
A project that repeats last year's work in a later period is a renewal, and
the same service model in another community by another organization is a
replication: neither is a duplicate. The threshold was chosen on the labelled
pairs in tests/platform2/duplicate_cases.py; test_duplicates.py prints the
precision and recall.
"""

from dataclasses import dataclass

from django.db.models import Q

from shegong.pages.models import ProjectPage

from .similarity import jaccard, shingles

THRESHOLD = 0.5


@dataclass
class Match:
    project: ProjectPage
    similarity: float
    same_organization: bool
    same_community: bool

    @property
    def percent(self):
        return round(self.similarity * 100)

    @property
    def reason(self):
        shared = [label for label, same in (("同一承接组织", self.same_organization), ("同一社区", self.same_community)) if same]
        return "、".join(shared + ["服务期重叠", f"名称与简介相似度 {self.percent}%"])


def project_text(project):
    return f"{project.title}\n{project.summary}"


def periods_overlap(a, b):
    """Unknown dates count as open ends: a project without dates overlaps everything."""
    return (a.start_date is None or b.end_date is None or a.start_date <= b.end_date) and (
        a.end_date is None or b.start_date is None or b.start_date <= a.end_date
    )


def compare(project, other, project_shingles=None):
    """A Match when `other` is a likely earlier duplicate of `project`, else None."""
    same_organization = bool(project.organization_id) and project.organization_id == other.organization_id
    same_community = bool(project.community_id) and project.community_id == other.community_id
    if not (same_organization or same_community) or not periods_overlap(project, other):
        return None
    similarity = jaccard(project_shingles or shingles(project_text(project)), shingles(project_text(other)))
    if similarity < THRESHOLD:
        return None
    return Match(other, similarity, same_organization, same_community)


def candidates(project):
    """Projects the given one is compared with: every published project and every earlier draft.

    A later draft is not a reason to hold back an earlier application; it will
    be held back itself when someone tries to publish it.
    """
    qs = ProjectPage.objects.filter(related_to(project))
    if project.pk:
        qs = qs.exclude(pk=project.pk).filter(Q(live=True) | Q(pk__lt=project.pk))
    if project.start_date:
        qs = qs.filter(Q(end_date__isnull=True) | Q(end_date__gte=project.start_date))
    if project.end_date:
        qs = qs.filter(Q(start_date__isnull=True) | Q(start_date__lte=project.end_date))
    return qs.select_related("organization", "community")


def related_to(project):
    same = Q(pk__in=[])
    if project.organization_id:
        same |= Q(organization_id=project.organization_id)
    if project.community_id:
        same |= Q(community_id=project.community_id)
    return same


def likely_duplicates(project):
    own = shingles(project_text(project))
    matches = [m for other in candidates(project) if (m := compare(project, other, own))]
    return sorted(matches, key=lambda m: -m.similarity)


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
