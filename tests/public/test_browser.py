"""A citizen's path through the public site in a real Chromium."""

import datetime

import pytest

from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectMilestone
from tests.factories import CategoryFactory, ProjectPageFactory, ensure_site_tree
from tests.public.browser import launch, needs_chromium, screenshot_dir

pytestmark = needs_chromium


@pytest.fixture
def screenshots(tmp_path_factory):
    return screenshot_dir(tmp_path_factory)


@pytest.fixture
def browser_page():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
        yield page
        browser.close()


@pytest.fixture
def projects(live_server):
    # live_server's database is flushed between tests; the Site is the default one, so any host finds it.
    ensure_site_tree()
    elderly, children = CategoryFactory(name="为老服务"), CategoryFactory(name="儿童关爱")
    ProjectPageFactory(title="宝华社区独居老人“银龄关爱”居家养老服务项目", category=elderly)
    project = ProjectPageFactory(
        title="太和社区“四点半课堂”流动儿童关爱项目",
        code="GD-2023-001",
        category=children,
        stage=ProjectStage.IMPLEMENTATION,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2024, 2, 28),
    )
    for stage, day in [(ProjectStage.CALL, 10), (ProjectStage.REVIEW, 20), (ProjectStage.PUBLICITY, 25)]:
        ProjectMilestone.objects.create(page=project, stage=stage, reached_on=datetime.date(2023, 1, day))
    ProjectMilestone.objects.create(
        page=project, stage=ProjectStage.IMPLEMENTATION, reached_on=datetime.date(2023, 3, 1)
    )
    return project


def test_citizen_filters_projects_and_reads_a_timeline(live_server, projects, browser_page, screenshots):
    page = browser_page
    page.goto(live_server.url + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "官渡区社会工作服务项目管理平台"
    page.screenshot(path=str(screenshots / "timeline-home.png"), full_page=True)

    page.get_by_role("navigation", name="主导航").get_by_role("link", name="服务项目").click()
    page.wait_for_url("**/projects/")
    listing = page.locator("table.listing")
    assert "宝华社区独居老人" in listing.inner_text()

    page.get_by_label("项目类别").select_option(label="儿童关爱")
    page.get_by_role("button", name="筛选").click()
    page.wait_for_url("**/projects/?*category=*")
    rows = listing.locator("tbody tr")
    assert rows.count() == 1
    assert "宝华社区独居老人" not in listing.inner_text()

    page.get_by_role("link", name="太和社区“四点半课堂”流动儿童关爱项目").click()
    page.wait_for_url("**/projects/gd-*/")
    timeline = page.locator("ol.timeline")
    assert timeline.locator("li").count() == 6
    current = timeline.locator('[aria-current="step"]')
    assert "项目实施" in current.inner_text() and "2023年3月1日" in current.inner_text()
    assert "路演评审" in timeline.inner_text() and "2023年1月20日" in timeline.inner_text()
    assert timeline.locator(".timeline__step--todo").count() == 2
    # The stylesheet is served and applied: the current step carries the accent border.
    assert current.evaluate("el => getComputedStyle(el).borderTopWidth") == "2px"
    page.screenshot(path=str(screenshots / "timeline-project.png"), full_page=True)
