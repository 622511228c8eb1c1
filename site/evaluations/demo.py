"""Demo content for evaluations and publicity: graded results with a published 评估结果公示, and a 立项公示
open today with an answered objection. Like the rest of the demo, only what is missing is created."""

import datetime
from decimal import Decimal

from django.utils import timezone

from shegong.feedback.models import Objection, ObjectionOutcome
from shegong.feedback.moderation import ModerationStatus
from shegong.lifecycle.publicity import evaluation_results_notice, open_publicity, publicity_notice_for
from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectPage

from .models import Evaluation, EvaluationGrade

AGENCY = "云南省社会工作评估中心（演示）"
SUPERVISION = {"supervision_phone": "0871-00000000", "supervision_email": "jiandu@example.org"}
RESULTS = [
    ("GD-2024-001", Decimal("92.50"), EvaluationGrade.EXCELLENT, "服务覆盖面广，“一老一小”融合活动常态化开展。"),
    ("GD-2024-002", Decimal("85.00"), EvaluationGrade.GOOD, "议事机制运行良好；台账资料需进一步规范。"),
    ("GD-2024-004", Decimal("71.00"), EvaluationGrade.PASS, "完成合同约定服务量；个案跟进记录不够完整。"),
]
PUBLICITY_PROJECT = "GD-2024-008"


def load(user):
    """Returns the lines to print."""
    return [line for line in (load_results(user), load_open_publicity(user)) if line]


def publish(notice, user):
    for field, value in SUPERVISION.items():
        setattr(notice, field, value)
    notice.save_revision(user=user).publish(user=user)


def load_results(user):
    projects = {p.code: p for p in ProjectPage.objects.filter(code__in=[code for code, *_ in RESULTS])}
    today = timezone.localdate()
    created = []
    for code, score, grade, findings in RESULTS:
        project = projects.get(code)
        if project is None or project.evaluations.exists():
            continue
        created.append(
            Evaluation.objects.create(
                project=project,
                agency=AGENCY,
                evaluated_on=today - datetime.timedelta(days=30),
                score=score,
                grade=grade,
                findings=findings,
            )
        )
    if not created:
        return ""
    notice = evaluation_results_notice(
        Evaluation.objects.filter(pk__in=[e.pk for e in created]), today - datetime.timedelta(days=20), user
    )
    if notice is None:
        return ""
    publish(notice, user)
    return f"评估结果：{len(created)} 条，已公示"


def load_open_publicity(user):
    project = ProjectPage.objects.filter(code=PUBLICITY_PROJECT).first()
    if project is None or open_publicity(project):
        return ""
    notice, _ = publicity_notice_for(project, ProjectStage.PUBLICITY, timezone.localdate(), user)
    if notice is None:
        return ""
    publish(notice, user)
    Objection.objects.create(
        project=project,
        notice=notice,
        name="居民（演示）",
        contact="13800000000",
        text="项目活动场地是否已与村委会落实？",
        status=ModerationStatus.APPROVED,
        outcome=ObjectionOutcome.VERIFIED,
        reply="经核实，活动场地已由村委会书面同意使用，项目按计划实施。",
        answered_at=timezone.now(),
    )
    return f"公示期内的立项公示：{notice.title}（含 1 条已答复的异议）"
