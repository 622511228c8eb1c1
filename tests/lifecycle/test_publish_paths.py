"""A project without its 购买部门, 承接组织 or 街道 stays a draft on every path that publishes:
the edit form, workflow approval, the bulk action, the scheduler, the admin API and `revision.publish()`."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from shegong.lifecycle.going_live import Incomplete
from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.roles.groups import EDITORS
from tests.admin_forms import admin_form
from tests.factories import ProjectPageFactory, account

pytestmark = pytest.mark.django_db

MISSING = "缺少购买部门、承接社会组织、街道（乡镇），填写后才能发布"


@pytest.fixture
def draft(home):
    """A work-in-progress project an editor saved without its purchaser, organization and street."""
    return ProjectPageFactory(
        title="关上街道社区营造项目",
        summary="培育居民议事会和楼栋自组织，共建共治社区公共空间。",
        purchaser=None,
        organization=None,
        street=None,
        community=None,
        live=False,
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit_form(client, page, **changes):
    data = admin_form(client, edit_url(page), form_id="page-edit-form")
    data.update(changes)
    return client.post(edit_url(page), data, follow=True)


def messages_of(response):
    return " ".join(str(m) for m in response.context["messages"])


def is_live(page):
    return ProjectPage.objects.get(pk=page.pk).live


def test_the_edit_form_refuses_to_publish_with_a_form_error_and_saves_drafts(admin_client, draft):
    response = post_edit_form(admin_client, draft, **{"action-publish": "1"})
    html = response.content.decode()
    assert response.redirect_chain == [] and MISSING in html
    assert not is_live(draft)

    response = post_edit_form(admin_client, draft, summary="补充中的项目简介")
    assert response.redirect_chain and not is_live(draft)
    assert ProjectPage.objects.get(pk=draft.pk).get_latest_revision_as_object().summary == "补充中的项目简介"


def test_a_live_project_cannot_be_republished_without_its_purchaser(admin_client, home):
    project = ProjectPageFactory()
    response = post_edit_form(admin_client, project, purchaser="", **{"action-publish": "1"})
    assert "缺少购买部门，填写后才能发布" in response.content.decode()
    assert ProjectPage.objects.get(pk=project.pk).purchaser_id == project.purchaser_id


@pytest.fixture
def moderator(home):
    user = account("shenhe", EDITORS)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_workflow_approval_keeps_an_incomplete_draft_in_moderation(client, home, moderator):
    editor = account("bianji", EDITORS)
    project = ProjectPageFactory(live=False)
    client.force_login(editor)
    post_edit_form(client, project, **{"action-submit": "1"})

    # Reviewing it, the moderator finds the organization undecided and saves the draft without it.
    client.force_login(moderator)
    post_edit_form(client, project, organization="")
    project = ProjectPage.objects.get(pk=project.pk)
    assert project.workflow_in_progress and project.get_latest_revision_as_object().organization is None

    html = client.get(reverse("wagtailadmin_home")).content.decode()
    approve = re.findall(r'data-workflow-action-url="([^"]*/approve/[^"]*)"', html)[0]
    response = client.post(approve, {"next": reverse("wagtailadmin_home")}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(project)
    assert "缺少承接社会组织，填写后才能发布" in messages_of(response)
    project = ProjectPage.objects.get(pk=project.pk)
    assert not project.live and project.workflow_in_progress


def test_bulk_publish_publishes_nothing_when_one_project_is_incomplete(admin_client, draft):
    complete = ProjectPageFactory(live=False)
    index = ProjectIndexPage.objects.get()
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "publish"])
    query = (
        f"?id={draft.pk}&id={complete.pk}&childOf={index.pk}&next={reverse('wagtailadmin_explore', args=[index.pk])}"
    )
    response = admin_client.post(url + query, {"include_descendants": ""}, follow=True)
    assert MISSING in response.content.decode()
    assert not is_live(draft) and not is_live(complete)


def test_revision_publish_is_refused(draft):
    with pytest.raises(Incomplete) as refused:
        draft.save_revision().publish()
    assert MISSING in refused.value.messages[0]
    assert not is_live(draft)


def test_the_admin_api_publish_action_is_refused_with_a_sentence(admin_client, draft):
    response = admin_client.post(f"/admin/api/main/pages/{draft.pk}/action/publish/", content_type="application/json")
    assert response.status_code == 400 and MISSING in response.json()["__all__"][0]
    assert not is_live(draft)


def test_scheduled_publishing_cancels_an_incomplete_project_and_publishes_the_rest(draft):
    go_live = timezone.now() + datetime.timedelta(days=1)
    complete = ProjectPageFactory(live=False)
    for page in (draft, complete):
        page.go_live_at = go_live
        page.save_revision(clean=False).publish()  # approved for tomorrow, as the 发布 button schedules it
    err = io.StringIO()
    # The clock is the one thing a test cannot move, so it is patched.
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(hours=1)):
        call_command("publish_scheduled", stdout=io.StringIO(), stderr=err)
    assert not is_live(draft) and is_live(complete)
    assert draft.code in err.getvalue() and MISSING in err.getvalue()
    assert PageLogEntry.objects.filter(page=draft, action="wagtail.schedule.cancel").exists()
