"""The editor decides from the ranking: an approval makes the project and drafts its 立项公示."""

import pytest
from django.urls import reverse

from shegong.calls.enums import ApplicationStatus
from shegong.pages.enums import NoticeKind
from shegong.reviews.actions import assign_expert
from shegong.reviews.models import Decision

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def scored_application(client, rubric):
    application = under_review(rubric.call, title="四点半课堂")
    wang = expert("王专家")
    score(client, wang, assign_expert(application, wang, editor("分配人")), 9, 9, 9)
    return application


def test_approval_makes_the_project_and_drafts_its_publicity_notice(client, scored_application):
    chief = editor("主任")
    client.force_login(chief)
    response = client.post(reverse("reviews:decide", args=[scored_application.pk]), {"outcome": "approved"})
    assert response.status_code == 302

    scored_application.refresh_from_db()
    decision = Decision.objects.get(application=scored_application)
    project = scored_application.project
    assert scored_application.status == ApplicationStatus.APPROVED
    assert project.title == "四点半课堂" and not project.live
    assert decision.decided_by == chief
    assert decision.notice.kind == NoticeKind.APPROVAL_PUBLICITY
    assert not decision.notice.live
    assert [link.project_id for link in decision.notice.related_projects.all()] == [project.pk]

    page = client.get(reverse("reviews:decide", args=[scored_application.pk])).content.decode()
    assert decision.notice.title in page and 'name="outcome"' not in page


def test_rejection_needs_a_reason_the_organization_reads(client, scored_application):
    client.force_login(editor("主任"))
    url = reverse("reviews:decide", args=[scored_application.pk])
    response = client.post(url, {"outcome": "rejected", "reason": ""})
    assert "须填写理由" in response.content.decode()
    assert not Decision.objects.exists()

    client.post(url, {"outcome": "rejected", "reason": "服务对象与社区需求不符"})
    scored_application.refresh_from_db()
    assert scored_application.status == ApplicationStatus.REJECTED
    assert scored_application.status_reason == "服务对象与社区需求不符"
    assert scored_application.project is None


def test_a_second_decision_is_refused(client, scored_application):
    client.force_login(editor("主任"))
    url = reverse("reviews:decide", args=[scored_application.pk])
    client.post(url, {"outcome": "rejected", "reason": "预算过高"})
    response = client.post(url, {"outcome": "approved"})
    assert "该申报已有评审结论。" in response.content.decode()
    assert Decision.objects.get().outcome == "rejected"
