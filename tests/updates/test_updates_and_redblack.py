"""Implementation updates go public once approved; the red/black list is public and bars black-listed implementers."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from shegong.feedback.moderation import ModerationStatus
from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.roles.groups import ORGANIZATIONS
from shegong.updates.models import ImplementationUpdate
from tests.admin_forms import admin_form, post_form
from tests.factories import OrganizationFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def test_an_update_with_photos_is_public_once_approved_and_back_in_review_after_an_edit(admin_client, home):
    client, org_client = Client(), Client()  # a citizen and the organization, apart from the editor
    organization = OrganizationFactory()
    project = ProjectPageFactory(organization=organization)
    photo = Image.objects.create(title="入户探访", file=get_test_image_file())
    org_client.force_login(account("jia", ORGANIZATIONS, organization=organization))

    add = reverse("wagtailsnippets_updates_implementationupdate:add")
    data = admin_form(org_client, add)
    data.update(
        {
            "project": str(project.pk),
            "title": "五月入户探访",
            "happened_on": "2024-05-06",
            "text": "走访独居老人 12 户。",
            "photos-TOTAL_FORMS": "1",
            "photos-0-image": str(photo.pk),
            "photos-0-caption": "社工与老人交谈",
            "photos-0-ORDER": "1",
            "photos-0-id": "",
            "photos-0-DELETE": "",
        }
    )
    assert org_client.post(add, data).status_code == 302
    update = ImplementationUpdate.objects.get()
    assert update.photos.count() == 1 and update.status == ModerationStatus.PENDING
    assert "五月入户探访" not in client.get(project.url).content.decode()
    api = f"/api/v2/updates/?project={project.pk}"
    assert client.get(api).json()["items"] == []

    edit = reverse("wagtailsnippets_updates_implementationupdate:edit", args=[update.pk])
    assert post_form(admin_client, edit, status="approved").status_code == 302
    page = client.get(project.url).content.decode()
    assert "五月入户探访" in page and "社工与老人交谈" in page and "<img" in page
    [published] = client.get(api).json()["items"]
    assert published["title"] == "五月入户探访" and published["photos"][0]["caption"] == "社工与老人交谈"

    assert post_form(org_client, edit, text="走访独居老人 15 户（更正）。").status_code == 302
    update.refresh_from_db()
    assert update.status == ModerationStatus.PENDING
    assert "五月入户探访" not in client.get(project.url).content.decode()
    assert client.get(api).json()["items"] == []


def blacklisted(**fields):
    return OrganizationFactory(
        list_status="black", list_reason="虚报服务人次", listed_on=TODAY - datetime.timedelta(days=30), **fields
    )


def test_the_red_black_list_page_shows_listings_in_force_without_contacts(client, home):
    OrganizationFactory(
        name="红榜机构",
        list_status="red",
        list_reason="项目执行优秀",
        listed_on=TODAY,
        list_until=TODAY + datetime.timedelta(days=365),
        contact_phone="0871-11112222",
    )
    blacklisted(name="黑榜机构", list_until=TODAY + datetime.timedelta(days=30))
    OrganizationFactory(
        name="已过期机构",
        list_status="black",
        list_reason="旧事",
        listed_on=TODAY - datetime.timedelta(days=400),
        list_until=TODAY - datetime.timedelta(days=1),
    )
    response = client.get("/redblack/")
    assert response.status_code == 200
    text = response.content.decode()
    assert "红榜机构" in text and "项目执行优秀" in text and (TODAY + datetime.timedelta(days=365)).isoformat() in text
    assert "黑榜机构" in text and "虚报服务人次" in text
    assert "已过期机构" not in text and "0871-11112222" not in text and "联系人甲" not in text
    assert text.index("红榜机构") < text.index("黑榜机构")
    # The API's list in force today is the page's.
    listed = client.get("/api/v2/redblack/", {"in_force": "true"}).json()["items"]
    assert [(o["name"], o["listing"]["status"]) for o in listed] == [("红榜机构", "red"), ("黑榜机构", "black")]


def test_a_black_listed_organization_cannot_be_made_the_implementer_in_the_admin(admin_client, home):
    banned = blacklisted(name="黑榜机构", list_until=TODAY + datetime.timedelta(days=30))
    add = reverse("wagtailadmin_pages:add", args=("pages", "projectpage", ProjectIndexPage.objects.get().pk))
    response = post_form(
        admin_client,
        add,
        form_id="page-edit-form",
        title="新项目",
        slug="new",
        code="GD-2024-901",
        organization=str(banned.pk),
        budget="1000",
        stage="call",
        **{"action-publish": "1"},
    )
    assert response.status_code == 200
    assert "已列入黑榜" in response.content.decode() and "在黑榜有效期内不能承接新项目" in response.content.decode()
    assert not ProjectPage.objects.filter(code="GD-2024-901").exists()

    project = ProjectPageFactory()
    edit = reverse("wagtailadmin_pages:edit", args=[project.pk])
    response = post_form(
        admin_client, edit, form_id="page-edit-form", organization=str(banned.pk), **{"action-publish": "1"}
    )
    assert response.status_code == 200 and "已列入黑榜" in response.content.decode()


def test_an_expired_black_listing_no_longer_bars_and_past_work_stays_recorded(admin_client, home):
    expired = OrganizationFactory(
        list_status="black",
        list_reason="旧事",
        listed_on=TODAY - datetime.timedelta(days=400),
        list_until=TODAY - datetime.timedelta(days=1),
    )
    assert ProjectPageFactory(organization=expired).organization == expired
    banned = blacklisted()
    older = ProjectPage(
        title="列入黑榜前已开始的项目",
        slug="older",
        code="GD-2020-001",
        organization=banned,
        start_date=banned.listed_on - datetime.timedelta(days=100),
    )
    older.full_clean(exclude=["path", "depth"])  # a record of work begun before the listing is not a new engagement


def test_the_import_reports_a_black_listed_implementer(home, tmp_path):
    blacklisted(name="黑榜机构", list_until=TODAY + datetime.timedelta(days=30))
    document = tmp_path / "projects.json"
    document.write_text(
        '{"projects": [{"code": "GD-2024-902", "title": "导入的新项目", "organization": "黑榜机构", "budget": "1000", '
        f'"start": "{TODAY.isoformat()}", "stage": "call"}}]}}',
        encoding="utf-8",
    )
    with pytest.raises(CommandError) as error:
        call_command("import_content", str(document))
    assert "projects[0]" in str(error.value) and "已列入黑榜" in str(error.value)
    assert not ProjectPage.objects.filter(code="GD-2024-902").exists()
