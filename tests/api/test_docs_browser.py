"""The API docs open in a real Chromium with every request to another host blocked, as on an intranet."""

import os
from urllib.parse import urlsplit

import pytest

from tests.factories import ensure_site_tree

CHROMIUM = "/usr/bin/chromium"
# ReDoc's sidebar credit (a link to redocly.com) asks for its logo; blocked, the image hides itself.
REDOC_CREDIT_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"没有可用的 Chromium（{CHROMIUM}），跳过浏览器测试"),
]


@pytest.fixture
def offline_page(live_server):
    from playwright.sync_api import sync_playwright

    ensure_site_tree()
    own = urlsplit(live_server.url).netloc
    outside = []

    def only_our_origin(route):
        if urlsplit(route.request.url).netloc == own:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page(locale="zh-CN")
        page.route("**/*", only_our_origin)
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        yield page, outside, errors
        browser.close()


def test_swagger_ui_works_offline(live_server, offline_page):
    page, outside, errors = offline_page
    page.goto(live_server.url + "/api/docs/")
    page.get_by_text("服务项目列表").first.wait_for(timeout=30_000)
    assert outside == [] and errors == []


def test_redoc_works_offline(live_server, offline_page):
    page, outside, errors = offline_page
    page.goto(live_server.url + "/api/redoc/")
    page.get_by_role("heading", name="社工 Shegong 内容接口").wait_for(timeout=60_000)
    assert page.get_by_text("服务项目列表").count() > 0  # the operations are listed (in collapsed groups)
    assert set(outside) <= {REDOC_CREDIT_LOGO} and errors == []
