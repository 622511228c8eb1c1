"""A citizen searches in a real Chromium, on a desktop screen and on a 390-pixel phone."""

import os

import pytest

from shegong.pages.enums import PolicyStatus, ProjectStage
from tests.factories import PolicyPageFactory, ProjectPageFactory, StreetFactory, ensure_site_tree

CHROMIUM = "/usr/bin/chromium"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"没有可用的 Chromium（{CHROMIUM}），跳过浏览器测试"),
]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def content(live_server):
    # live_server's database is flushed between tests; the Site is the default one, so any host finds it.
    ensure_site_tree()
    for n, street in enumerate(["关上街道", "吴井街道", "金马街道"]):
        ProjectPageFactory(
            title=f"{street}社区居家养老服务项目{n}",
            summary="为独居老人提供上门探访与助餐服务。",
            stage=ProjectStage.IMPLEMENTATION,
            street=StreetFactory(name=street),
        )
    PolicyPageFactory(
        title="官渡区居家养老服务管理办法（试行）", document_number="官民发〔2017〕12号", status=PolicyStatus.REPEALED
    )
    PolicyPageFactory(
        title="官渡区居家养老服务管理办法", document_number="官民发〔2022〕21号", status=PolicyStatus.VALID
    )


def search(page, url, query):
    page.goto(url + "/search/")
    page.get_by_label("检索词").fill(query)
    page.get_by_role("button", name="检索").click()
    page.wait_for_url("**/search/?*q=*")


def test_desktop_search_shows_filters_beside_results_and_marks_repealed_policies(live_server, content, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    search(page, live_server.url, "居家养老管理办法")
    results = page.locator(".search-results .search-hit")
    assert results.count() >= 2
    first, second = results.nth(0).inner_text(), results.nth(1).inner_text()
    # Equally relevant: the policy in force comes before the repealed one, which is marked so.
    assert "官民发〔2022〕21号" in first and "现行有效" in first
    assert "官民发〔2017〕12号" in second and "已废止" in second
    filters = page.locator("details.search-filters")
    assert filters.evaluate("el => el.open")
    assert page.get_by_role("link", name="吴井街道", exact=True).is_visible()
    # On a wide screen the filters stand beside the results, left of them.
    assert filters.bounding_box()["x"] < results.nth(0).bounding_box()["x"]
    page.screenshot(path="/tmp/shegong-search-desktop.png", full_page=True)


def test_phone_search_puts_results_first_and_folds_the_filters(live_server, content, browser):
    page = browser.new_page(viewport={"width": 390, "height": 844}, locale="zh-CN", is_mobile=True)
    search(page, live_server.url, "养老服务")
    first = page.locator(".search-results .search-hit").first
    filters = page.locator("details.search-filters")
    assert first.bounding_box()["y"] < filters.bounding_box()["y"]
    assert first.bounding_box()["y"] < 844, "第一条结果应在手机第一屏内"
    assert not filters.evaluate("el => el.open")
    assert not page.get_by_role("link", name="吴井街道", exact=True).is_visible()
    filters.locator("summary").click()
    assert page.get_by_role("link", name="吴井街道", exact=True).is_visible()
    page.get_by_role("link", name="吴井街道", exact=True).click()
    page.wait_for_url("**street=*")
    assert page.locator(".search-results .search-hit").count() == 1
    page.screenshot(path="/tmp/shegong-search-phone.png", full_page=True)


def test_typing_offers_completions(live_server, content, browser):
    page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="zh-CN")
    page.goto(live_server.url + "/search/")
    page.get_by_label("检索词").press_sequentially("居家", delay=50)
    options = page.locator("#search-suggestions option")
    options.first.wait_for(state="attached")
    values = options.evaluate_all("els => els.map(el => el.value)")
    assert "官渡区居家养老服务管理办法" in values
