"""The project an application becomes (立项), and the likely duplicates it is checked against."""

from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectIndexPage, ProjectMilestone, ProjectPage, ProjectParticipant

from .enums import ApplicationStatus


def project_from(application):
    """An unsaved project carrying what the application says: what the duplicate check compares and what
    acceptance saves."""
    return ProjectPage(
        title=application.title,
        category=application.category,
        purchaser=application.call.purchaser,
        organization=application.organization,
        street=application.street,
        community=application.community,
        budget=application.budget,
        start_date=application.start_date,
        end_date=application.end_date,
        social_worker=application.social_worker,
        summary=application.content,
    )


def duplicate_matches(application):
    """Likely duplicates among the existing projects, as plain values kept with the application."""
    from shegong.duplicates.detection import likely_duplicates

    return [
        {
            "project": match.project.pk,
            "title": match.project.title,
            "code": match.project.code,
            "percent": match.percent,
            "reason": match.reason,
        }
        for match in likely_duplicates(project_from(application))
    ]


def reached_review_on(application, default):
    """The day the application passed 形式审查, from its history."""
    for entry in ModelLogEntry.objects.for_instance(application).filter(action="shegong.application.status"):
        if entry.data.get("to") == ApplicationStatus.REVIEW.label:
            return timezone.localdate(entry.timestamp)
    return default


def project_code(application, day):
    code = f"SB-{day.year}-{application.pk:04d}"
    taken = ProjectPage.objects.filter(code__startswith=code).count()
    return f"{code}-{taken + 1}" if taken else code


def make_project(application, user, day):
    """Add the accepted application as a draft project at 路演评审, its timeline starting from the
    application's submission (项目征集); the editor moves it on to 立项公示 with the stage screen."""
    project = project_from(application)
    project.code = project_code(application, day)
    project.stage = ProjectStage.REVIEW
    project.live = False
    project.participants = [ProjectParticipant(name=p.name, kind=p.kind) for p in application.participants.all()]
    project.milestones = [
        ProjectMilestone(
            stage=ProjectStage.CALL,
            reached_on=timezone.localdate(application.submitted_at),
            note=f"申报提交（{application.call.title}）",
            recorded_by=user,
            sort_order=0,
        ),
        ProjectMilestone(
            stage=ProjectStage.REVIEW,
            reached_on=reached_review_on(application, day),
            note="通过形式审查",
            recorded_by=user,
            sort_order=1,
        ),
    ]
    ProjectIndexPage.objects.get().add_child(instance=project)
    revision = project.save_revision(user=user, log_action=False)
    log(instance=project, action="wagtail.create", user=user, revision=revision, content_changed=True)
    log(
        instance=project,
        action="shegong.application.accept",
        user=user,
        data={"title": application.title, "organization": str(application.organization), "code": project.code},
    )
    return project
