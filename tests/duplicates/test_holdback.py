"""A likely duplicate stays unpublished on every path that publishes: workflow approval, the scheduler,
the admin API, `revision.publish()`, copying — until an editor confirms it is distinct."""

import datetime
import io
import re
from unittest import mock

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupPagePermission, PageLogEntry

from shegong.duplicates.holdback import HeldBack
from shegong.duplicates.models import DuplicateConfirmation
from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS
from tests.admin_forms import admin_form
from tests.factories import DepartmentFactory, ProjectPageFactory, account

from .applications import text_fields
from .cases import ELDERLY, ELDERLY_REWORDED

pytestmark = pytest.mark.django_db

REASON = "服务对象为新增的独居老人群体，与原项目不重叠"


@pytest.fixture
def editor(client):
    return account("bianji", EDITORS)


@pytest.fixture
def moderator(home):
    """A member of Wagtail's Moderators group, which approves the default moderation workflow."""
    user = account("shenhe", EDITORS)
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def post_edit_form(client, page, **buttons):
    """Post the edit form back as it stands, with the pressed button's fields."""
    data = admin_form(client, edit_url(page), "page-edit-form")
    for name, value in buttons.items():
        data[name] = value
    return client.post(edit_url(page), data, follow=True)


def submitted(client, editor, page):
    client.force_login(editor)
    post_edit_form(client, page, **{"action-submit": "1"})
    page = ProjectPage.objects.get(pk=page.pk)
    assert page.workflow_in_progress
    return page


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def dashboard_approve_url(client):
    """The approve button of the dashboard's “awaiting your review” panel."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    urls = re.findall(r'data-workflow-action-url="([^"]*/approve/[^"]*)"', html)
    assert urls, "no approve button on the dashboard"
    return urls[0]


def confirm(client, page):
    assert client.post(reverse("duplicates_confirm", args=[page.pk]), {"reason": REASON}).status_code == 302


def test_approving_in_the_edit_view_holds_back_until_an_editor_confirms(client, editor, moderator, earlier, repeat):
    repeat = submitted(client, editor, repeat)
    client.force_login(moderator)

    # The moderator presses “Approve” in the edit view's action menu.
    response = post_edit_form(client, repeat, **{"action-workflow-action": "true", "workflow-action-name": "approve"})
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == edit_url(repeat)
    assert "可能重复申报已有项目" in page and earlier.title in page and edit_url(earlier) in page
    assert reverse("duplicates_confirm", args=[repeat.pk]) in page
    repeat = ProjectPage.objects.get(pk=repeat.pk)
    assert not repeat.live and repeat.workflow_in_progress  # still awaiting review, approval undone

    client.force_login(editor)
    confirm(client, repeat)
    client.force_login(moderator)
    post_edit_form(client, repeat, **{"action-workflow-action": "true", "workflow-action-name": "approve"})
    repeat = ProjectPage.objects.get(pk=repeat.pk)
    assert repeat.live and not repeat.workflow_in_progress


def test_approving_from_the_dashboard_holds_back_until_an_editor_confirms(client, editor, moderator, earlier, repeat):
    repeat = submitted(client, editor, repeat)
    client.force_login(moderator)

    # Plain “Approve”: the dashboard's script posts a form, as a browser would.
    response = client.post(dashboard_approve_url(client), {"next": reverse("wagtailadmin_home")}, follow=True)
    assert response.redirect_chain[-1][0] == edit_url(repeat)
    assert any("可能重复申报已有项目" in m and earlier.title in m for m in messages_of(response))
    assert not ProjectPage.objects.get(pk=repeat.pk).live

    # “Approve with comment” goes through the modal, which follows the redirect it is given.
    modal = client.post(
        dashboard_approve_url(client), {"comment": "同意"}, headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert modal.status_code == 200 and modal.json()["step"] == "success"
    assert modal.json()["redirect"] == edit_url(repeat)
    assert "可能重复申报已有项目" in client.get(edit_url(repeat)).content.decode()
    assert not ProjectPage.objects.get(pk=repeat.pk).live

    client.force_login(editor)
    confirm(client, repeat)
    client.force_login(moderator)
    client.post(dashboard_approve_url(client), {"next": reverse("wagtailadmin_home")})
    assert ProjectPage.objects.get(pk=repeat.pk).live


def test_a_distinct_project_is_published_by_approval(client, editor, moderator, home):
    project = submitted(client, editor, ProjectPageFactory(live=False))
    client.force_login(moderator)
    client.post(dashboard_approve_url(client), {"next": reverse("wagtailadmin_home")})
    assert ProjectPage.objects.get(pk=project.pk).live


def test_scheduled_publishing_does_not_make_an_unconfirmed_duplicate_live(client, editor, moderator, earlier, repeat):
    go_live = timezone.now() + datetime.timedelta(days=1)
    other = ProjectPageFactory(live=False)
    for page in (repeat, other):
        page.go_live_at = go_live
        page.save_revision()
        submitted(client, editor, page)
    client.force_login(moderator)
    for _ in range(2):
        client.post(dashboard_approve_url(client), {"next": reverse("wagtailadmin_home")})
    scheduled = {p.pk: p.get_latest_revision().approved_go_live_at for p in ProjectPage.objects.filter(live=False)}
    assert scheduled[repeat.pk] and scheduled[other.pk]  # both approved for tomorrow

    # Two days later the scheduler runs: the clock is the one thing a test cannot move, so it is patched.
    err = io.StringIO()
    with mock.patch("django.utils.timezone.now", return_value=go_live + datetime.timedelta(days=1)):
        call_command("publish_scheduled", stdout=io.StringIO(), stderr=err)
        call_command("publish_scheduled", stdout=io.StringIO(), stderr=io.StringIO())  # and runs again
    assert not ProjectPage.objects.get(pk=repeat.pk).live
    assert ProjectPage.objects.get(pk=other.pk).live  # the rest of the run goes on
    assert repeat.title in err.getvalue() and earlier.code in err.getvalue()
    assert ProjectPage.objects.get(pk=repeat.pk).get_latest_revision().approved_go_live_at is None
    assert PageLogEntry.objects.filter(page=repeat, action="wagtail.schedule.cancel").exists()


def test_the_admin_api_publish_action_is_refused_with_a_sentence(client, editor, earlier, repeat):
    client.force_login(editor)
    response = client.post(f"/admin/api/main/pages/{repeat.pk}/action/publish/", content_type="application/json")
    assert response.status_code == 400
    assert "可能重复申报" in response.json()["__all__"][0]
    assert not ProjectPage.objects.get(pk=repeat.pk).live


def test_revision_publish_refuses_until_confirmed(admin_client, earlier, repeat):
    with pytest.raises(HeldBack):
        repeat.save_revision().publish()
    assert not ProjectPage.objects.get(pk=repeat.pk).live
    confirm(admin_client, repeat)
    ProjectPage.objects.get(pk=repeat.pk).get_latest_revision().publish()
    assert ProjectPage.objects.get(pk=repeat.pk).live


def test_a_confirmation_holds_both_ways(admin_client, earlier, repeat):
    """After the later project is confirmed and published, republishing the earlier one asks nothing."""
    confirm(admin_client, repeat)
    repeat.save_revision().publish()
    response = post_edit_form(admin_client, earlier, **{"action-publish": "action-publish"})
    assert "可能重复申报" not in response.content.decode()
    assert ProjectPage.objects.get(pk=earlier.pk).last_published_at is not None


def test_a_project_cannot_be_copied(admin_client, earlier):
    response = admin_client.post(
        reverse("wagtailadmin_pages:copy", args=[earlier.pk]),
        {
            "new_title": "复制的项目",
            "new_slug": "copied",
            "new_parent_page": str(earlier.get_parent().pk),
            "publish_copies": "on",
        },
        follow=True,
    )
    assert response.status_code == 200 and any("服务项目不能复制" in m for m in messages_of(response))
    assert ProjectPage.objects.count() == 1


def test_department_staff_are_told_without_another_departments_draft_and_cannot_vouch(client, home):
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    theirs = ProjectPageFactory(code="GD-2022-200", **text_fields(ELDERLY), purchaser=youth, live=False)
    mine = ProjectPageFactory(
        code="GD-2022-201",
        title=ELDERLY_REWORDED.title,
        summary=ELDERLY_REWORDED.summary,
        purchaser=civil,
        organization=theirs.organization,
        street=theirs.street,
        community=theirs.community,
        live=False,
    )
    # Department staff publish through the review workflow; a site may still let them publish directly.
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=DEPARTMENT_STAFF),
        page=ProjectIndexPage.objects.get(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    client.force_login(account("minzheng", DEPARTMENT_STAFF, department=civil))
    response = post_edit_form(client, mine, **{"action-publish": "action-publish"})
    page = response.content.decode()
    assert "可能重复申报已有项目" in page and "另一尚未发布的项目" in page
    assert theirs.title not in page and theirs.code not in page
    assert reverse("duplicates_confirm", args=[mine.pk]) not in page
    client.post(reverse("duplicates_confirm", args=[mine.pk]), {"reason": REASON})
    assert not DuplicateConfirmation.objects.exists()
    assert not ProjectPage.objects.get(pk=mine.pk).live


def test_confirmations_are_listed_for_editors_and_read_only(client, editor, earlier, repeat):
    client.force_login(editor)
    confirm(client, repeat)
    listing = client.get(reverse("wagtailsnippets_duplicates_duplicateconfirmation:list")).content.decode()
    assert repeat.title in listing and earlier.title in listing
    assert client.get(reverse("wagtailsnippets_duplicates_duplicateconfirmation:add")).status_code in (302, 403)
