"""The Content-Security-Policy: on every page, strict on the public site, and the admin still works under it
(page editor, StreamField, rich text, image chooser) in a real Chromium that enforces it."""

import os

import pytest
from wagtail.models import Page
from wagtail_factories import ImageFactory

from tests.factories import NoticePageFactory, ensure_site_tree

CHROMIUM = "/usr/bin/chromium"


def policy(response):
    return dict(part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";") if part.strip())


def test_public_pages_get_the_strict_policy(client, home):
    notice = NoticePageFactory(title="关于开展2024年度社会工作服务项目评估的通知")
    for url in ["/", notice.url, "/search/?q=社工", "/api/v2/pages/"]:
        directives = policy(client.get(url))
        assert directives["default-src"] == "'self'" and directives["object-src"] == "'none'", url
        assert "unsafe-inline" not in directives["script-src"] and "unsafe-inline" not in directives["style-src"], url


def test_the_admin_gets_the_policy_with_its_inline_allowance(admin_client, home):
    directives = policy(admin_client.get("/admin/"))
    assert directives["default-src"] == "'self'" and directives["frame-ancestors"] == "'self'"
    assert "'unsafe-inline'" in directives["script-src"] and "'unsafe-inline'" in directives["style-src"]


@pytest.mark.browser
@pytest.mark.skipif(not os.access(CHROMIUM, os.X_OK), reason=f"没有可用的 Chromium（{CHROMIUM}），跳过浏览器测试")
def test_an_editor_writes_a_notice_with_text_and_an_image(live_server, django_user_model):
    from playwright.sync_api import expect, sync_playwright

    ensure_site_tree()
    django_user_model.objects.create_superuser("editor", "editor@example.com", "pw-for-the-browser-test")
    notice = NoticePageFactory(title="社区活动通知", body=[])
    ImageFactory(title="社区活动照片")

    violations = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        page = browser.new_page(locale="zh-CN", viewport={"width": 1280, "height": 1000})
        page.on(
            "console", lambda message: "Content Security Policy" in message.text and violations.append(message.text)
        )
        page.goto(live_server.url + "/admin/login/")
        page.fill("#id_username", "editor")
        page.fill("#id_password", "pw-for-the-browser-test")
        page.click("button[type=submit]")
        page.wait_for_url(live_server.url + "/admin/")

        page.goto(f"{live_server.url}/admin/pages/{notice.pk}/edit/")
        page.locator("button.c-sf-add-button").first.click()
        page.get_by_role("option", name="正文").click()
        editor = page.locator(".Draftail-Editor [contenteditable=true]").first
        editor.click()
        editor.type("本周六上午在社区广场举办义诊活动。")

        page.locator("button.c-sf-add-button").last.click()
        page.get_by_role("option", name="图片").click()
        # The page's own listing image has a chooser too: use the one inside the new body block.
        block_chooser = page.locator("[id^=body-][id$=-value-image-chooser]")
        block_chooser.get_by_role("button", name="选择一个图片").click()
        page.locator("a[data-chooser-modal-choice]").first.click()
        expect(block_chooser.locator(".chooser__title")).to_contain_text("社区活动照片")
        page.get_by_label("替代文本").last.fill("义诊现场")

        page.get_by_role("button", name="保存草稿").click()
        page.wait_for_selector(".messages .success", timeout=20_000)
        browser.close()

    draft = Page.objects.get(pk=notice.pk).get_latest_revision_as_object()
    kinds = [block.block_type for block in draft.body]
    assert kinds == ["paragraph", "image"]
    assert "义诊活动" in draft.body[0].value.source
    assert draft.body[1].value.title == "社区活动照片" and draft.body[1].value.contextual_alt_text == "义诊现场"
    assert violations == []
