"""An editor opens an organization's account in one screen; the account then reaches that organization only."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS
from tests.calls.factories import ApplicationFactory
from tests.factories import OrganizationFactory, account

pytestmark = pytest.mark.django_db

URL = reverse("roles_organization_account")


def form(organization, **changes):
    return {
        "organization": organization.pk,
        "username": "yangguang",
        "last_name": "王芳",
        "email": "wangfang@example.com",
        "password1": "Shegong-2027-pass",
        "password2": "Shegong-2027-pass",
        **changes,
    }


def test_an_editor_opens_an_account_linked_to_the_organization(client, home):
    organization = OrganizationFactory()
    client.force_login(account("editor", EDITORS))
    response = client.post(URL, form(organization), follow=True)
    assert f"已为“{organization}”开通账号“yangguang”" in response.content.decode()

    user = get_user_model().objects.get(username="yangguang")
    assert list(user.groups.values_list("name", flat=True)) == [ORGANIZATIONS]
    assert user.staff_profile.organization == organization
    assert user.check_password("Shegong-2027-pass")

    own, other = ApplicationFactory(organization=organization, title="本机构申报"), ApplicationFactory(title="他家申报")
    client.force_login(user)
    listing = client.get(reverse("wagtailsnippets_calls_application:list")).content.decode()
    assert own.title in listing and other.title not in listing


def test_a_taken_name_or_mismatched_passwords_are_form_errors(client, home):
    organization = OrganizationFactory()
    client.force_login(account("editor", EDITORS))
    response = client.post(URL, form(organization, username="editor"))
    assert response.status_code == 200
    assert "username" in response.context["form"].errors
    response = client.post(URL, form(organization, password2="another-pass-2027"))
    assert "password2" in response.context["form"].errors
    assert not get_user_model().objects.filter(username="yangguang").exists()


def test_other_roles_cannot_open_accounts(client, home):
    organization = OrganizationFactory()
    for user in [account("staff", DEPARTMENT_STAFF), account("org", ORGANIZATIONS, organization=organization)]:
        client.force_login(user)
        client.post(URL, form(organization))
        assert client.get(URL).status_code != 200
    assert not get_user_model().objects.filter(username="yangguang").exists()
