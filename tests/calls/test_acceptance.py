"""An accepted application becomes the project, keeping its history; a likely repeat is flagged on submission."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.models import PageLogEntry

from shegong.calls.enums import ApplicationStatus
from shegong.pages.enums import ParticipantKind, ProjectStage
from shegong.pages.models import ProjectIndexPage
from shegong.roles.groups import EDITORS, ORGANIZATIONS
from tests.calls.factories import ApplicationFactory
from tests.factories import CommunityFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


def reviewed(application, editor):
    application.submit(application.created_by)
    application.move(ApplicationStatus.REVIEW, "材料齐全", editor)
    return application


def test_acceptance_makes_a_draft_project_from_the_application(home):
    editor = account("editor", EDITORS)
    community = CommunityFactory()
    application = ApplicationFactory(street=community.parent, community=community)
    application.participants.create(name="社区志愿者服务队", kind=ParticipantKind.VOLUNTEERS)
    reviewed(application, editor)

    project = application.accept(editor)

    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.project == project
    assert project.get_parent().specific_class is ProjectIndexPage
    assert not project.live
    assert (project.title, project.organization, project.purchaser) == (
        application.title,
        application.organization,
        application.call.purchaser,
    )
    assert (project.street, project.community, project.budget) == (community.parent, community, application.budget)
    assert (project.start_date, project.end_date) == (application.start_date, application.end_date)
    assert project.summary == application.content
    assert [p.name for p in project.participants.all()] == ["社区志愿者服务队"]
    assert project.stage == ProjectStage.REVIEW


def test_the_project_timeline_starts_with_the_application(home):
    editor = account("editor", EDITORS)
    application = reviewed(ApplicationFactory(), editor)
    project = application.accept(editor)
    timeline = {step["stage"]: step["reached_on"] for step in project.timeline()}
    assert timeline[ProjectStage.CALL] == application.submitted_at.astimezone().date()
    assert timeline[ProjectStage.REVIEW] is not None
    assert PageLogEntry.objects.filter(page=project, action="shegong.application.accept").exists()


def test_the_organization_finds_the_project_on_its_application(client, home):
    editor = account("editor", EDITORS)
    application = reviewed(ApplicationFactory(), editor)
    project = application.accept(editor)
    client.force_login(account("org", ORGANIZATIONS, organization=application.organization))
    page = client.get(reverse("wagtailsnippets_calls_application:inspect", args=[application.pk])).content.decode()
    assert "立项" in page and project.code in page
    assert "立项，项目编号" in page  # its history


def test_only_an_application_through_roadshow_review_is_accepted(home):
    application = ApplicationFactory()
    application.submit(None)
    with pytest.raises(ValidationError, match="须经路演评审后才能立项"):
        application.accept(None)
    assert application.project is None


def test_a_likely_repeat_is_flagged_to_the_editor_not_the_applicant(client, home):
    earlier = ProjectPageFactory(
        title="困境儿童关爱服务项目",
        summary="为辖区困境儿童提供课业辅导、心理支持和家庭探访服务。",
        start_date=datetime.date.today(),
        end_date=datetime.date.today() + datetime.timedelta(days=365),
    )
    application = ApplicationFactory(
        title="困境儿童关爱服务项目",
        organization=earlier.organization,
        street=earlier.street,
        community=earlier.community,
        start_date=earlier.start_date + datetime.timedelta(days=30),
        end_date=earlier.end_date + datetime.timedelta(days=30),
    )
    application.submit(None)
    assert [match["code"] for match in application.duplicate_matches] == [earlier.code]

    url = reverse("wagtailsnippets_calls_application:inspect", args=[application.pk])
    client.force_login(account("editor", EDITORS))
    assert earlier.code in client.get(url).content.decode()
    client.force_login(account("org", ORGANIZATIONS, organization=application.organization))
    assert earlier.code not in client.get(url).content.decode()


def test_a_different_service_elsewhere_is_not_flagged(home):
    ProjectPageFactory(title="社区长者助餐服务项目", summary="为老人提供助餐服务。")
    application = ApplicationFactory()
    application.submit(None)
    assert application.duplicate_matches == []
