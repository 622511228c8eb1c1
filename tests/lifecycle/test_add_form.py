"""An editor adds a project in the admin: it starts at 项目征集, dated the day it is saved, and is published
only once it names its purchaser, organization and street."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield

from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectIndexPage, ProjectPage
from tests.factories import DepartmentFactory, OrganizationFactory, ProjectPageFactory, StreetFactory

pytestmark = pytest.mark.django_db

TITLE = "太和街道困境儿童关爱项目"


def add_url():
    return reverse("wagtailadmin_pages:add", args=["pages", "projectpage", ProjectIndexPage.objects.get().pk])


def add_form(client, **fields):
    """The add form as the browser posts it, filled in with `fields`."""
    response = client.get(add_url())
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    data.update(nested_form_data({"body": streamfield([])}))  # the body editor is drawn by JavaScript
    for name, value in {"title": TITLE, "slug": "taihe-children", "code": "GD-2026-001", **fields}.items():
        data[name] = value
    return data


def test_the_add_form_shows_the_stage_locked_at_the_call(admin_client, home):
    html = admin_client.get(add_url()).content.decode()
    stage = re.search(r'<select name="stage"[^>]*>(.*?)</select>', html, re.DOTALL)
    assert " disabled" in stage.group(0) and re.search(r'<option value="call"\s+selected>项目征集', stage.group(1))
    assert "新建项目从“项目征集”开始" in html


def test_an_incomplete_project_cannot_be_published_from_the_add_form(admin_client, home):
    """The finding: published straight at 项目实施 with no purchaser, organization or street."""
    response = admin_client.post(add_url(), add_form(admin_client, stage="implementation", **{"action-publish": "1"}))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"“{TITLE}”缺少购买部门、承接社会组织、街道（乡镇），填写后才能发布。" in html
    assert not ProjectPage.objects.exists()


def test_a_complete_project_published_from_the_add_form_starts_at_the_call_dated_today(admin_client, home, client):
    purchaser, organization, street = DepartmentFactory(), OrganizationFactory(), StreetFactory()
    data = add_form(
        admin_client,
        stage="implementation",
        purchaser=purchaser.pk,
        organization=organization.pk,
        street=street.pk,
        **{"action-publish": "1"},
    )
    assert admin_client.post(add_url(), data).status_code == 302

    project = ProjectPage.objects.get()
    assert project.live and project.stage == ProjectStage.CALL
    milestone = project.milestones.get()
    assert (milestone.stage, milestone.reached_on, milestone.recorded_by) == (
        "call",
        timezone.localdate(),
        admin_client.user,
    )
    html = client.get(project.url).content.decode()
    assert "timeline__step--done" not in html and "未记录日期" not in html
    assert html.count("尚未开始") == 5


def test_an_incomplete_draft_is_saved_as_work_in_progress(admin_client, home):
    response = admin_client.post(add_url(), add_form(admin_client, stage="result"))
    assert response.status_code == 302
    draft = ProjectPage.objects.get()
    assert not draft.live and draft.stage == ProjectStage.CALL
    assert [(m.stage, m.reached_on) for m in draft.milestones.all()] == [("call", timezone.localdate())]


def test_a_likely_duplicate_published_from_the_add_form_stays_a_draft(admin_client, home):
    """The add form creates the page before publishing it; the publication check still has the last word."""
    earlier = ProjectPageFactory(title=TITLE, summary="为太和街道困境儿童提供个案辅导和课后陪伴。")
    data = add_form(
        admin_client,
        summary=earlier.summary,
        purchaser=earlier.purchaser.pk,
        organization=earlier.organization.pk,
        street=earlier.street.pk,
        community=earlier.community.pk,
        start_date="2022-03-01",
        end_date="2023-02-28",
        **{"action-publish": "1"},
    )
    response = admin_client.post(add_url(), data, follow=True)
    repeat = ProjectPage.objects.get(code="GD-2026-001")
    assert "可能重复申报已有项目" in response.content.decode()
    assert not repeat.live and repeat.stage == ProjectStage.CALL
