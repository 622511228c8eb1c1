"""Each role reaches what it should, and nothing else — tried by URL, as a curious user would."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from shegong.feedback.moderation import ModerationStatus
from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectIndexPage
from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS
from shegong.updates.models import ImplementationUpdate
from tests.admin_forms import admin_form, post_form
from tests.factories import (
    DepartmentFactory,
    OrganizationFactory,
    ProjectPageFactory,
    ReviewScoreFactory,
    UpdateFactory,
    account,
)

pytestmark = pytest.mark.django_db


def page_urls(page):
    """Every admin URL that shows or changes one page."""
    names = [
        "edit",
        "delete",
        "unpublish",
        "copy",
        "move",
        "history",
        "view_draft",
        "preview_on_edit",
        "lock",
        "usage",
        "add_subpage",
    ]
    urls = [reverse(f"wagtailadmin_pages:{name}", args=[page.pk]) for name in names]
    revision = page.latest_revision or page.save_revision()
    urls += [
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:revisions_revert", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_explore", args=[page.pk]),
        reverse("lifecycle_change_stage", args=[page.pk]),
        f"/admin/api/main/pages/{page.pk}/",
        reverse("roles_audit_detail", args=[page.pk]),
    ]
    return urls


def refused(client, url, secret):
    """GET and POST are both turned away (redirect, 403, 404, 405) and the secret is not in what comes back."""
    for method in (client.get, client.post):
        response = method(url, follow=True)
        if secret in response.content.decode():
            return False
        if not (response.redirect_chain or response.status_code in (403, 404, 405)):
            return False
    return True


def unchanged(project):
    """After all those requests the project is still there, as it was."""
    fresh = type(project).objects.get(pk=project.pk)
    return (fresh.live, fresh.locked, fresh.title, fresh.get_parent().pk) == (
        project.live,
        project.locked,
        project.title,
        project.get_parent().pk,
    )


@pytest.fixture
def two_organizations(home):
    mine, theirs = OrganizationFactory(name="甲社工中心"), OrganizationFactory(name="乙社工中心")
    own = ProjectPageFactory(title="甲机构的关爱项目", organization=mine)
    other = ProjectPageFactory(title="乙机构的关爱项目", organization=theirs)
    draft = ProjectPageFactory(title="乙机构尚未发布的项目", organization=theirs, live=False)
    return mine, own, other, draft


def test_the_roles_migration_made_the_four_groups():
    names = set(Group.objects.values_list("name", flat=True))
    assert {EDITORS, DEPARTMENT_STAFF, ORGANIZATIONS, AUDITORS} <= names
    assert Group.objects.get(name=AUDITORS).permissions.filter(codename="audit").exists()
    assert not Group.objects.get(name=AUDITORS).permissions.filter(codename__startswith="change_").exists()


def test_a_social_organization_cannot_reach_another_organizations_project(client, two_organizations):
    mine, own, other, draft = two_organizations
    client.force_login(account("jia", ORGANIZATIONS, organization=mine))
    for project in (other, draft):
        for url in page_urls(project):
            assert refused(client, url, project.title), url
        assert unchanged(project)
        assert client.get(f"/api/v2/projects/{draft.pk}/").status_code == 404
    for url in [
        "/admin/pages/search/?q=乙机构",
        "/admin/choose-page/search/?q=乙机构",
        "/admin/api/main/pages/?search=乙机构",
        reverse("wagtailadmin_explore", args=[ProjectIndexPage.objects.get().pk]),
    ]:
        assert "乙机构" not in client.get(url, follow=True).content.decode(), url


def test_a_social_organization_posts_updates_to_its_own_projects_only(client, two_organizations):
    mine, own, other, draft = two_organizations
    client.force_login(account("jia", ORGANIZATIONS, organization=mine))
    add = reverse("wagtailsnippets_updates_implementationupdate:add")
    form = admin_form(client, add)
    assert "status" not in form  # it cannot approve its own update
    chooser = client.get("/admin/choose-page/search/", {"q": "机构"}).content.decode()
    assert own.title in chooser and other.title not in chooser and draft.title not in chooser

    sneaky = post_form(client, add, project=str(other.pk), title="冒名动态", text="x", happened_on="2024-05-01")
    assert sneaky.status_code == 200 and "选择一个有效的选项" in sneaky.content.decode()
    response = post_form(
        client,
        add,
        project=str(own.pk),
        title="第一次入户",
        text="走访 8 户",
        happened_on="2024-05-01",
        status="approved",
    )
    assert response.status_code == 302
    update = ImplementationUpdate.objects.get(title="第一次入户")
    assert update.status == ModerationStatus.PENDING and update.submitted_by.username == "jia"

    theirs = UpdateFactory(project=other, title="乙机构的动态")
    viewset = "wagtailsnippets_updates_implementationupdate"
    for name in ["edit", "delete", "history", "inspect", "usage"]:
        assert refused(client, reverse(f"{viewset}:{name}", args=[theirs.pk]), "乙机构的动态"), name
    assert "乙机构的动态" not in client.get(reverse(f"{viewset}:list")).content.decode()
    assert ImplementationUpdate.objects.get(pk=theirs.pk).title == "乙机构的动态"


def test_department_staff_edit_their_own_departments_projects_only(client, home):
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    own = ProjectPageFactory(title="民政局购买的项目", purchaser=civil)
    other = ProjectPageFactory(title="团区委购买的项目", purchaser=youth)
    client.force_login(account("minzheng", DEPARTMENT_STAFF, department=civil))

    edit = reverse("wagtailadmin_pages:edit", args=[own.pk])
    response = post_form(client, edit, form_id="page-edit-form", summary="民政局更新的简介", **{"action-publish": "1"})
    assert response.status_code == 302
    own.refresh_from_db()
    # Saved as a draft: department staff publish through the review workflow (tests/roles/test_review_step.py).
    assert own.get_latest_revision_as_object().summary == "民政局更新的简介" and own.has_unpublished_changes

    for url in page_urls(other):
        assert refused(client, url, other.title), url
    assert unchanged(other)
    listing = client.get(reverse("wagtailadmin_explore", args=[ProjectIndexPage.objects.get().pk])).content.decode()
    assert own.title in listing and other.title not in listing

    add = reverse("wagtailadmin_pages:add", args=("pages", "projectpage", ProjectIndexPage.objects.get().pk))
    response = post_form(
        client,
        add,
        form_id="page-edit-form",
        title="冒用团区委名义",
        slug="fake",
        code="GD-2024-900",
        purchaser=str(youth.pk),
        budget="1000",
        stage="call",
        **{"action-publish": "1"},
    )
    assert response.status_code == 200 and "选择一个有效的选项" in response.content.decode()


def test_auditors_read_every_project_and_its_history_and_change_nothing(client, admin_client, home):
    draft = ProjectPageFactory(title="尚未发布的审计对象", live=False, stage=ProjectStage.REVIEW)
    ReviewScoreFactory(project=draft, reviewer="评审专家丙", score="78.00")
    admin_client.post(
        reverse("lifecycle_change_stage", args=[draft.pk]),
        {"stage": "call", "reached_on": "2024-01-02", "reason": "申报材料不全，退回补充"},
    )
    client.force_login(account("shenji", AUDITORS))

    index = client.get(reverse("roles_audit_index")).content.decode()
    assert draft.title in index
    detail = client.get(reverse("roles_audit_detail", args=[draft.pk])).content.decode()
    assert "申报材料不全，退回补充" in detail and "评审专家丙" in detail and "78.00" in detail and "editor" in detail
    assert "评审专家丙" in client.get(reverse("wagtailsnippets_lifecycle_reviewscore:list")).content.decode()

    for url in [
        reverse("wagtailadmin_pages:edit", args=[draft.pk]),
        reverse("lifecycle_change_stage", args=[draft.pk]),
    ]:
        assert client.get(url).status_code in (302, 403)
    client.post(
        reverse("lifecycle_change_stage", args=[draft.pk]),
        {"stage": "review", "reached_on": "2024-02-01", "reason": "x"},
    )
    draft.refresh_from_db()
    assert draft.get_latest_revision_as_object().stage == ProjectStage.CALL
    score_edit = reverse("wagtailsnippets_lifecycle_reviewscore:edit", args=[draft.review_scores.get().pk])
    assert client.post(score_edit, {"reviewer": "改名", "score": "100"}).status_code in (302, 403)
    assert draft.review_scores.get().score == 78


def test_review_scores_are_hidden_from_organizations_and_departments(client, home):
    score = ReviewScoreFactory(reviewer="评审专家丁")
    for user in [
        account("org", ORGANIZATIONS, organization=score.project.organization),
        account("dep", DEPARTMENT_STAFF, department=score.project.purchaser),
    ]:
        client.force_login(user)
        assert refused(client, reverse("wagtailsnippets_lifecycle_reviewscore:list"), "评审专家丁")


def test_an_editor_account_changes_stages_and_moderates(client, home):
    project = ProjectPageFactory(stage=ProjectStage.CALL)
    update = UpdateFactory(project=project)
    client.force_login(account("bianji", EDITORS))
    assert (
        client.post(
            reverse("lifecycle_change_stage", args=[project.pk]), {"stage": "review", "reached_on": "2024-02-01"}
        ).status_code
        == 302
    )
    project.refresh_from_db()
    assert project.stage == ProjectStage.REVIEW
    edit = reverse("wagtailsnippets_updates_implementationupdate:edit", args=[update.pk])
    assert post_form(client, edit, status="approved").status_code == 302
    update.refresh_from_db()
    assert update.status == ModerationStatus.APPROVED and update.moderated_by.username == "bianji"
