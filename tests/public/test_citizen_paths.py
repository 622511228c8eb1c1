"""A citizen's paths through the public site in Chromium, at desktop and phone widths, with axe-core on every page."""

import csv
import datetime
import io
import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import timezone

from shegong.funds.models import Disbursement
from shegong.pages.enums import NoticeKind, PolicyStatus, ProjectStage, StationLevel
from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    DistrictFactory,
    NoticePageFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
    StreetFactory,
    ensure_site_tree,
)
from tests.public.browser import WIDTHS, Visit, launch, needs_chromium, screenshot_dir

pytestmark = needs_chromium


@pytest.fixture(scope="module")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in this thread, and the tests still write to the database
    # (content for each test, the live server's flush): Django's guard against async misuse does not apply.
    # Only for this module: a deploy check run later by another test must not inherit it.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = launch(playwright)
            yield browser
            browser.close()
    finally:
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory):
    return screenshot_dir(tmp_path_factory)


@pytest.fixture
def site_content(live_server):
    ensure_site_tree()
    today = timezone.localdate()
    guanshang = StreetFactory(name="关上街道", parent=DistrictFactory())
    community = CommunityFactory(name="关上社区", parent=guanshang)
    sunshine = OrganizationFactory(
        name="官渡区阳光社会工作服务中心",
        rating="5A",
        list_status="red",
        list_reason="连续三年项目评估优秀，服务对象满意度高",
        listed_on=today - datetime.timedelta(days=20),
        list_until=today + datetime.timedelta(days=345),
    )
    OrganizationFactory(
        name="昆明市某某社会工作服务社",
        list_status="black",
        list_reason="虚报服务人次，挪用项目资金，经审计查实",
        listed_on=today - datetime.timedelta(days=40),
        list_until=datetime.date(today.year + 2, 12, 20),
    )
    elderly, children = CategoryFactory(name="为老服务"), CategoryFactory(name="儿童关爱")
    ProjectPageFactory(title="宝华社区独居老人“银龄关爱”居家养老服务项目", category=elderly, street=guanshang)
    project = ProjectPageFactory(
        title="关上社区“四点半课堂”流动儿童关爱项目",
        code="GD-2023-001",
        category=children,
        organization=sunshine,
        street=guanshang,
        community=community,
        stage=ProjectStage.IMPLEMENTATION,
        budget=Decimal("180000.00"),
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2024, 2, 28),
        summary="为关上社区流动儿童提供课后托管、学业辅导和亲子活动。",
    )
    Disbursement.objects.create(
        project=project, paid_on=datetime.date(2023, 3, 10), amount=Decimal("54000.00"), kind="first"
    )
    old = PolicyPageFactory(
        title="官渡区社会工作服务项目管理暂行办法",
        issued_on=datetime.date(2019, 3, 1),
        status=PolicyStatus.REPEALED,
        summary="项目管理的暂行规定。",
    )
    new = PolicyPageFactory(
        title="官渡区政府购买社会工作服务项目管理办法",
        issued_on=datetime.date(2022, 1, 10),
        summary="规范项目申报、评审与评估。",
    )
    old.replaced_by = new
    old.save_revision().publish()
    NoticePageFactory(
        title="2023年度官渡区社会工作服务项目立项公示",
        kind=NoticeKind.APPROVAL_PUBLICITY,
        published_on=today - datetime.timedelta(days=2),
        publicity_until=today + datetime.timedelta(days=5),
    )
    StationPageFactory(title="官渡区社会工作指导中心", level=StationLevel.DISTRICT, region=guanshang.parent)
    StationPageFactory(
        title="关上街道社会工作服务站", region=guanshang, operator=sunshine, hours="周一至周五 9:00-17:00"
    )
    StationPageFactory(title="关上社区社会工作服务点", level=StationLevel.COMMUNITY, region=community)
    return {"project": project, "old_policy": old, "new_policy": new, "organization": sunshine}


def open_visit(chromium, screenshots, width_name, **context_options):
    context = chromium.new_context(
        viewport={"width": WIDTHS[width_name], "height": 900}, locale="zh-CN", accept_downloads=True, **context_options
    )
    return context, Visit(context.new_page(), width_name, screenshots)


