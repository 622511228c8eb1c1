"""Wagtail's publish_scheduled, which first takes likely duplicates off the schedule.

A project scheduled to go live that an editor has not confirmed distinct would
be refused when published (holdback.py) and stop the whole run; instead its
schedule is cancelled (logged in the page's history as a cancelled schedule)
and named on stderr, and every other page is published as usual.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.management.commands import publish_scheduled
from wagtail.models import Revision

from shegong.pages.models import ProjectPage

from ...detection import unconfirmed_duplicates


class Command(publish_scheduled.Command):
    help = "按计划发布、下线页面；可能重复申报且未经编辑确认的项目不发布，并取消其定时发布。"

    def handle(self, *args, **options):
        for revision in due_project_revisions():
            project = revision.as_object()
            matches = unconfirmed_duplicates(project)
            if not matches:
                continue
            earlier = "、".join(f"“{m.project.title}”（{m.project.code}）" for m in matches)
            self.stderr.write(
                f"未发布“{project.title}”（{project.code}）：可能重复申报已有项目{earlier}，"
                f"编辑确认不是重复申报后须重新发布。"
            )
            if not options["dryrun"]:
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
        super().handle(*args, **options)


def due_project_revisions():
    """The project revisions the scheduler is about to publish (the query of Wagtail's command, for projects)."""
    return Revision.objects.filter(
        approved_go_live_at__lt=timezone.now(), content_type=ContentType.objects.get_for_model(ProjectPage)
    )
