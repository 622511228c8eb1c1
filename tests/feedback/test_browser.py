"""A citizen comments from a project page in a real browser, with JavaScript and without, under the site's CSP."""

import pytest
from django.core.cache import cache
from django.test import override_settings

from shegong.feedback.models import Comment
from tests.factories import ProjectPageFactory, ensure_site_tree
from tests.public.browser import launch, needs_chromium

pytestmark = [*needs_chromium, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_a_citizen_comments_from_a_cached_project_page(live_server, javascript):
    from playwright.sync_api import sync_playwright

    ensure_site_tree()
    address = live_server.url + ProjectPageFactory(title="太和社区“四点半课堂”流动儿童关爱项目").url
    cache.clear()
    blocked = []
    with override_settings(SHEGONG_PAGE_CACHE_SECONDS=60), sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context(locale="zh-CN", java_script_enabled=javascript).new_page()
        page.on("console", lambda message: "Content Security Policy" in message.text and blocked.append(message.text))
        page.goto(address)
        page.get_by_label("称呼").first.fill("居民老李")
        page.get_by_label("留言内容").fill("四点半课堂很受孩子们欢迎。")
        page.get_by_role("button", name="提交留言").click()
        if not javascript:
            page.wait_for_selector("text=内容尚未提交")
            page.get_by_role("button", name="提交留言").click()
        page.wait_for_selector("text=留言已提交")
        browser.close()
    assert Comment.objects.get().name == "居民老李" and not blocked
