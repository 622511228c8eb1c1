"""Wagtail's publish_scheduled, which first takes off the schedule the projects that may not go live.

A scheduled project that the publication check refuses (going_live.py: an
incomplete record, a likely duplicate nobody vouched for) would stop the whole
run; instead its schedule is cancelled (logged in the page's history as a
cancelled schedule) and named on stderr with the reasons, and every other page
is published as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.management.commands import publish_scheduled
from wagtail.models import Revision

from shegong.pages.models import ProjectPage

from ...going_live import refusals


class Command(publish_scheduled.Command):
    help = (
        "按计划发布、下线页面；不符合发布条件的项目（信息不全、可能重复申报且未经编辑确认）不发布，并取消其定时发布。"
    )

    def handle(self, *args, **options):
        for revision in due_project_revisions():
            project = revision.as_object()
            found = refusals(project)
            if not found:
                continue
            reasons = "".join(refused.explain() for refused in found)
            self.stderr.write(f"未发布“{project.title}”（{project.code}）：{reasons}")
            if not options["dryrun"]:
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
        super().handle(*args, **options)


def due_project_revisions():
    """The project revisions the scheduler is about to publish (the query of Wagtail's command, for projects)."""
    return Revision.objects.filter(
        approved_go_live_at__lt=timezone.now(), content_type=ContentType.objects.get_for_model(ProjectPage)
    )
