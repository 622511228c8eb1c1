"""Each social organization's application materials live in its own login-only document collection."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection

from shegong.calls.collections import MATERIALS
from shegong.calls.models import ApplicationAttachment
from shegong.roles.groups import EDITORS, ORGANIZATIONS
from tests.calls.factories import ApplicationFactory
from tests.factories import OrganizationFactory, account

pytestmark = pytest.mark.django_db


def upload(client, title):
    """The documents section's upload form, as an organization's account fills it in (the root collection offered)."""
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": title,
            "file": SimpleUploadedFile(f"{title}.pdf", b"%PDF-1.4 materials"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:500]
    return Document.objects.get(title=title)


def chooser(client):
    return client.get(reverse("wagtaildocs_chooser:choose")).json()["html"]


def test_an_organizations_upload_is_filed_in_its_own_login_only_collection(client, home):
    tongxin = OrganizationFactory(name="同心社工中心")
    shanxing = OrganizationFactory(name="善行社工中心")
    client.force_login(account("tongxin", ORGANIZATIONS, organization=tongxin))
    document = upload(client, "同心审计报告")

    assert document.collection.name == "同心社工中心"
    parent = document.collection.get_parent()
    assert parent.name == MATERIALS and parent.get_view_restrictions().get().restriction_type == "login"
    assert "同心审计报告" in chooser(client)

    client.force_login(account("shanxing", ORGANIZATIONS, organization=shanxing))
    upload(client, "善行登记证书")
    assert "同心审计报告" not in chooser(client) and "善行登记证书" in chooser(client)
    assert client.get(document.url).status_code == 404
    assert Collection.objects.filter(name="善行社工中心").get().get_parent() == parent

    client.force_login(account("colleague", ORGANIZATIONS, organization=tongxin))
    assert "同心审计报告" in chooser(client) and "善行登记证书" not in chooser(client)
    assert client.get(document.url).status_code == 200

    client.force_login(account("bianji", EDITORS))
    page = chooser(client)
    assert "同心审计报告" in page and "善行登记证书" in page
    assert client.get(document.url).status_code == 200

    client.logout()
    assert client.get(document.url).status_code in (302, 404)


def test_an_application_cannot_carry_another_organizations_materials(client, home):
    tongxin, shanxing = OrganizationFactory(name="同心社工中心"), OrganizationFactory(name="善行社工中心")
    client.force_login(account("shanxing", ORGANIZATIONS, organization=shanxing))
    theirs = upload(client, "善行审计报告")
    attachment = ApplicationAttachment(application=ApplicationFactory(organization=tongxin), document=theirs)
    with pytest.raises(ValidationError, match="其他社会组织的申报材料"):
        attachment.clean()
    ApplicationAttachment(application=ApplicationFactory(organization=shanxing), document=theirs).clean()
