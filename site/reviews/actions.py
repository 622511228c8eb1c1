"""What editors and experts do in a review round, one function per event (each one a place to notify from)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from wagtail.log_actions import log

from shegong.calls.enums import ApplicationStatus
from shegong.lifecycle.publicity import publicity_notice_for
from shegong.notifications.mail import notify
from shegong.pages.enums import ProjectStage

from .enums import Outcome
from .models import Assignment, CriterionScore, Decision, Rubric, conflict_of_interest


def assign_expert(application, expert, user):
    """Ask `expert` to score `application`; refused when the expert is tied to the applicant."""
    assignment = Assignment(application=application, expert=expert, assigned_by=user)
    assignment.full_clean()
    assignment.save()
    log(assignment, "wagtail.create", user=user)
    ask_to_score(assignment)
    return assignment


def ask_to_score(assignment):
    """Mail the expert of a new assignment, with the link to 我的评审."""
    application = assignment.application
    notify(
        [assignment.expert],
        "新的路演评审任务",
        f"请为项目申报“{application.title}”（{application.organization}）评分。",
        reverse("reviews:mine"),
    )


def scoring_refusal(assignment):
    """Why the expert may not (or no longer) score this assignment, or None."""
    rubric = Rubric.objects.filter(call=assignment.application.call_id).first()
    if rubric is None:
        return "该征集尚未设置评分细则，暂不能评分。"
    if rubric.is_closed:
        return "本轮评审已结束，评分不能再修改。"
    return conflict_of_interest(assignment.expert, assignment.application)


@transaction.atomic
def submit_scores(assignment, values, comment, user):
    """Record (or replace) the expert's score per criterion; `values` maps Criterion to a number."""
    problem = scoring_refusal(assignment)
    if problem:
        raise ValidationError(problem)
    for criterion, value in values.items():
        if not 0 <= value <= criterion.max_score:
            raise ValidationError(f"“{criterion.name}”的得分须在 0 到 {criterion.max_score} 之间。")
        CriterionScore.objects.update_or_create(assignment=assignment, criterion=criterion, defaults={"value": value})
    assignment.comment = comment
    assignment.scored_at = timezone.now()
    assignment.save(update_fields=["comment", "scored_at"])
    log(assignment, "wagtail.edit", user=user)


def close_round(rubric, user):
    """End the call's review round: scores can no longer change."""
    rubric.closed_at = timezone.now()
    rubric.save(update_fields=["closed_at"])
    log(rubric, "wagtail.edit", user=user, data={"closed": True})


REOPEN_ACTION = "shegong.reviews.reopen"


def reopen_round(rubric, reason, user):
    """Open an ended round again (an expert's score to correct, an expert added): experts may score again, and a
    published ranking is withdrawn until the editor ends the round and publishes it again."""
    reason = reason.strip()
    if not reason:
        raise ValidationError("请填写重新开放评审的理由。")
    if not rubric.is_closed:
        raise ValidationError("本轮评审尚未结束，无需重新开放。")
    withdrawn = rubric.ranking_published_at is not None
    rubric.closed_at = rubric.ranking_published_at = None
    rubric.save(update_fields=["closed_at", "ranking_published_at"])
    log(rubric, REOPEN_ACTION, user=user, data={"reason": reason, "ranking_withdrawn": withdrawn})
    return withdrawn


def publish_ranking(rubric, user):
    """Show each application's rank and average to the public (never per-expert scores or names)."""
    if not rubric.is_closed:
        raise ValidationError("请先结束本轮评审，再公布排名。")
    rubric.ranking_published_at = timezone.now()
    rubric.save(update_fields=["ranking_published_at"])
    log(rubric, "wagtail.edit", user=user, data={"ranking_published": True})


@transaction.atomic
def decide(application, outcome, reason, user):
    """Record the editor's decision. An approval makes the application a project (calls' acceptance) and drafts
    its 立项公示 notice; a rejection moves it to 未立项 with the reason its organization reads."""
    if Decision.objects.filter(application=application).exists():
        raise ValidationError("该申报已有评审结论。")
    decision = Decision(application=application, outcome=outcome, reason=reason, decided_by=user)
    if outcome == Outcome.APPROVED:
        project = application.accept(user)
        decision.notice, _ = publicity_notice_for(project, ProjectStage.PUBLICITY, timezone.localdate(), user)
    else:
        application.move(ApplicationStatus.REJECTED, reason, user)
    decision.save()
    log(decision, "wagtail.create", user=user)
    return decision
