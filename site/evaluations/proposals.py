"""Red/black list proposals drawn from published evaluation grades.

Only proposals: an editor reads the reasons and decides on the organization's own screen, where a listing
needs a reason and dates anyway. Once a listing has ended, only grades given after it count,
so results already acted on do not propose the organization again.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from shegong.snippets.models import ListStatus, SocialOrganization

from .models import Evaluation, EvaluationGrade


@dataclass
class Proposal:
    organization: SocialOrganization
    status: ListStatus
    evaluations: list

    @property
    def reason(self):
        grades = "；".join(
            f"{e.project.title}（{e.get_kind_display()}，{e.evaluated_on:%Y年%m月%d日}，{e.get_grade_display()}）"
            for e in self.evaluations
        )
        return f"评估结果：{grades}"


def fails_for_black():
    return int(getattr(settings, "SHEGONG_BLACK_LIST_FAILS", 2))


def list_proposals(day=None):
    """Organizations whose published grades suggest the black list (repeated 不合格) or the red list (优秀)."""
    day = day or timezone.localdate()
    by_organization = {}
    published = (
        Evaluation.objects.published()
        .exclude(project__organization=None)
        .select_related("project", "project__organization")
        .order_by("evaluated_on", "pk")
    )
    for evaluation in published:
        organization = evaluation.project.organization
        ended = organization.list_until if organization.list_until and organization.list_until < day else None
        if ended and evaluation.evaluated_on <= ended:
            continue
        by_organization.setdefault(organization, []).append(evaluation)
    proposals = []
    for organization, evaluations in by_organization.items():
        in_force = organization.listing_in_force(day)
        fails = [e for e in evaluations if e.grade == EvaluationGrade.FAIL]
        excellent = [e for e in evaluations if e.grade == EvaluationGrade.EXCELLENT]
        if len(fails) >= fails_for_black() and in_force != ListStatus.BLACK:
            proposals.append(Proposal(organization, ListStatus.BLACK, fails))
        elif excellent and not fails and not in_force:
            proposals.append(Proposal(organization, ListStatus.RED, excellent))
    return sorted(proposals, key=lambda p: (p.status != ListStatus.BLACK, p.organization.name))
