"""A publicity notice carries what citizens check, and the answers to objections without who objected."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from shegong.feedback.models import Objection
from shegong.pages.enums import NoticeKind
from shegong.pages.models import NoticePage
from tests.admin_forms import post_form
from tests.factories import ProjectPageFactory
from tests.lifecycle.test_stage_changes import publish_publicity

from .queue import work_queue

pytestmark = pytest.mark.django_db


def objection_url(objection):
    return reverse("wagtailsnippets_feedback_objection:edit", args=[objection.pk])


@pytest.fixture
def notice(admin_client, home, settings):
    settings.SHEGONG_SUPERVISION_PHONE = "0871-63100000"
    settings.SHEGONG_SUPERVISION_EMAIL = "jiandu@gd.example.org"
    project = ProjectPageFactory(
        stage="review",
        title="福保社区助老项目",
        organization__name="颐乐为老社工中心",
        purchaser__name="官渡区民政局",
        budget="120000.00",
        start_date=datetime.date(2026, 3, 1),
        end_date=datetime.date(2027, 2, 28),
    )
    return publish_publicity(admin_client, project)


def test_the_notice_lists_each_project_with_what_citizens_check(notice, client):
    page = client.get(notice.url).content.decode()
    for fact in ["福保社区助老项目", "颐乐为老社工中心", "官渡区民政局", "120,000", "2026年3月1日 至 2027年2月28日"]:
        assert fact in page, fact
    assert "0871-63100000" in page and "jiandu@gd.example.org" in page
    api = client.get(f"/api/v2/pages/{notice.pk}/").json()
    assert (api["supervision_phone"], api["supervision_email"]) == ("0871-63100000", "jiandu@gd.example.org")


def test_an_answered_objection_is_published_with_the_notice_never_the_objector(notice, client, admin_client):
    project = notice.related_projects.get().project
    response = client.post(
        reverse("feedback:objection", args=[project.pk]),
        {"name": "张三", "contact": "13912345678", "text": "该机构去年项目未按期完成。"},
    )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert work_queue(admin_client.user)["待答复的公示异议"][0] == 1
    assert "未按期完成" not in client.get(notice.url).content.decode()

    # An outcome without a reply is refused; nothing is published.
    refused = post_form(admin_client, objection_url(objection), outcome="verified", reply="")
    assert refused.status_code == 200 and "须同时填写答复" in refused.content.decode()
    assert Objection.objects.get().outcome == ""

    reply = "经核实，该机构上年度项目已于2025年12月结项，评估等级为良好。"
    done = post_form(admin_client, objection_url(objection), status="approved", outcome="verified", reply=reply)
    assert done.status_code == 302
    objection.refresh_from_db()
    assert objection.answered_by == admin_client.user and objection.answered_at is not None
    assert work_queue(admin_client.user)["待答复的公示异议"][0] == 0

    page = client.get(notice.url).content.decode()
    assert "已核实" in page and reply in page and "未按期完成" in page
    assert "张三" not in page and "13912345678" not in page

    detail = client.get(f"/api/v2/pages/{notice.pk}/")
    listing = client.get("/api/v2/pages/", {"type": "pages.NoticePage", "fields": "objection_answers"})
    for answers in [detail.json()["objection_answers"], listing.json()["items"][0]["objection_answers"]]:
        assert [(a["project"]["id"], a["outcome"], a["outcome_label"], a["reply"]) for a in answers] == [
            (project.pk, "verified", "已核实", reply)
        ]
    for response in [detail, listing]:
        assert "张三" not in response.content.decode() and "13912345678" not in response.content.decode()


def test_a_rejected_objections_text_stays_private_even_when_answered(notice, client, admin_client):
    project = notice.related_projects.get().project
    objection = Objection.objects.create(
        project=project, notice=notice, name="李四", contact="139", text="含有人身攻击的内容"
    )
    post_form(
        admin_client,
        objection_url(objection),
        status="rejected",
        moderation_note="人身攻击",
        outcome="not_accepted",
        reply="异议内容与公示事项无关，不予受理。",
    )
    page = client.get(notice.url).content.decode()
    assert "不予受理" in page and "与公示事项无关" in page
    assert "人身攻击" not in page and "李四" not in page


def test_the_supervision_contacts_default_from_settings_and_can_be_changed(home, settings):
    settings.SHEGONG_SUPERVISION_PHONE = "0871-1"
    notice = NoticePage(title="公示", kind=NoticeKind.APPROVAL_PUBLICITY, published_on=timezone.localdate(), slug="x")
    assert notice.supervision_phone == "0871-1"
    notice = NoticePage(title="公示", supervision_phone="0871-2", published_on=timezone.localdate(), slug="y")
    assert notice.supervision_phone == "0871-2"
