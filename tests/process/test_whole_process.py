"""The whole process in a real browser, as the four roles walk it: an organization applies, an expert scores, an
editor approves and publishes the 立项公示, a citizen objects, the objection is answered, payments follow the
40/40/20 schedule, the evaluation is recorded and its 评估结果公示 published.

After each step the test checks what the people involved would: the mail they were sent (who, what, a link to
the screen where it is handled) and the 待办 counts on the dashboard of whoever acts next. Mail goes through
Django's locmem backend here (the test settings): the honest in-process equivalent of the console backend a
deployment starts with, the same `notify()` and message, read from `mail.outbox` instead of the terminal.

Only the starting world (site tree, department, street, organization, accounts) is made with factories; every
step after that goes through the admin forms and public pages. With SHEGONG_GUIDE_SCREENSHOTS set to a folder,
the walk also photographs the key screens for docs/operator-guide.md (scripts/screenshots).
"""

import datetime
import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone
from playwright.sync_api import expect

from shegong.calls.models import CallPage
from shegong.pages.enums import NoticeKind
from shegong.pages.models import NoticeIndexPage, NoticePage, ProjectPage
from shegong.reviews.actions import assign_expert
from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, EXPERTS, ORGANIZATIONS
from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    DepartmentFactory,
    OrganizationFactory,
    StreetFactory,
    account,
    ensure_site_tree,
)
from tests.public.browser import launch, needs_chromium
from tests.reviews.factories import under_review

pytestmark = [*needs_chromium, pytest.mark.django_db(transaction=True), pytest.mark.migrated_data]

TODAY = timezone.localdate()
START = TODAY - datetime.timedelta(days=200)  # the service period has run its course by the evaluation
END = TODAY - datetime.timedelta(days=10)
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
TITLE = "太和社区“四点半课堂”流动儿童关爱项目"
CALL = "2027年度社会工作服务项目征集公告"


class Walk:
    """The people of the walk, each with their own browser context, and what the mail outbox holds so far."""

    def __init__(self, browser, server, shots):
        self.browser, self.server, self.shots = browser, server, shots
        self.pages = {}
        self.read = 0

    def as_(self, username):
        """The signed-in browser tab of `username` (signed in the first time)."""
        if username not in self.pages:
            page = self.browser.new_context(locale="zh-CN", viewport={"width": 1280, "height": 900}).new_page()
            page.set_default_timeout(15_000)
            if username != "citizen":
                page.goto(self.server + "/admin/login/")
                page.locator("#id_username").fill(username)
                page.locator("#id_password").fill("pw")
                page.locator("form button[type=submit]").first.click()
                page.wait_for_url(self.server + "/admin/")
            self.pages[username] = page
        return self.pages[username]

    def go(self, username, path):
        page = self.as_(username)
        # The mails' links carry the deployment's address (SHEGONG_PUBLIC_URL, else WAGTAILADMIN_BASE_URL); the walk follows them here.
        parts = urlsplit(path)
        page.goto(self.server + parts.path + (f"?{parts.query}" if parts.query else ""))
        return page

    def queue(self, username):
        """The 待办 panel of `username`'s dashboard: {label: count}."""
        page = self.go(username, "/admin/")
        rows = page.locator("#work-queue tbody tr")
        return {row.locator("td").nth(0).inner_text(): int(row.locator("td").nth(1).inner_text()) for row in rows.all()}

    def mail(self):
        """The messages sent since the last look."""
        new = mail.outbox[self.read :]
        self.read = len(mail.outbox)
        return new

    def photograph_tabs(self, folder):
        for username, page in self.pages.items():
            page.screenshot(path=str(folder / f"failed-{username}.png"), full_page=True)
        print(f"各角色失败时的页面截图：{folder}")

    def shot(self, username, name):
        if self.shots:
            self.as_(username).screenshot(path=str(self.shots / f"{name}.png"))


def choose(page, field, text):
    """Pick `text` in the Wagtail chooser of `field` (snippet, page or document), through its modal."""
    page.locator(f"#id_{field}-chooser .chooser__choose-button").click()
    modal = page.locator(".modal-dialog")
    modal.locator("a[data-chooser-modal-choice], a.choose-page").filter(has_text=text).first.click()
    expect(modal).to_be_hidden()


