"""Organization profiles and the red/black list as citizens read them."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import NoticePageFactory, OrganizationFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def test_profile_shows_public_facts_and_public_projects_never_contacts(client, published):
    organization = published["organization"]
    ProjectPageFactory(title="阳光中心草稿项目", organization=organization, live=False)
    NoticePageFactory(
        title=f"关于{organization.name}列入红榜的公示", kind="list_publicity", publicity_until=datetime.date(2022, 6, 8)
    )
    html = client.get(f"/organizations/{organization.pk}/").content.decode()

    assert f"<h1>{organization.name}</h1>" in html
    assert organization.credit_code in html and "评估等级" in html and "3A" in html
    assert published["pages"]["project"].title in html and "承接的服务项目（1 个）" in html
    assert "阳光中心草稿项目" not in html
    assert f"关于{organization.name}列入红榜的公示" in html
    for private in ("0871-61111111", "张内部", "官渡区测试路 1 号"):
        assert private not in html


def test_an_unknown_organization_is_a_404(client, home):
    assert client.get("/organizations/999999/").status_code == 404


def test_the_red_black_list_is_in_the_menu_and_every_entry_links_to_its_profile(client, home):
    today = timezone.localdate()
    red = OrganizationFactory(
        list_status="red", list_reason="年度评估优秀", listed_on=today - datetime.timedelta(days=3)
    )
    black = OrganizationFactory(
        list_status="black",
        list_reason="虚报服务人次",
        listed_on=today - datetime.timedelta(days=30),
        list_until=today + datetime.timedelta(days=335),
    )
    OrganizationFactory(
        list_status="black",
        list_reason="已到期",
        listed_on=datetime.date(2020, 1, 1),
        list_until=datetime.date(2021, 1, 1),
    )

    assert '<a href="/redblack/">红黑榜</a>' in client.get("/").content.decode()
    html = client.get("/redblack/").content.decode()
    assert html.count('class="card card--red"') == 1 and html.count('class="card card--black"') == 1
    assert f'<a href="/organizations/{red.pk}/">{red.name}</a>' in html
    assert f'<a href="/organizations/{black.pk}/">{black.name}</a>' in html
    # Dates are one unbreakable unit, so a narrow screen never splits "2024-12-" from "20".
    until = black.list_until
    assert f'<dd class="nowrap">{until.isoformat()}</dd>' in html
    assert "已到期" not in html


def test_organizations_index_counts_public_projects(client, published):
    html = client.get("/organizations/").content.decode()
    organization = published["organization"]
    card = html[html.index(organization.name) :]
    assert "公开项目：1 个" in card[:400]