def nav(page, label):
    page.get_by_role("navigation", name="主导航").get_by_role("link", name=label, exact=True).click()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_citizen_reads_projects_policies_notices_and_the_lists(
    live_server, site_content, chromium, screenshots, width_name
):
    context, visit = open_visit(chromium, screenshots, width_name)
    page = visit.page
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "官渡区社会工作服务项目管理平台"
    assert page.locator('meta[property="og:title"]').get_attribute("content")
    visit.check("home")

    nav(page, "服务项目")
    page.get_by_label("项目类别").select_option(label="儿童关爱")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/projects/?*category=*")
    assert page.locator("table.listing tbody tr").count() == 1
    visit.check("projects-filtered")

    page.get_by_role("link", name="关上社区“四点半课堂”流动儿童关爱项目").click()
    page.wait_for_url("**/projects/gd-*/")
    assert "项目实施" in page.locator('ol.timeline [aria-current="step"]').inner_text()
    visit.check("project")

    nav(page, "政策法规")
    page.get_by_label("关键词").fill("暂行")
    page.get_by_label("发布日期止").fill("2020-12-31")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/policies/?*q=*")
    visit.check("policies-filtered")
    page.get_by_role("link", name="官渡区社会工作服务项目管理暂行办法").click()
    replacement = page.get_by_role("link", name="《官渡区政府购买社会工作服务项目管理办法》")
    assert replacement.is_visible()
    visit.check("policy-repealed")
    replacement.click()
    page.wait_for_url(f"**{site_content['new_policy'].url}")
    visit.check("policy")

    nav(page, "通知公告")
    page.get_by_label("类型").select_option(label="立项公示")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/notices/?*kind=*")
    page.get_by_role("link", name="2023年度官渡区社会工作服务项目立项公示").click()
    assert "公示中" in page.locator(".notice-box").inner_text()
    visit.check("notice")

    nav(page, "社工站点")
    tree = page.locator(".station-tree")
    assert tree.inner_text().index("官渡区社会工作指导中心") < tree.inner_text().index("关上社区社会工作服务点")
    visit.check("stations")
    page.get_by_role("link", name="关上街道社会工作服务站").click()
    assert page.get_by_role("link", name="官渡区社会工作指导中心").is_visible()
    visit.check("station")

    nav(page, "红黑榜")
    cards = page.locator(".redblack__list .card")
    assert cards.count() == 2
    # Dates never wrap: the "有效期至" date is one line high, whatever the width.
    until = page.locator(".card--black dd.nowrap").last
    line_height = float(until.evaluate("el => parseFloat(getComputedStyle(el).lineHeight)"))
    assert until.bounding_box()["height"] < line_height * 1.5
    visit.check("redblack")
    page.get_by_role("link", name="官渡区阳光社会工作服务中心").click()
    assert page.get_by_role("heading", level=1).inner_text() == "官渡区阳光社会工作服务中心"
    assert page.get_by_role("link", name="关上社区“四点半课堂”流动儿童关爱项目").is_visible()
    visit.check("organization")

    nav(page, "数据统计")
    # Every chart label is real text at a readable size, whatever the width.
    sizes = page.locator(".bar-chart__label, .bar-chart__value").evaluate_all(
        "els => els.map(el => parseFloat(getComputedStyle(el).fontSize))"
    )
    assert sizes and min(sizes) >= 13
    bar_colour = page.locator(".bar-chart .bar").first.evaluate("el => getComputedStyle(el).fill")
    assert bar_colour == "rgb(217, 115, 109)"  # #d9736d: 3.2:1 against white
    page.locator(".bar-chart__data summary").first.click()
    assert page.locator(".bar-chart__data table").first.is_visible()
    visit.check("stats")

    nav(page, "数据开放")
    visit.check("opendata")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="下载服务项目（CSV）").click()
    download = download_info.value
    assert download.suggested_filename == f"服务项目-{timezone.localdate().isoformat()}.csv"
    rows = list(csv.DictReader(io.StringIO(Path(download.path()).read_text(encoding="utf-8-sig"))))
    assert {row["项目名称"] for row in rows} == {
        "宝华社区独居老人“银龄关爱”居家养老服务项目",
        "关上社区“四点半课堂”流动儿童关爱项目",
    }

    page.get_by_role("contentinfo").get_by_role("link", name="网站地图").click()
    visit.check("sitemap")
    page.goto(live_server.url + "/xxgk/")
    visit.check("disclosure")
    page.goto(live_server.url + "/no-such-page/")
    assert page.get_by_role("heading", level=1).inner_text() == "页面未找到"
    visit.check("404")
    context.close()


@pytest.mark.parametrize("width_name", list(WIDTHS))
def test_elder_mode_switches_on_without_script_and_is_remembered(
    live_server, site_content, chromium, screenshots, width_name
):
    no_script, visit = open_visit(chromium, screenshots, width_name, java_script_enabled=False)
    page = visit.page
    page.goto(live_server.url + "/policies/")
    normal = float(page.locator("body").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))

    page.get_by_role("link", name="长辈版（大字）").click()
    page.wait_for_url("**/policies/")
    assert page.locator("html").get_attribute("class") == "elder"
    larger = float(page.locator("body").evaluate("el => parseFloat(getComputedStyle(el).fontSize)"))
    assert larger >= normal * 1.2
    page.goto(live_server.url + site_content["project"].url)  # remembered on the next page
    assert page.locator("html").get_attribute("class") == "elder"
    page.get_by_role("link", name="退出长辈版").click()
    assert page.locator("html").get_attribute("class") is None
    no_script.close()

    # axe-core needs script: the 长辈版 pages are checked in a browser that chose the mode the same way.
    context, visit = open_visit(chromium, screenshots, width_name)
    page = visit.page
    page.goto(live_server.url + "/display/elder/?next=/")
    for name, url in [
        ("elder-home", "/"),
        ("elder-policies", "/policies/"),
        ("elder-project", site_content["project"].url),
        ("elder-redblack", "/redblack/"),
        ("elder-stats", "/stats/"),
    ]:
        page.goto(live_server.url + url)
        assert page.locator("html").get_attribute("class") == "elder"
        visit.check(name)
    context.close()


def test_focus_is_visible_against_the_page_and_the_header(live_server, site_content, chromium, screenshots):
    context, visit = open_visit(chromium, screenshots, "desktop")
    page = visit.page
    page.goto(live_server.url + "/projects/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "跳到主要内容"
    page.get_by_label("项目类别").focus()
    page.keyboard.press("Tab")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineColor")
    assert outline == "rgb(11, 61, 145)"  # #0b3d91: 10:1 against white
    context.close()


def test_a_policy_prints_without_the_site_chrome(live_server, site_content, chromium):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(live_server.url + site_content["new_policy"].url)
    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="主导航").is_visible()
    assert not page.locator(".site-search").is_visible()
    assert page.get_by_role("heading", level=1).is_visible()
    assert page.pdf()[:4] == b"%PDF"
    context.close()
