"""Publicity notices (立项公示, 评估结果公示) and the period during which objections are open."""

import datetime

from django.db import transaction
from django.utils import timezone
from wagtail.rich_text import RichText

from shegong.pages.enums import NoticeKind, ProjectStage
from shegong.pages.models import NoticeIndexPage, NoticePage, NoticeProject

from .windows import publicity_end, window_label

NOTICE_KIND_FOR_STAGE = {
    ProjectStage.PUBLICITY: NoticeKind.APPROVAL_PUBLICITY,
    ProjectStage.RESULT: NoticeKind.EVALUATION_PUBLICITY,
}

RESULT_COLUMNS = ["项目名称", "项目编号", "承接组织", "评估类型", "评估机构", "评估得分", "评估等级"]


def publicity_notice_for(project, stage, day, user):
    """The notice for `stage` that covers `day`: an existing one is linked, otherwise a draft is made.

    A 评估结果公示 draft carries the project's evaluations not yet in a notice. The draft waits for an editor
    to check and publish it; None when the site has no notice section.
    """
    kind = NOTICE_KIND_FOR_STAGE[stage]
    existing = (
        NoticePage.objects.filter(kind=kind, related_projects__project=project, publicity_until__gte=day)
        .order_by("published_on")
        .first()
    )
    if existing:
        return existing, False
    evaluations = project.evaluations.filter(notice=None) if kind == NoticeKind.EVALUATION_PUBLICITY else []
    notice = draft_notice(
        kind,
        title=f"{project.title}{kind.label}",
        slug=f"{project.code}-{kind.value}-{day:%Y%m%d}",
        subject=f"“{project.title}”（项目编号 {project.code}）",
        projects=[project],
        evaluations=evaluations,
        day=day,
        user=user,
    )
    return notice, notice is not None


def evaluation_results_notice(evaluations, day, user):
    """One 评估结果公示 draft for several projects' results, as a table; None when there is no notice section."""
    evaluations = list(evaluations.select_related("project", "project__organization").order_by("project__code"))
    projects = list({evaluation.project_id: evaluation.project for evaluation in evaluations}.values())
    kind = NoticeKind.EVALUATION_PUBLICITY
    return draft_notice(
        kind,
        title=f"社会工作服务项目{kind.label}（{day:%Y年%m月%d日}）",
        slug=f"{kind.value}-{day:%Y%m%d}",
        subject=f"以下 {len(projects)} 个社会工作服务项目的评估结果",
        projects=projects,
        evaluations=evaluations,
        day=day,
        user=user,
    )


@transaction.atomic
def draft_notice(kind, *, title, slug, subject, projects, evaluations, day, user):
    """An unpublished publicity notice opening on `day` for `projects`; `evaluations` become its results table."""
    section = NoticeIndexPage.objects.first()
    if section is None:
        return None
    until = publicity_end(day)
    body = [
        (
            "paragraph",
            RichText(
                f"<p>现将{subject}予以{kind.label}，公示期为 {day:%Y年%m月%d日} 至 {until:%Y年%m月%d日}"
                f"（{window_label()}）。公示期内，如有异议，可在项目页面提交异议，或通过本公告所列监督电话、"
                "监督邮箱反映。</p>"
            ),
        )
    ]
    if evaluations:
        body.append(("table", results_table(evaluations)))
    notice = NoticePage(
        title=title,
        slug=unique_slug(section, slug.lower().replace("_", "-")),
        kind=kind,
        published_on=day,
        publicity_until=until,
        owner=user,
        live=False,
        body=body,
    )
    notice.related_projects = [NoticeProject(project=project) for project in projects]
    section.add_child(instance=notice)
    notice.save_revision(user=user)
    for evaluation in evaluations:
        evaluation.notice = notice
        evaluation.save(update_fields=["notice"])
    return notice


def results_table(evaluations):
    """The results as a table written into the notice, so the published notice keeps what it published."""
    rows = [
        [
            evaluation.project.title,
            evaluation.project.code,
            evaluation.project.organization.name if evaluation.project.organization else "—",
            evaluation.get_kind_display(),
            evaluation.agency,
            f"{evaluation.score:.2f}",
            evaluation.get_grade_display(),
        ]
        for evaluation in evaluations
    ]
    return {"data": [RESULT_COLUMNS, *rows], "first_row_is_table_header": True, "first_col_is_header": False}


def unique_slug(section, slug):
    taken = set(section.get_children().filter(slug__startswith=slug).values_list("slug", flat=True))
    candidate, n = slug, 1
    while candidate in taken:
        n += 1
        candidate = f"{slug}-{n}"
    return candidate


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
