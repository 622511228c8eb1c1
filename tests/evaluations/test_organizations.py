"""Grades feed the organization's public profile and the red/black proposals; people take the decision."""

import datetime

import pytest
from django.urls import reverse

from shegong.evaluations.proposals import list_proposals
from shegong.roles.groups import AUDITORS, EDITORS, ORGANIZATIONS
from shegong.snippets.models import ListStatus
from tests.factories import EvaluationFactory, NoticePageFactory, OrganizationFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


def published_result(organization, grade, notice, day=datetime.date(2025, 6, 1)):
    project = ProjectPageFactory(organization=organization)
    return EvaluationFactory(project=project, grade=grade, notice=notice, evaluated_on=day)


@pytest.fixture
def notice(home):
    return NoticePageFactory(kind="evaluation_publicity", publicity_until=datetime.date(2025, 6, 20))


def test_the_profile_shows_published_grades_only(home, client, notice):
    organization = OrganizationFactory(name="春晖社工中心")
    shown = published_result(organization, "excellent", notice)
    hidden = EvaluationFactory(project=ProjectPageFactory(organization=organization), grade="fail")  # no notice yet
    page = client.get(reverse("organizations:profile", args=[organization.pk])).content.decode()
    assert "项目评估结果" in page and shown.project.title in page and "优秀" in page
    assert hidden.project.title in page  # the project itself is public
    assert "不合格" not in page


def test_two_fails_propose_the_black_list_and_an_excellent_the_red_list(home, notice):
    failing = OrganizationFactory(name="甲社工中心")
    published_result(failing, "fail", notice)
    published_result(failing, "fail", notice, datetime.date(2025, 12, 1))
    excellent = OrganizationFactory(name="乙社工中心")
    published_result(excellent, "excellent", notice)
    once = OrganizationFactory(name="丙社工中心")
    published_result(once, "fail", notice)
    draft_only = OrganizationFactory(name="丁社工中心")
    EvaluationFactory.create_batch(2, project__organization=draft_only, grade="fail")

    proposals = {p.organization.name: p for p in list_proposals(datetime.date(2026, 1, 1))}
    assert {name: p.status for name, p in proposals.items()} == {
        "甲社工中心": ListStatus.BLACK,
        "乙社工中心": ListStatus.RED,
    }
    assert "不合格" in proposals["甲社工中心"].reason
    failing.refresh_from_db()
    assert failing.list_status == ""  # a proposal, not a decision


def test_once_listed_the_same_results_do_not_propose_again(home, notice):
    organization = OrganizationFactory(name="甲社工中心")
    published_result(organization, "fail", notice)
    published_result(organization, "fail", notice)
    organization.list_status, organization.list_reason = ListStatus.BLACK, "两次评估不合格"
    organization.listed_on, organization.list_until = datetime.date(2025, 7, 1), datetime.date(2025, 12, 31)
    organization.save()
    assert list_proposals(datetime.date(2025, 9, 1)) == []  # listed now
    assert list_proposals(datetime.date(2026, 3, 1)) == []  # the listing ended; those results were acted on


def test_editors_see_the_proposals_and_open_the_organization_to_decide(home, client, notice):
    organization = OrganizationFactory(name="甲社工中心")
    published_result(organization, "fail", notice)
    published_result(organization, "fail", notice)
    client.force_login(account("bianji", EDITORS))
    page = client.get(reverse("evaluations_list_proposals")).content.decode()
    assert "甲社工中心" in page and "建议列入黑榜" in page
    assert reverse("wagtailsnippets_snippets_socialorganization:edit", args=[organization.pk]) in page


def test_who_sees_and_changes_evaluations(home, client):
    evaluation = EvaluationFactory()
    listing = reverse("wagtailsnippets_evaluations_evaluation:list")
    edit = reverse("wagtailsnippets_evaluations_evaluation:edit", args=[evaluation.pk])

    client.force_login(account("bianji", EDITORS))
    assert client.get(listing).status_code == 200 and client.get(edit).status_code == 200

    client.force_login(account("shenji", AUDITORS))
    assert client.get(listing).status_code == 200
    assert client.post(edit, {"agency": "改过", "score": "1"}).status_code in (302, 403)
    evaluation.refresh_from_db()
    assert evaluation.agency == "云南省社会工作评估中心"
    assert client.get(reverse("evaluations_draft_notice")).status_code in (302, 403)

    client.force_login(account("zuzhi", ORGANIZATIONS, organization=evaluation.project.organization))
    assert client.get(listing).status_code in (302, 403)
    assert client.get(reverse("evaluations_list_proposals")).status_code in (302, 403)
