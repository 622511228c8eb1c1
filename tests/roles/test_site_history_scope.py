"""Site history (and its exports and filters) shows a restricted account only its own projects' records.

Each page is read by an editor too, who must see the other project's entries there — so an absent title
means the report was narrowed, not that the entry was never written."""

import importlib

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from shegong.duplicates.models import DuplicateConfirmation
from shegong.funds.models import Disbursement
from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS
from shegong.updates.models import ImplementationUpdate
from tests.admin_forms import admin_form, post_form
from tests.factories import (
    CommentFactory,
    DepartmentFactory,
    ObjectionFactory,
    OrganizationFactory,
    ProjectPageFactory,
    UpdateFactory,
    account,
)

pytestmark = pytest.mark.django_db

HISTORY = reverse("wagtailadmin_reports:site_history")
OWN_UPDATE, OTHER_UPDATE = "甲中心五月入户探访", "乙中心青少年夏令营"
# Records of the other project that restricted accounts hold no permission on.
OTHER_RECORDS = ["乙项目的居民留言", "乙项目的异议", "乙项目的首期拨付", "乙项目的查重确认"]


def history(client, query=""):
    pages = [client.get(HISTORY + query), client.get(HISTORY + query + ("&" if query else "?") + "export=csv")]
    assert [page.status_code for page in pages] == [200, 200]
    return pages[0].content.decode() + b"".join(pages[1].streaming_content).decode()


def post_update(client, project, title):
    add = reverse("wagtailsnippets_updates_implementationupdate:add")
    data = admin_form(client, add)
    data.update({"project": str(project.pk), "title": title, "happened_on": "2024-05-06", "text": "走访独居老人。"})
    assert client.post(add, data).status_code == 302
    return ImplementationUpdate.objects.get(title=title)


@pytest.fixture
def scene(home):
    """Project A (民政局, 甲中心) and B (团区委, 乙中心), each with a pending update its organization posted."""
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    jia, yi = OrganizationFactory(name="甲社工中心"), OrganizationFactory(name="乙社工中心")
    own = ProjectPageFactory(title="民政局甲中心的助老项目", purchaser=civil, organization=jia)
    other = ProjectPageFactory(title="团区委乙中心的青少年项目", purchaser=youth, organization=yi)
    jia_client, yi_client, editor = Client(), Client(), Client()
    jia_client.force_login(account("jia_zhongxin", ORGANIZATIONS, organization=jia))
    yi_client.force_login(account("yi_zhongxin", ORGANIZATIONS, organization=yi))
    editor_user = account("bianji", EDITORS)
    editor.force_login(editor_user)
    post_update(jia_client, own, OWN_UPDATE)
    other_update = post_update(yi_client, other, OTHER_UPDATE)
    # The editor approves B's update: a second entry, by another user.
    edit = reverse("wagtailsnippets_updates_implementationupdate:edit", args=[other_update.pk])
    assert post_form(editor, edit, status="approved").status_code == 302
    return {
        "civil": civil,
        "own": own,
        "other": other,
        "jia": jia_client,
        "editor": editor,
        "editor_user": editor_user,
        "other_update": other_update,
    }


def department_staff(scene):
    client = Client()
    client.force_login(account("minzheng", DEPARTMENT_STAFF, department=scene["civil"]))
    return client


def test_the_editor_sees_every_projects_updates_in_site_history(scene):
    text = history(scene["editor"])
    assert OWN_UPDATE in text and OTHER_UPDATE in text
    # The update's own history page reads the same log.
    own_history = reverse("wagtailsnippets_updates_implementationupdate:history", args=[scene["other_update"].pk])
    page = scene["editor"].get(own_history).content.decode()
    assert "yi_zhongxin" in page and "bianji" in page


@pytest.mark.parametrize("who", ["organization", "department staff"])
def test_a_restricted_account_sees_only_its_own_projects_updates(scene, who):
    client = scene["jia"] if who == "organization" else department_staff(scene)
    text = history(client)
    assert OWN_UPDATE in text
    assert OTHER_UPDATE not in text
    # The filters offer only what the account's entries hold: not the other organization's account.
    assert "yi_zhongxin" not in text
    # Filtering by the update type and a search for part of the title do not bring it back either.
    query = f"?label=夏令营&object_type={ContentType.objects.get_for_model(ImplementationUpdate).pk}"
    assert OTHER_UPDATE in history(scene["editor"], query)
    assert OTHER_UPDATE not in history(client, query)


def test_a_deleted_updates_entries_stay_with_its_project(scene):
    delete = reverse("wagtailsnippets_updates_implementationupdate:delete", args=[scene["other_update"].pk])
    assert scene["editor"].post(delete).status_code == 302
    assert not ImplementationUpdate.objects.filter(title=OTHER_UPDATE).exists()
    assert OTHER_UPDATE in history(scene["editor"])
    assert OTHER_UPDATE not in history(scene["jia"])


def test_entries_logged_before_the_update_log_existed_are_moved_and_scoped(scene):
    """Entries ModelLogEntry holds from before migration updates.0002 move to the update log with their project."""
    legacy = UpdateFactory(project=scene["other"], title="乙中心旧日志里的动态")
    ModelLogEntry.objects.log_action(legacy, "wagtail.create", user=scene["editor_user"])
    migration = importlib.import_module("shegong.updates.migrations.0002_update_log_entries")
    migration.forwards(apps, None)
    assert not ModelLogEntry.objects.filter(label=legacy.title).exists()
    assert legacy.title in history(scene["editor"])
    assert legacy.title not in history(scene["jia"])


def test_other_per_project_records_do_not_reach_restricted_accounts(scene):
    other, editor = scene["other"], scene["editor_user"]
    records = [
        CommentFactory(project=other),
        ObjectionFactory(project=other),
        Disbursement.objects.create(project=other, paid_on="2024-05-01", amount="50000.00", kind="first"),
        DuplicateConfirmation.objects.create(project=other, earlier=scene["own"], similarity=80, reason="服务对象不同"),
    ]
    # The same call the admin's edit views make.
    for record, label in zip(records, OTHER_RECORDS):
        log(record, "wagtail.edit", user=editor, title=label)
    editor_text = history(scene["editor"])
    assert all(label in editor_text for label in OTHER_RECORDS)
    for client in (scene["jia"], department_staff(scene)):
        text = history(client)
        assert not [label for label in OTHER_RECORDS if label in text]
