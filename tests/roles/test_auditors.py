"""Auditors read every page's history and every organization's record, and change neither."""

import pytest
from django.urls import reverse

from shegong.roles.groups import AUDITORS, ORGANIZATIONS
from tests.factories import OrganizationFactory, PolicyPageFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


def test_auditors_open_the_history_of_every_kind_of_page(client, admin_client, home):
    project = ProjectPageFactory(title="阳光助老项目", live=False)
    policy = PolicyPageFactory(title="社会工作服务管理办法")
    for page in [project, policy]:
        page.title += "（修订）"
        page.save_revision(user=admin_client.user, log_action=True)
    client.force_login(account("shenji", AUDITORS))
    for page in [project, policy, home]:
        response = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
        assert response.status_code == 200, page
        assert response.context["object"].pk == page.pk
    assert "editor" in client.get(reverse("wagtailadmin_pages:history", args=[project.pk])).content.decode()

    # Reading the history gives no power over the page.
    revision = project.latest_revision
    client.post(reverse("wagtailadmin_pages:revisions_revert", args=[project.pk, revision.pk]), {"title": "改掉"})
    client.post(reverse("wagtailadmin_pages:edit", args=[project.pk]), {"title": "改掉"})
    project.refresh_from_db()
    assert project.get_latest_revision_as_object().title == "阳光助老项目（修订）"


def test_history_stays_closed_to_an_organization_outside_its_projects(client, home):
    others = ProjectPageFactory(title="别家机构的项目")
    client.force_login(account("jigou", ORGANIZATIONS, organization=OrganizationFactory(name="甲社工中心")))
    response = client.get(reverse("wagtailadmin_pages:history", args=[others.pk]), follow=True)
    assert response.redirect_chain or response.status_code in (403, 404)
    assert "别家机构的项目" not in response.content.decode()


def test_auditors_read_organization_records_but_cannot_change_them(client, home):
    organization = OrganizationFactory(name="官渡区阳光社工中心", contact_person="张主任")
    client.force_login(account("shenji", AUDITORS))
    listing = client.get(reverse("wagtailsnippets_snippets_socialorganization:list")).content.decode()
    inspect = reverse("wagtailsnippets_snippets_socialorganization:inspect", args=[organization.pk])
    assert "官渡区阳光社工中心" in listing and inspect in listing
    assert "张主任" in client.get(inspect).content.decode()

    edit = reverse("wagtailsnippets_snippets_socialorganization:edit", args=[organization.pk])
    assert client.get(edit).status_code in (302, 403)
    client.post(edit, {"name": "改名", "credit_code": organization.credit_code, "rating": "5A"})
    organization.refresh_from_db()
    assert (organization.name, organization.rating) == ("官渡区阳光社工中心", "3A")
