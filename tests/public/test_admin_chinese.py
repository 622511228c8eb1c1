"""The admin in Chinese: what Wagtail 8's own zh_Hans catalogue leaves in English comes from site/locale."""

import pytest
from wagtail.models import Task, Workflow
from wagtail.test.utils.form_data import nested_form_data, streamfield

from shegong.pages.models import ProjectIndexPage
from tests.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def test_login_page(client):
    page = html(client, "/admin/login/")
    assert "密码" in page and ">Password<" not in page


def test_dashboard_counts_pages_in_chinese(admin_client, home):
    page = html(admin_client, "/admin/")
    assert "个页面" in page
    assert " Pages <span" not in page and " Page <span" not in page


def test_explorer_title_and_pagination(admin_client, home):
    for _ in range(52):
        ProjectPageFactory()
    page = html(admin_client, f"/admin/pages/{ProjectIndexPage.objects.get().pk}/")
    assert "Exploring" not in page and "浏览" in page
    assert "共 52 个" in page and " of 52" not in page


def test_the_editor_never_reads_autosave_in_english(admin_client, home):
    project = ProjectPageFactory()
    page = html(admin_client, f"/admin/pages/{project.pk}/edit/")
    assert "Autosave is" not in page and "自动保存" in page


def test_default_workflow_has_chinese_names(admin_client, home):
    assert Workflow.objects.filter(name="审核流程").exists() and Task.objects.filter(name="审核").exists()
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    project = ProjectPageFactory()
    page = html(admin_client, f"/admin/pages/{project.pk}/edit/")
    assert "Moderators approval" not in page and "审核流程" in page


def test_a_duplicate_slug_is_refused_in_chinese(admin_client, home):
    ProjectPageFactory(slug="gd-2023-001")
    index = ProjectIndexPage.objects.get()
    data = nested_form_data(
        {
            "title": "重复缩略名的项目",
            "slug": "gd-2023-001",
            "code": "GD-2099-001",
            "stage": "call",
            "budget": "0",
            "body": streamfield([]),
            "participants": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "milestones": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
            "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0, "MIN_NUM_FORMS": 0, "MAX_NUM_FORMS": 1000},
        }
    )
    response = admin_client.post(f"/admin/pages/add/pages/projectpage/{index.pk}/", data)
    page = response.content.decode()
    assert "短地址“gd-2023-001”已被" in page
    assert "is already in use" not in page


def test_an_empty_listing_invites_in_chinese(admin_client, home):
    page = html(admin_client, "/admin/snippets/snippets/projectcategory/")
    assert "Why not" not in page and "要<a href=" in page and "添加一个</a>吗" in page
