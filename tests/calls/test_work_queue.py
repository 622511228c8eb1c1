"""The work-queue items (shegong_work_queue): editors see what awaits 形式审查, an organization its unsent drafts."""

import pytest
from django.test import RequestFactory
from wagtail import hooks

from shegong.calls.enums import ApplicationStatus
from shegong.roles.groups import EDITORS, ORGANIZATIONS
from tests.calls.factories import ApplicationFactory
from tests.factories import account

pytestmark = pytest.mark.django_db


def work(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {
        label: (count, url) for hook in hooks.get_hooks("shegong_work_queue") for label, count, url in hook(request)
    }


def test_editors_see_the_applications_awaiting_formal_check_and_follow_the_link(client, home):
    waiting, checking, draft = ApplicationFactory(), ApplicationFactory(), ApplicationFactory(title="仍是草稿")
    waiting.submit(None)
    checking.submit(None)
    checking.move(ApplicationStatus.FORMAL_CHECK, "", None)
    editor = account("editor", EDITORS)
    count, url = work(editor)["待形式审查的申报"]
    assert count == 2
    client.force_login(editor)
    listing = client.get(url).content.decode()
    assert waiting.title in listing and checking.title in listing and draft.title not in listing


def test_an_organization_sees_its_own_drafts_only(home):
    own = ApplicationFactory()
    ApplicationFactory()
    items = work(account("org", ORGANIZATIONS, organization=own.organization))
    assert items["尚未提交的申报草稿"][0] == 1
    assert "待形式审查的申报" not in items
