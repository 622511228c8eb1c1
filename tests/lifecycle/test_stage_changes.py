"""An editor moves a project through its stages; publicity notices are drafted; citizens object in time."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from shegong.feedback.models import Objection
from shegong.feedback.moderation import ModerationStatus
from shegong.imports.importer import ContentImporter
from shegong.pages.enums import NoticeKind, ProjectStage
from shegong.pages.models import NoticePage, ProjectPage
from tests.admin_forms import post_form
from tests.factories import ProjectPageFactory, ReviewScoreFactory

pytestmark = pytest.mark.django_db


def stage_url(project):
    return reverse("lifecycle_change_stage", args=[project.pk])


def change(client, project, stage, day="2024-03-01", reason=""):
    return client.post(stage_url(project), {"stage": stage, "reached_on": day, "reason": reason})


def test_the_edit_page_offers_the_stage_change_and_the_edit_form_cannot_change_the_stage(admin_client, home):
    project = ProjectPageFactory(stage=ProjectStage.CALL)
    edit_url = reverse("wagtailadmin_pages:edit", args=[project.pk])
    page = admin_client.get(edit_url).content.decode()
    assert stage_url(project) in page and "变更阶段" in page

    response = post_form(admin_client, edit_url, form_id="page-edit-form", stage="result", **{"action-publish": "1"})
    assert response.status_code == 302
    assert ProjectPage.objects.get(pk=project.pk).stage == ProjectStage.CALL


def test_moving_to_the_next_stage_needs_no_reason_and_is_public_at_once(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.CALL)
    response = change(admin_client, project, "review", "2024-02-10")
    assert response.status_code == 302

    project.refresh_from_db()
    assert project.stage == ProjectStage.REVIEW and not project.has_unpublished_changes
    milestone = project.milestones.get(stage="review")
    assert milestone.reached_on == datetime.date(2024, 2, 10) and milestone.recorded_by.username == "editor"
    public = client.get(project.url).content.decode()
    assert "2024年2月10日" in public or "2024-02-10" in public


def test_a_stage_change_comes_last_in_an_imported_timeline(admin_client, home):
    # A published project names its purchaser, organization and street (issue 9), declared in the same file.
    ContentImporter().run(
        {
            "departments": [{"name": "官渡区民政局", "short_name": "民政局"}],
            "organizations": [{"name": "昆明市官渡区关上社会工作服务中心", "credit_code": ""}],
            "regions": [
                {"name": "官渡区", "level": "district"},
                {"name": "关上街道", "level": "street", "parent": "官渡区"},
            ],
            "projects": [
                {
                    "code": "GD-2024-900",
                    "title": "关上社区时间银行互助养老项目",
                    "stage": "publicity",
                    "budget": "80000.00",
                    "stage_dates": {"call": "2024-01-05", "review": "2024-02-10", "publicity": "2024-02-20"},
                    "purchaser": "官渡区民政局",
                    "organization": "昆明市官渡区关上社会工作服务中心",
                    "street": "关上街道",
                }
            ],
        }
    )
    project = ProjectPage.objects.get(code="GD-2024-900")
    assert change(admin_client, project, "implementation", "2024-03-01").status_code == 302
    project.refresh_from_db()
    assert [m.stage for m in project.milestones.all()] == ["call", "review", "publicity", "implementation"]


@pytest.mark.parametrize("target, word", [("implementation", "跳过阶段"), ("call", "退回")])
def test_skipping_or_going_back_needs_a_reason(admin_client, home, target, word):
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    refused = change(admin_client, project, target)
    assert refused.status_code == 200
    assert f"{word}至" in refused.content.decode() and "须填写理由" in refused.content.decode()
    assert ProjectPage.objects.get(pk=project.pk).stage == ProjectStage.REVIEW

    assert change(admin_client, project, target, reason="评审会改期，经领导小组研究决定").status_code == 302
    project.refresh_from_db()
    assert project.stage == target
    assert project.milestones.get(stage=target).reason == "评审会改期，经领导小组研究决定"
    entry = PageLogEntry.objects.filter(page=project, action="shegong.change_stage").get()
    assert "评审会改期" in entry.message and entry.user.username == "editor"


def test_the_same_stage_is_refused(admin_client, home):
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    response = change(admin_client, project, "review")
    assert response.status_code == 200 and "项目已处于“路演评审”阶段" in response.content.decode()


def test_a_pending_draft_is_not_published_by_a_stage_change(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.CALL)
    draft = project.get_latest_revision_as_object()
    draft.summary = "尚未审定的新简介"
    draft.save_revision()
    change(admin_client, project, "review")
    project.refresh_from_db()
    assert project.stage == ProjectStage.CALL and project.has_unpublished_changes
    assert "尚未审定的新简介" not in client.get(project.url).content.decode()


@pytest.mark.parametrize(
    "stage, before, kind",
    [
        ("publicity", ProjectStage.REVIEW, NoticeKind.APPROVAL_PUBLICITY),
        ("result", ProjectStage.EVALUATION, NoticeKind.EVALUATION_PUBLICITY),
    ],
)
def test_entering_a_publicity_stage_drafts_a_notice_for_the_editor(admin_client, home, client, stage, before, kind):
    project = ProjectPageFactory(stage=before)
    response = change(admin_client, project, stage, "2024-03-01")
    notice = NoticePage.objects.get(related_projects__project=project)
    assert notice.kind == kind and not notice.live
    assert notice.published_on == datetime.date(2024, 3, 1)
    assert notice.publicity_until == datetime.date(2024, 3, 8)
    followed = admin_client.get(response["Location"]).content.decode()
    assert reverse("wagtailadmin_pages:edit", args=[notice.pk]) in followed and "已起草" in followed
    assert client.get("/notices/").content.decode().count(notice.title) == 0  # a draft until published

    # Going back and forth links the same notice rather than drafting a second one.
    change(admin_client, project, before, "2024-03-02", reason="材料补正")
    change(admin_client, project, stage, "2024-03-03")
    assert NoticePage.objects.filter(related_projects__project=project).count() == 1


def test_the_publicity_period_is_a_setting(admin_client, home, settings):
    settings.SHEGONG_PUBLICITY_DAYS = 10
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    change(admin_client, project, "publicity", "2024-03-01")
    assert NoticePage.objects.get(related_projects__project=project).publicity_until == datetime.date(2024, 3, 11)


def publish_publicity(admin_client, project):
    """The editor changes the stage today and publishes the drafted notice from its edit form."""
    today = timezone.localdate()
    change(admin_client, project, "publicity", today.isoformat())
    notice = NoticePage.objects.get(related_projects__project=project)
    url = reverse("wagtailadmin_pages:edit", args=[notice.pk])
    assert post_form(admin_client, url, form_id="page-edit-form", **{"action-publish": "1"}).status_code == 302
    notice.refresh_from_db()
    assert notice.live
    return notice


def test_citizens_object_during_the_publicity_period_and_it_goes_to_moderation(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    objection_url = reverse("feedback:objection", args=[project.pk])
    before = client.get(project.url).content.decode()
    assert objection_url not in before
    assert client.post(objection_url, {"name": "张三", "contact": "139", "text": "异议"}).status_code == 400

    notice = publish_publicity(admin_client, project)
    page = client.get(project.url).content.decode()
    assert objection_url in page and notice.title in page

    response = client.post(objection_url, {"name": "张三", "contact": "13912345678", "text": "该机构去年项目未完成。"})
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert objection.status == ModerationStatus.PENDING and objection.notice == notice
    after = client.get(response["Location"]).content.decode()
    assert "异议已提交" in after and "该机构去年项目未完成" not in after and "13912345678" not in after

    queue = admin_client.get(reverse("wagtailsnippets_feedback_objection:list"), {"status": "pending"})
    assert "张三" in queue.content.decode()


def test_objections_close_when_the_period_ends(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.REVIEW)
    notice = publish_publicity(admin_client, project)
    NoticePage.objects.filter(pk=notice.pk).update(
        published_on=timezone.localdate() - datetime.timedelta(days=9),
        publicity_until=timezone.localdate() - datetime.timedelta(days=2),
    )
    response = client.post(
        reverse("feedback:objection", args=[project.pk]), {"name": "张三", "contact": "1", "text": "晚了"}
    )
    assert response.status_code == 400 and "不在公示期内" in response.content.decode()
    assert not Objection.objects.exists()


def test_review_scores_stay_in_the_admin(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.PUBLICITY)
    ReviewScoreFactory(project=project, reviewer="评审专家甲", score="91.25", comment="内部意见：预算偏高")
    listing = admin_client.get(reverse("wagtailsnippets_lifecycle_reviewscore:list")).content.decode()
    assert "评审专家甲" in listing and "91.25" in listing
    for url in [project.url, "/projects/", f"/api/v2/projects/{project.pk}/", f"/search/?q={project.title}"]:
        text = client.get(url).content.decode()
        assert "91.25" not in text and "评审专家甲" not in text and "预算偏高" not in text, url


def test_a_review_score_outside_0_to_100_is_a_form_error(admin_client, home):
    project = ProjectPageFactory()
    url = reverse("wagtailsnippets_lifecycle_reviewscore:add")
    response = post_form(
        admin_client, url, project=str(project.pk), reviewer="专家乙", score="120", reviewed_on="2024-01-05"
    )
    assert response.status_code == 200 and "确保该值小于或等于100" in response.content.decode()
