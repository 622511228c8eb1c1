"""Moving a project from one lifecycle stage to another, with a record of who, when and why."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from shegong.pages.enums import ProjectStage
from shegong.pages.models import NoticePage, ProjectMilestone

from .publicity import NOTICE_KIND_FOR_STAGE, publicity_notice_for

CHANGE_STAGE_ACTION = "shegong.change_stage"


@dataclass
class StageChange:
    old: ProjectStage
    new: ProjectStage
    published: bool
    notice: NoticePage | None = None
    notice_created: bool = False


@transaction.atomic
def change_stage(project, stage, day, reason, user):
    """Move `project` to `stage` on `day`. Skipping a stage or going back needs a reason.

    The change becomes a new revision, published at once when the project is
    live with no other pending edits (so nobody's draft goes public unseen).
    """
    draft = project.get_latest_revision_as_object()
    old, new = ProjectStage(draft.stage), ProjectStage(stage)
    reason = (reason or "").strip()
    if new == old:
        raise ValidationError({"stage": f"项目已处于“{old.label}”阶段。"})
    if new.position != old.position + 1 and not reason:
        kind = "退回" if new.position < old.position else "跳过阶段"
        raise ValidationError({"reason": f"从“{old.label}”{kind}至“{new.label}”须填写理由。"})

    had_pending_edits = project.has_unpublished_changes
    draft.stage = new
    # Last in the timeline: an unset sort_order sorts first on SQLite and last on PostgreSQL.
    position = max((m.sort_order or 0 for m in draft.milestones.all()), default=-1) + 1
    draft.milestones.add(
        ProjectMilestone(
            stage=new,
            reached_on=day,
            reason=reason,
            recorded_by=user,
            sort_order=position,
            note="退回" if new.position < old.position else ("跳过阶段" if new.position > old.position + 1 else ""),
        )
    )
    revision = draft.save_revision(user=user, log_action=False)
    log(
        instance=project,
        action=CHANGE_STAGE_ACTION,
        user=user,
        revision=revision,
        data={"from": old.label, "to": new.label, "reached_on": day.isoformat(), "reason": reason},
    )
    published = project.live and not had_pending_edits and project.permissions_for_user(user).can_publish()
    if published:
        revision.publish(user=user)
    change = StageChange(old=old, new=new, published=published)
    if new in NOTICE_KIND_FOR_STAGE:
        change.notice, change.notice_created = publicity_notice_for(project, new, day, user)
    return change