def fill_date(field, day):
    field.fill(day.isoformat())
    field.press("Escape")  # the date picker would cover the fields below


def save(page):
    page.locator("form#w-editor-form button[type=submit]").first.click()


def link_in(message):
    """The address the mail sends its reader to (the admin screen, or the public page a citizen reads)."""
    return next(line for line in message.body.splitlines() if "：http" in line).split("：", 1)[1]


def the_world():
    home = ensure_site_tree()
    department = DepartmentFactory(name="官渡区民政局", short_name="区民政局")
    category = CategoryFactory(name="社区营造")
    street = StreetFactory(name="太和街道")
    community = CommunityFactory(name="太和社区", parent=street)
    organization = OrganizationFactory(name="官渡区暖阳社会工作服务中心")
    people = {
        "bianji": account("bianji", EDITORS),
        "nuanyang": account("nuanyang", ORGANIZATIONS, organization=organization),
        "zhuanjia": account("zhuanjia", EXPERTS),
        "zhuanjia2": account("zhuanjia2", EXPERTS),
        "shenji": account("shenji", AUDITORS),
        "minzheng": account("minzheng", DEPARTMENT_STAFF, department=department),
    }
    return home, department, category, street, community, organization, people


def test_the_whole_process_as_the_four_roles_walk_it(live_server, mailoutbox, tmp_path, monkeypatch):
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test reads the database between steps
    # (what was saved, the mail sent), never from inside that loop's callbacks.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

    home, department, category, street, community, organization, people = the_world()
    shots = Path(os.environ["SHEGONG_GUIDE_SCREENSHOTS"]) if os.environ.get("SHEGONG_GUIDE_SCREENSHOTS") else None
    pdf = tmp_path / "申报书.pdf"
    pdf.write_bytes(PDF)

    with sync_playwright() as playwright:
        browser = launch(playwright)
        walk = Walk(browser, live_server.url, shots)
        try:
            # 项目征集: the editor opens the call under the notices section.
            notices = NoticeIndexPage.objects.get()
            page = walk.go("bianji", f"/admin/pages/add/calls/callpage/{notices.pk}/")
            page.locator("#id_title").fill(CALL)
            fill_date(page.locator("#id_opens_on"), TODAY - datetime.timedelta(days=3))
            fill_date(page.locator("#id_closes_on"), TODAY + datetime.timedelta(days=20))
            choose(page, "purchaser", "区民政局")
            page.locator("#id_budget_ceiling").fill("200000")
            page.locator("#id_categories").select_option(label="社区营造")
            page.locator("#id_required_materials").fill("项目申报书（PDF）")
            walk.shot("bianji", "01-call")
            publish(page)
            assert walk.go("citizen", "/").request  # the public site answers
            public_call = walk.go("citizen", f"{notices.url}")
            expect(public_call.get_by_role("link", name=CALL)).to_be_visible()

            # The organization's account fills and submits its application, with its PDF.
            assert walk.queue("bianji").get("待形式审查的申报", 0) == 0
            page = walk.go("nuanyang", "/admin/snippets/calls/application/add/")
            choose(page, "call", CALL)
            page.locator("#id_title").fill(TITLE)
            choose(page, "category", "社区营造")
            page.locator("#id_content").fill("为太和社区流动儿童提供课后托管、课业辅导和亲子活动。")
            choose(page, "street", "太和街道")
            choose(page, "community", "太和社区")
            page.locator("#id_social_worker").fill("李社工")
            fill_date(page.locator("#id_start_date"), START)
            fill_date(page.locator("#id_end_date"), END)
            page.locator("#id_budget").fill("100000")
            page.locator("#id_budget_lines-ADD").click()
            page.locator("#id_budget_lines-0-item").fill("人员经费")
            page.locator("#id_budget_lines-0-amount").fill("100000")
            page.locator("#id_attachments-ADD").click()
            page.locator("#id_attachments-0-document-chooser .chooser__choose-button").click()
            modal = page.locator(".modal-dialog")
            modal.get_by_role("tab", name="上传").click()
            modal.locator("#id_document-chooser-upload-file").set_input_files(str(pdf))
            modal.locator("#id_document-chooser-upload-title").fill("项目申报书")
            modal.get_by_role("button", name="上传").click()
            expect(modal).to_be_hidden()
            page.locator("#id_attachments-0-label").fill("项目申报书")
            walk.shot("nuanyang", "02-application")
            save(page)
            expect(page.locator(".messages")).to_contain_text(TITLE)
            assert walk.queue("nuanyang")["尚未提交的申报草稿"] == 1

            page = walk.go("nuanyang", "/admin/snippets/calls/application/")
            page.get_by_role("link", name=TITLE).first.click()
            if "/inspect/" not in page.url:
                page.goto(page.url.replace("/edit/", "/inspect/"))
            page.get_by_role("button", name="提交申报").click()
            expect(page.locator(".messages")).to_contain_text("已提交")
            [to_editor] = walk.mail()
            assert to_editor.to == ["bianji@example.com"] and TITLE in to_editor.body
            inspect = link_in(to_editor)
            assert "/admin/snippets/calls/application/inspect/" in inspect
            assert walk.queue("bianji")["待形式审查的申报"] == 1
            assert "尚未提交的申报草稿" not in walk.queue("nuanyang")

            # 形式审查: the editor opens the mail's link and passes the application on to 路演评审.
            page = walk.go("bianji", inspect)
            expect(page.get_by_text("项目申报书")).to_be_visible()
            page.get_by_label("审查结果").select_option(label="路演评审")
            page.get_by_label("理由").fill("材料齐全，进入路演评审。")
            walk.shot("bianji", "03-formal-check")
            page.get_by_role("button", name="保存审查结果").click()
            expect(page.locator(".messages")).to_contain_text("路演评审")
            [to_organization] = walk.mail()
            assert to_organization.to == ["nuanyang@example.com"] and "路演评审" in to_organization.body
            assert "待形式审查的申报" not in walk.queue("bianji")

            # 路演评审: the editor sets the rubric and assigns an expert; another expert scores another application.
            page = walk.go("bianji", "/admin/snippets/reviews/rubric/add/")
            choose(page, "call", CALL)
            page.locator("#id_criteria-0-name").fill("服务设计")
            page.locator("#id_criteria-0-weight").fill("60")
            page.locator("#id_criteria-0-max_score").fill("100")
            page.locator("#id_criteria-ADD").click()
            page.locator("#id_criteria-1-name").fill("组织能力")
            page.locator("#id_criteria-1-weight").fill("40")
            page.locator("#id_criteria-1-max_score").fill("100")
            save(page)
            expect(page.locator(".messages")).to_contain_text("已创建")
            call = CallPage.objects.get(title=CALL)
            elsewhere = under_review(
                call, organization=OrganizationFactory(name="官渡区星光社工中心"), title="长者助餐"
            )
            assign_expert(elsewhere, people["zhuanjia2"], people["bianji"])
            walk.mail()

            assert "待评分的申报" not in walk.queue("zhuanjia")
            page = walk.go("bianji", "/admin/snippets/reviews/assignment/add/")
            choose(page, "application", TITLE)
            page.locator("#id_expert").select_option(label="zhuanjia")
            walk.shot("bianji", "04-assign-expert")
            save(page)
            expect(page.locator(".messages")).to_contain_text("已创建")
            [to_expert] = walk.mail()
            assert to_expert.to == ["zhuanjia@example.com"] and TITLE in to_expert.body
            assert link_in(to_expert).endswith("/admin/reviews/mine/")

            # The expert sees only the application assigned to them, and scores it against the rubric.
            assert walk.queue("zhuanjia")["待评分的申报"] == 1
            page = walk.go("zhuanjia", link_in(to_expert))
            rows = page.locator("main table.listing tbody tr")
            expect(rows).to_have_count(1)
            expect(rows.first).to_contain_text(TITLE)
            expect(page.get_by_text("长者助餐")).to_have_count(0)
            rows.first.get_by_role("link", name="评分").click()
            page.get_by_label("服务设计").fill("90")
            page.get_by_label("组织能力").fill("80")
            page.get_by_label("评审意见").fill("需求调研扎实，课程安排合理。")
            walk.shot("zhuanjia", "05-score")
            page.get_by_role("button", name="保存评分").click()
            expect(page.locator(".messages")).to_contain_text("已保存")
            assert "待评分的申报" not in walk.queue("zhuanjia")
            assert walk.queue("bianji")[f"评审完成待决定的申报（{CALL}）"] == 1
            page = walk.go("zhuanjia", f"/admin/snippets/calls/application/inspect/{elsewhere.pk}/")
            assert "长者助餐" not in page.content()

            # The editor closes the round and approves: the project and its 立项公示 are drafted.
            page = walk.go("bianji", f"/admin/reviews/ranking/{call.pk}/")
            page.locator("header button[data-w-dropdown-target=toggle]").last.click()  # the ⋯ menu
            page.get_by_role("link", name="结束评审").click()
            page.get_by_role("button", name="确定").click()
            expect(page.locator(".messages")).to_contain_text("本轮评审已结束")
            walk.shot("bianji", "06-ranking")
            page.get_by_role("link", name=TITLE).click()
            page.get_by_label("立项", exact=True).check()
            page.get_by_label("理由").fill("综合得分第一。")
            page.get_by_role("button", name="记录结论").click()
            expect(page.locator(".messages")).to_contain_text("已起草立项公示")
            [accepted] = walk.mail()
            assert accepted.to == ["nuanyang@example.com"] and "已立项" in accepted.body
            assert f"评审完成待决定的申报（{CALL}）" not in walk.queue("bianji")
            project = ProjectPage.objects.get(title=TITLE)
            notice = NoticePage.objects.get(kind=NoticeKind.APPROVAL_PUBLICITY)

            # 立项公示: the project moves on to it, goes live, and its notice is published.
            page = walk.go("bianji", f"/admin/projects/{project.pk}/stage/")
            page.get_by_label("变更为").select_option(label="立项公示")
            page.get_by_role("button", name="确认变更").click()
            expect(page.locator(".messages")).to_contain_text("立项公示")
            publish(page)
            page = walk.go("bianji", f"/admin/pages/{notice.pk}/edit/")
            walk.shot("bianji", "07-approval-notice")
            publish(page)
            project.refresh_from_db()
            notice.refresh_from_db()
            assert project.live and notice.live

            # A citizen reads the notice and objects on the project page, during the publicity period.
            assert "待答复的公示异议" not in walk.queue("minzheng")
            page = walk.go("citizen", project.url)
            form = page.locator("form.feedback-form", has_text="提交异议")
            form.locator("[name=name]").fill("居民张先生")
            form.locator("[name=contact]").fill("zhang.objector@example.com")
            form.locator("[name=text]").fill("该机构同期在太和社区已有同类项目，请核实是否重复。")
            form.scroll_into_view_if_needed()
            walk.shot("citizen", "08-objection")
            form.get_by_role("button", name="提交异议").click()
            expect(page.get_by_role("status").filter(has_text="异议已提交")).to_be_visible()
            filed = walk.mail()
            assert sorted(m.to[0] for m in filed) == ["bianji@example.com", "minzheng@example.com"]
            assert all("公示异议待处理" in m.subject for m in filed)
            assert walk.queue("bianji")["待答复的公示异议"] == 1
            assert walk.queue("minzheng")["待答复的公示异议"] == 1

            # The editor records the outcome: published with the notice, without who objected or how to reach them.
            to_editor = next(m for m in filed if m.to == ["bianji@example.com"])
            page = walk.go("bianji", link_in(to_editor))
            page.get_by_label("处理结果", exact=True).select_option(label="已核实")
            page.get_by_label("答复", exact=True).fill("经核实，两项目服务对象与内容不同，不属于重复申报。")
            walk.shot("bianji", "09-objection-outcome")
            save(page)
            expect(page.locator(".messages")).to_contain_text("更新")
            assert "待答复的公示异议" not in walk.queue("bianji")
            assert "待答复的公示异议" not in walk.queue("minzheng")
            answered = walk.mail()
            [answer] = [m for m in answered if m.to == ["zhang.objector@example.com"]]
            assert "异议处理结果" in answer.subject and "不属于重复申报" in answer.body
            assert urlsplit(link_in(answer)).path == notice.url
            assert any(m.to == ["minzheng@example.com"] for m in answered)
            page = walk.go("citizen", notice.url)
            expect(page.get_by_text("不属于重复申报")).to_be_visible()
            expect(page.get_by_text("已核实").first).to_be_visible()
            assert "zhang.objector" not in page.content() and "张先生" not in page.content()

            # 资金拨付 on the 40/40/20 schedule: 首期款 on signing; the 中期款 paid before the mid-term is let through
            # with a reason and flagged to the auditors; the 尾款 after the evaluation.
            assert "被标记为异常的资金拨付" not in walk.queue("shenji")
            pay(walk, START + datetime.timedelta(days=5), "首期款", "40000")
            assert walk.mail() == []
            page = pay(walk, START + datetime.timedelta(days=30), "中期款", "40000", expect_refusal=True)
            page.locator("#id_override_reason").fill("中期评估提前完成，经局务会同意提前拨付。")
            save(page)
            expect(page.locator(".messages")).to_contain_text("已创建")
            flagged = walk.mail()
            assert sorted(m.to[0] for m in flagged) == ["minzheng@example.com", "shenji@example.com"]
            assert all(link_in(m).endswith("/admin/funds/anomalies/") for m in flagged)
            assert walk.queue("shenji")["被标记为异常的资金拨付"] == 1
            page = walk.go("shenji", "/admin/funds/anomalies/")
            expect(page.locator("main")).to_contain_text(TITLE)
            walk.shot("shenji", "10-anomalies")

            # 项目评估: the project reaches the stage, the result is recorded, the 尾款 paid.
            for stage in ["项目实施", "项目评估"]:
                page = walk.go("bianji", f"/admin/projects/{project.pk}/stage/")
                page.get_by_label("变更为").select_option(label=stage)
                page.get_by_role("button", name="确认变更").click()
                expect(page.locator(".messages")).to_contain_text(stage)
            pay(walk, TODAY, "尾款", "20000")
            assert walk.mail() == []
            assert walk.queue("shenji")["被标记为异常的资金拨付"] == 1

            assert "待公示的评估结果" not in walk.queue("bianji")
            page = walk.go("bianji", "/admin/snippets/evaluations/evaluation/add/")
            choose(page, "project", TITLE)
            page.locator("#id_agency").fill("昆明市社会工作评估中心")
            fill_date(page.locator("#id_evaluated_on"), TODAY)
            page.locator("#id_score").fill("86.5")
            page.locator("#id_grade").select_option(label="良好")
            page.locator("#id_findings").fill("服务成效明显，档案管理需加强。")
            walk.shot("bianji", "11-evaluation")
            save(page)
            expect(page.locator(".messages")).to_contain_text("已创建")
            assert walk.queue("bianji")["待公示的评估结果"] == 1

            # 评估结果公示: drafted from the results, published; the grade shows on the public project page.
            page = walk.go("bianji", "/admin/snippets/evaluations/evaluation/")
            page.get_by_role("link", name="起草评估结果公示").click()
            page.locator("main form button[type=submit]").click()
            expect(page.locator(".messages")).to_contain_text("已起草")
            publish(page)
            assert "待公示的评估结果" not in walk.queue("bianji")
            [result] = [m for m in walk.mail() if m.to == ["nuanyang@example.com"]]
            assert "评估结果" in result.subject
            page = walk.go("citizen", project.url)
            expect(page.locator("main")).to_contain_text("良好")
            page.locator("main").get_by_text("良好").first.scroll_into_view_if_needed()
            walk.shot("citizen", "12-project-page")
        except Exception:
            walk.photograph_tabs(tmp_path)  # what each person saw when the walk broke
            raise
        finally:
            browser.close()


def publish(page):
    """Publish the page open in the editor, from the action menu beside 保存草稿."""
    page.locator("footer [data-w-dropdown-target=toggle]").click()
    page.get_by_role("button", name="发布").click()
    expect(page.locator(".messages")).to_contain_text("发布")


def pay(walk, day, kind, amount, expect_refusal=False):
    """The editor records one payment of the project; a payment against the schedule is refused until a reason is given."""
    page = walk.go("bianji", "/admin/snippets/funds/disbursement/add/")
    choose(page, "project", TITLE)
    fill_date(page.get_by_label("拨付日期"), day)
    page.get_by_label("拨付类型").select_option(label=kind)
    page.get_by_label("拨付金额").fill(amount)
    save(page)
    if expect_refusal:
        expect(page.locator("main")).to_contain_text("请在“放行理由”中说明")
    else:
        expect(page.locator(".messages")).to_contain_text("已创建")
    return page
