"""Publicity notices (立项公示, 评估结果公示) and the period during which objections are open."""

import datetime

from django.conf import settings
from django.utils import timezone
from wagtail.rich_text import RichText

from shegong.pages.enums import NoticeKind, ProjectStage
from shegong.pages.models import NoticeIndexPage, NoticePage, NoticeProject

NOTICE_KIND_FOR_STAGE = {
    ProjectStage.PUBLICITY: NoticeKind.APPROVAL_PUBLICITY,
    ProjectStage.RESULT: NoticeKind.EVALUATION_PUBLICITY,
}


def publicity_days():
    return int(getattr(settings, "SHEGONG_PUBLICITY_DAYS", 7))


def publicity_notice_for(project, stage, day, user):
    """The notice for `stage` that covers `day`: an existing one is linked, otherwise a draft is made.

    The draft waits for an editor to check and publish it; None when the site has no notice section.
    """
    kind = NOTICE_KIND_FOR_STAGE[stage]
    existing = (
        NoticePage.objects.filter(kind=kind, related_projects__project=project, publicity_until__gte=day)
        .order_by("published_on")
        .first()
    )
    if existing:
        return existing, False
    section = NoticeIndexPage.objects.first()
    if section is None:
        return None, False
    until = day + datetime.timedelta(days=publicity_days())
    notice = NoticePage(
        title=f"{project.title}{kind.label}",
        slug=f"{project.code}-{kind.value}-{day:%Y%m%d}".lower().replace("_", "-"),
        kind=kind,
        published_on=day,
        publicity_until=until,
        owner=user,
        live=False,
        body=[
            (
                "paragraph",
                RichText(
                    f"<p>现将“{project.title}”（项目编号 {project.code}）予以{kind.label}，"
                    f"公示期为 {day:%Y年%m月%d日} 至 {until:%Y年%m月%d日}。公示期内，"
                    "如有异议，可在项目页面提交异议，或向购买部门反映。</p>"
                ),
            )
        ],
    )
    notice.related_projects = [NoticeProject(project=project)]
    section.add_child(instance=notice)
    notice.save_revision(user=user)
    return notice, True


def open_publicity(project, day=None):
    """The live publicity notice on `project` whose period includes `day` (today), or None."""
    day = day or timezone.localdate()
    return (
        NoticePage.objects.live()
        .public()
        .filter(
            kind__in=NOTICE_KIND_FOR_STAGE.values(),
            related_projects__project=project,
            published_on__lte=day,
            publicity_until__gte=day,
        )
        .order_by("-published_on")
        .first()
    )


def publicity_ending(within_days, day=None):
    """Live publicity notices (red/black list ones too) whose period ends between `day` (today) and `within_days` later."""
    day = day or timezone.localdate()
    return (
        NoticePage.objects.live()
        .filter(
            kind__in=NoticeKind.publicity_kinds(),
            publicity_until__gte=day,
            publicity_until__lte=day + datetime.timedelta(days=within_days),
        )
        .order_by("publicity_until", "pk")
    )
