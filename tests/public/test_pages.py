"""Every page type, as a citizen reads it."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document

from shegong.pages.enums import NoticeKind, PolicyStatus, ProjectStage
from shegong.pages.models import NoticeProject, PolicyAttachment, ProjectMilestone, ProjectParticipant
from tests.factories import (
    ContentPageFactory,
    NoticePageFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
)

pytestmark = pytest.mark.django_db


def main_of(html):
    """The page's own content, without the menu and footer every page shares."""
    return html[html.index("<main") : html.index("</main>")]


def html_of(client, page, **params):
    response = client.get(page.url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_home_page_shows_totals_latest_content_and_sections(client, home):
    ProjectPageFactory(title="关上社区“红色管家”党建引领小区治理项目", budget=Decimal("3000000"))
    ProjectPageFactory(budget=Decimal("2904000"))
    PolicyPageFactory(title="民政部关于政府购买社会工作服务的指导意见")
    NoticePageFactory(title="官渡区2024年公益创投大赛项目征集公告")

    html = html_of(client, home)

    assert '<html lang="zh-hans">' in html
    assert "公开项目数" in html and "2 <small>个</small>" in html
    assert "590.4 万元" in html
    assert "关上社区“红色管家”党建引领小区治理项目" in html
    assert "民政部关于政府购买社会工作服务的指导意见" in html
    assert "官渡区2024年公益创投大赛项目征集公告" in html
    for href in ("/projects/", "/policies/", "/notices/", "/stations/"):
        assert f'href="{href}"' in html
    assert 'action="/search/"' in html and 'name="q"' in html
    assert "跳到主要内容" in html


def test_project_page_shows_every_public_fact(client, home):
    project = ProjectPageFactory(
        title="世纪城社区“一老一小”融合服务项目",
        code="GD-2024-001",
        budget=Decimal("260000"),
        social_worker="李社工",
        stage=ProjectStage.IMPLEMENTATION,
    )
    project.tags.add("一老一小")
    project.save()
    ProjectParticipant.objects.create(page=project, name="世纪城银发志愿服务队", kind="volunteers")
    ProjectMilestone.objects.create(page=project, stage=ProjectStage.CALL, reached_on=datetime.date(2024, 1, 10))
    ProjectMilestone.objects.create(
        page=project, stage=ProjectStage.IMPLEMENTATION, reached_on=datetime.date(2024, 5, 1)
    )

    html = html_of(client, project)

    assert "GD-2024-001" in html
    assert project.category.name in html and project.purchaser.name in html and project.organization.name in html
    assert f"{project.street.name} / {project.community.name}" in html
    assert "260,000.00 元" in html
    assert "2022年3月1日 至 2023年2月28日" in html
    assert "“1+1+1+N”联合申报" in html and "李社工" in html and "世纪城银发志愿服务队" in html
    assert "一老一小" in html
    # The timeline: reached stages with their dates, the current one marked, later ones not started.
    assert "项目征集" in html and "2024年1月10日" in html
    assert 'timeline__step--current" aria-current="step"' in html and "2024年5月1日" in html
    assert html.count("timeline__step--todo") == 2 and "尚未开始" in html
    assert "project_extras" not in html


def test_project_page_never_shows_the_organizations_contact_details(client, home):
    organization = OrganizationFactory(
        contact_person="内部联系人王某",
        contact_phone="0871-69999999",
        contact_email="private@example.org",
        address="内部地址测试路 9 号",
    )
    project = ProjectPageFactory(organization=organization)

    html = html_of(client, project)

    assert organization.name in html
    for private in ("内部联系人王某", "0871-69999999", "private@example.org", "内部地址测试路 9 号"):
        assert private not in html


def test_project_page_shows_a_list_badge_only_while_the_listing_is_in_force(client, home):
    today = timezone.localdate()
    listed = OrganizationFactory(
        list_status="red",
        list_reason="评估优秀",
        listed_on=today - datetime.timedelta(days=10),
        list_until=today + datetime.timedelta(days=300),
    )
    expired = OrganizationFactory(
        list_status="black",
        list_reason="挪用资金",
        listed_on=datetime.date(2020, 8, 15),
        list_until=datetime.date(2022, 8, 14),
    )
    assert "badge--red" in html_of(client, ProjectPageFactory(organization=listed))
    html = main_of(html_of(client, ProjectPageFactory(organization=expired)))
    assert "badge--black" not in html and "黑榜" not in html


def test_project_page_links_only_live_public_notices(client, home):
    project = ProjectPageFactory()
    live = NoticePageFactory(title="立项公示（已发布）")
    draft = NoticePageFactory(title="立项公示（草稿）", live=False)
    for notice in (live, draft):
        NoticeProject.objects.create(page=notice, project=project)

    html = html_of(client, project)

    assert "相关通知公告" in html and "立项公示（已发布）" in html
    assert "立项公示（草稿）" not in html


def test_policy_page_warns_when_repealed_and_lists_attachments(client, home):
    policy = PolicyPageFactory(
        title="昆明市政府购买社会工作服务实施办法",
        document_number="昆民发〔2016〕45号",
        status=PolicyStatus.REPEALED,
        effective_on=datetime.date(2022, 6, 1),
        summary="明确购买程序和资金拨付方式。",
    )
    policy.topics.add("政府购买服务")
    policy.save()
    document = Document.objects.create(
        title="实施办法全文", file=ContentFile("第一条 …\n".encode() * 200, name="banfa.txt")
    )
    PolicyAttachment.objects.create(page=policy, document=document, title="附件1：实施办法全文")

    html = html_of(client, policy)

    assert "昆民发〔2016〕45号" in html and "区级" in html and "官渡区民政局" in html
    assert "2022年5月1日" in html and "2022年6月1日" in html
    assert "本文件已废止" in html
    assert f'href="{document.url}"' in html and "附件1：实施办法全文" in html and "TXT" in html and "KB" in html
    assert "政府购买服务" in html and "明确购买程序和资金拨付方式。" in html


def test_valid_policy_has_no_warning(client, home):
    assert "notice-box--warning" not in html_of(client, PolicyPageFactory())


def test_notice_page_says_whether_its_publicity_is_open_today(client, home):
    today = timezone.localdate()
    project = ProjectPageFactory(title="塘子巷社区“党建引领·五社联动”街区治理项目")
    hidden = ProjectPageFactory(title="尚未发布的项目", live=False)
    open_notice = NoticePageFactory(
        title="2024年第一批立项公示",
        kind=NoticeKind.APPROVAL_PUBLICITY,
        published_on=today - datetime.timedelta(days=2),
        publicity_until=today + datetime.timedelta(days=5),
        source="官渡区民政局",
    )
    for linked in (project, hidden):
        NoticeProject.objects.create(page=open_notice, project=linked)
    closed_notice = NoticePageFactory(
        kind=NoticeKind.EVALUATION_PUBLICITY,
        published_on=datetime.date(2023, 7, 20),
        publicity_until=datetime.date(2023, 7, 27),
    )

    html = html_of(client, open_notice)
    assert "立项公示" in html and "官渡区民政局" in html and "公示中" in html
    assert "塘子巷社区“党建引领·五社联动”街区治理项目" in html and "尚未发布的项目" not in html
    closed = html_of(client, closed_notice)
    assert "公示已结束" in closed and "2023年7月20日 至 2023年7月27日" in closed


def test_station_page_shows_region_path_services_and_staff(client, home):
    station = StationPageFactory(title="关上街道社会工作服务站", staff_count=4)

    html = html_of(client, station)

    assert "街道（乡镇）社会工作服务站" in html
    assert f"官渡区 / {station.region.name}" in html
    assert "测试街道党群服务中心二楼" in html and "0871-67180000" in html and "2021年3月1日" in html
    assert "4 人" in html and "养老服务" in html and "儿童关爱" in html


def test_content_page_renders_heading_and_table_blocks(client, home):
    table = {
        "data": [["街道", "项目数"], ["关上街道", "12"], ["太和街道", "9"]],
        "first_row_is_table_header": True,
        "first_col_is_header": True,
        "table_caption": "各街道项目数",
    }
    page = ContentPageFactory(
        title="关于平台",
        body=[("heading", "平台简介"), ("table", table)],
    )

    html = html_of(client, page)

    assert '<h3 class="block-heading">平台简介</h3>' in html
    assert "<caption>各街道项目数</caption>" in html
    assert '<th scope="col"' in html and ">项目数</th>" in html
    assert ">关上街道</th>" in html and "<td" in html and ">12</td>" in html


def test_404_page_is_in_chinese(client, home):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "页面未找到" in response.content.decode()
