"""What each group may do on the models of the project's apps — checked model by model, so that a model added
later without its grants fails here — and auditors reading every admin list and history, changing nothing."""

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.urls import reverse

from shegong.duplicates.models import DuplicateConfirmation
from shegong.funds.models import Disbursement
from shegong.roles.groups import AUDITORS, EDITORS
from shegong.webhooks.models import Subscriber
from tests.admin_forms import post_form
from tests.factories import (
    CommentFactory,
    DisbursementFactory,
    ObjectionFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    ReviewScoreFactory,
    UpdateFactory,
    account,
)

pytestmark = pytest.mark.django_db


def project_models():
    configs = [config for config in apps.get_app_configs() if config.name.startswith("shegong.")]
    return [model for config in configs for model in config.get_models()]


def granted(group):
    return {f"{p.content_type.app_label}.{p.codename}" for p in Group.objects.get(name=group).permissions.all()}


def test_auditors_may_view_every_model_of_the_projects_apps_and_nothing_more():
    assert len(project_models()) > 20  # the project's own apps are found
    auditors = granted(AUDITORS)
    missing = [
        model._meta.label
        for model in project_models()
        if f"{model._meta.app_label}.view_{model._meta.model_name}" not in auditors
    ]
    assert not missing, f"auditors cannot view {missing}: shegong.roles.grants grants it after migrate"
    writes = {p for p in auditors if p.split(".")[1].split("_")[0] not in ("view", "audit", "access")}
    assert not writes, f"auditors must change nothing, yet hold {writes}"


def test_a_view_permission_missing_from_the_auditors_is_granted_by_the_next_migrate():
    """As for a model added after the roles migration: the grant does not depend on a migration naming it."""
    view_funds = Permission.objects.get(
        content_type=ContentType.objects.get_for_model(Disbursement), codename="view_disbursement"
    )
    Group.objects.get(name=AUDITORS).permissions.remove(view_funds)
    call_command("migrate", verbosity=0)
    assert "funds.view_disbursement" in granted(AUDITORS)


def test_editors_record_disbursements_and_confirm_duplicates():
    editors = granted(EDITORS)
    assert {
        "funds.add_disbursement",
        "funds.change_disbursement",
        "funds.view_disbursement",
        "duplicates.add_duplicateconfirmation",
        "duplicates.view_duplicateconfirmation",
    } <= editors


def test_an_editor_records_a_disbursement_in_the_admin(client, home):
    project = ProjectPageFactory()
    client.force_login(account("bianji", EDITORS))
    add = reverse("wagtailsnippets_funds_disbursement:add")
    response = post_form(client, add, project=str(project.pk), paid_on="2022-04-01", kind="first", amount="30000")
    assert response.status_code == 302
    assert Disbursement.objects.get().amount == 30000


def test_auditors_open_every_admin_list_and_the_history_and_change_nothing(client, admin_client, home):
    project = ProjectPageFactory(title="审计抽查的项目")
    records = {
        "funds_disbursement": DisbursementFactory(project=project, note="首期款凭证已核"),
        "updates_implementationupdate": UpdateFactory(project=project, title="审计看到的动态"),
        "feedback_comment": CommentFactory(project=project, text="审计看到的留言"),
        "feedback_objection": ObjectionFactory(project=project, text="审计看到的异议"),
        "lifecycle_reviewscore": ReviewScoreFactory(project=project, reviewer="审计看到的评审专家"),
        "webhooks_subscriber": Subscriber.objects.create(name="审计看到的订阅", url="https://example.com/hook"),
        "duplicates_duplicateconfirmation": DuplicateConfirmation.objects.create(
            project=project, earlier=ProjectPageFactory(), similarity=80, reason="审计看到的确认理由"
        ),
    }
    # History: a payment an editor records in the admin, and a draft of a page auditors hold no permission for.
    post_form(
        admin_client,
        reverse("wagtailsnippets_funds_disbursement:add"),
        project=str(project.pk),
        paid_on="2022-09-01",
        kind="midterm",
        amount="20000",
        note="编辑登记的中期款",
    )  # after the mid-term
    draft = PolicyPageFactory(title="尚未发布的政策草稿", live=False)
    draft.save_revision(user=admin_client.user, log_action=True)

    client.force_login(account("shenji", AUDITORS))
    for name, record in records.items():
        listing = client.get(reverse(f"wagtailsnippets_{name}:list"))
        assert listing.status_code == 200, name
        assert str(record) in listing.content.decode() or project.title in listing.content.decode(), name
    assert client.get(reverse("wagtailsnippets_webhooks_delivery:list")).status_code == 200
    for url in [reverse("funds:projects"), reverse("roles_audit_index")]:
        assert project.title in client.get(url).content.decode(), url
    assert client.get(reverse("funds:anomalies")).status_code == 200

    history = client.get(reverse("wagtailadmin_reports:site_history")).content.decode()
    assert "尚未发布的政策草稿" in history and "中期款" in history

    disbursement = records["funds_disbursement"]
    client.post(
        reverse("wagtailsnippets_funds_disbursement:edit", args=[disbursement.pk]),
        {"project": str(project.pk), "paid_on": "2022-04-01", "kind": "first", "amount": "1"},
    )
    client.post(reverse("wagtailsnippets_funds_disbursement:delete", args=[disbursement.pk]))
    client.post(reverse("wagtailsnippets_webhooks_subscriber:add"), {"name": "审计新增", "url": "https://x.example"})
    assert Disbursement.objects.get(pk=disbursement.pk).amount == disbursement.amount
    assert not Subscriber.objects.filter(name="审计新增").exists()
    assert client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).status_code == 302
