"""The public statistics page and the admin dashboard panel, as a citizen and an editor see them."""

import datetime
import decimal
import re

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from shegong.pages.enums import ProjectStage, StationLevel
from shegong.pages.models import ProjectPage
from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    DepartmentFactory,
    DisbursementFactory,
    ProjectPageFactory,
    StationPageFactory,
    StreetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def figures(home):
    civil = DepartmentFactory(name="官渡区民政局")
    youth = DepartmentFactory(name="共青团<官渡>区委")
    elderly = CategoryFactory(name="为老服务")
    a = ProjectPageFactory(purchaser=civil, category=elderly, budget=200000, start_date=datetime.date(2022, 3, 1))
    ProjectPageFactory(
        purchaser=civil,
        category=elderly,
        budget=100000,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2024, 2, 28),
        stage=ProjectStage.EVALUATION,
    )
    ProjectPageFactory(
        purchaser=youth, budget=50000, start_date=datetime.date(2023, 3, 1), end_date=datetime.date(2024, 2, 28)
    )
    DisbursementFactory(project=a, amount=decimal.Decimal("80000.00"))

    draft = ProjectPageFactory(purchaser=DepartmentFactory(name="草稿专用局"), budget=999000, live=False)
    private = ProjectPageFactory(purchaser=DepartmentFactory(name="内部专用局"), budget=888000)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.PASSWORD, password="x")
    DisbursementFactory(project=private, amount=decimal.Decimal("7000.00"), paid_on=datetime.date(2022, 4, 1))

    covered = StreetFactory(name="关上街道")
    c1, c2 = CommunityFactory(name="关上社区", parent=covered), CommunityFactory(name="双桥社区", parent=covered)
    CommunityFactory(name="北京路社区", parent=covered)
    bare = StreetFactory(name="矣六街道")
    CommunityFactory(name="矣六社区", parent=bare)
    StationPageFactory(level=StationLevel.STREET, region=covered)
    StationPageFactory(level=StationLevel.COMMUNITY, region=c1)
    StationPageFactory(level=StationLevel.COMMUNITY, region=c2)
    StationPageFactory(level=StationLevel.STREET, region=bare, live=False)  # not yet open
    return draft


def text_of(html):
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def coverage_row(html, street):
    row = re.search(rf"<th scope=\"row\">{street}</th>(.*?)</tr>", html, re.S).group(1)
    return re.findall(r"<td>(.*?)</td>", row)


def assert_public_figures(html):
    text = text_of(html)
    assert "公开项目 3 个" in text
    assert "项目预算 35 万元" in text and "已拨付资金 8 万元" in text
    assert "草稿专用局" not in html and "内部专用局" not in html  # nothing unpublished or private counts
    assert "共青团&lt;官渡&gt;区委" in html and "共青团<官渡>" not in html
    assert "预算 30 万元，已拨付 8 万元" in html  # 民政局: both projects, the payment
    assert "2022 年：1 个" in html and "2023 年：2 个" in html
    assert "项目评估：1 个" in html
    assert coverage_row(html, "关上街道") == ["已建", "3", "2", "67%"]
    assert coverage_row(html, "矣六街道") == ["未建", "1", "0", "0%"]
    assert "设有社工站的街道 1/" in text


def test_public_statistics_page_draws_charts_without_any_cdn(client, figures):
    response = client.get("/stats/")
    assert response.status_code == 200
    html = response.content.decode()
    assert_public_figures(html)
    assert html.count("<svg") >= 8
    assert not re.search(r"<script[^>]+src=\"https?://", html) and "cdn" not in html.lower()


def test_admin_dashboard_panel_shows_the_same_figures_and_links_to_the_public_page(admin_client, figures):
    html = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "平台数据统计" in html
    assert_public_figures(html)
    link = re.search(r'href="([^"]+)"[^>]*>查看公开统计页', html).group(1)
    assert admin_client.get(link).status_code == 200


def test_a_project_appears_in_the_statistics_once_published(client, figures):
    figures.save_revision().publish()
    assert "公开项目 4 个" in text_of(client.get("/stats/").content.decode())


def test_empty_site_shows_no_data_instead_of_failing(client, home):
    html = client.get("/stats/").content.decode()
    assert "公开项目 0 个" in text_of(html) and "暂无数据" in html


def test_home_page_statistics_page_and_api_print_the_same_totals(client, figures):
    first = ProjectPage.objects.get(budget=200000)
    DisbursementFactory(project=first, amount=decimal.Decimal("20000.00"), paid_on=datetime.date(2022, 9, 1))

    home_text = text_of(client.get("/").content.decode())
    assert "公开项目数 3 个" in home_text and "项目预算合计 35 万元" in home_text
    stats_text = text_of(client.get("/stats/").content.decode())
    assert "公开项目 3 个" in stats_text and "项目预算 35 万元" in stats_text and "已拨付资金 10 万元" in stats_text

    api = client.get("/api/v2/stats/").json()["projects"]
    assert (api["count"], api["budget"], api["spent"]) == (3, "350000.00", "100000.00")
    civil = next(row for row in api["by_department"] if row["label"] == "官渡区民政局")
    # Two payments on one project: its budget still counts once.
    assert (civil["count"], civil["budget"], civil["spent"]) == (2, "300000.00", "100000.00")
    by_year = {row["key"]: (row["budget"], row["spent"]) for row in api["by_year"]}
    assert by_year == {"2022": ("200000.00", "100000.00"), "2023": ("150000.00", "0.00")}
