"""The four section listings: filters narrow them, pagination pages them, nothing unpublished shows."""

import datetime

import pytest
from wagtail.models import PageViewRestriction

from shegong.pages.enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel
from shegong.pages.listing import PAGE_SIZE
from tests.factories import (
    CategoryFactory,
    CommunityFactory,
    NoticePageFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
    StreetFactory,
)

pytestmark = pytest.mark.django_db


def listing(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def test_project_listing_filters_by_category_stage_and_year(client, home):
    elderly, children = CategoryFactory(name="为老服务"), CategoryFactory(name="儿童关爱")
    ProjectPageFactory(
        title="甲社区居家养老项目",
        category=elderly,
        stage=ProjectStage.IMPLEMENTATION,
        start_date=datetime.date(2022, 3, 1),
    )
    ProjectPageFactory(
        title="乙社区留守儿童项目",
        category=children,
        stage=ProjectStage.RESULT,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2024, 2, 28),
    )

    everything = listing(client, "/projects/")
    assert "甲社区居家养老项目" in everything and "乙社区留守儿童项目" in everything and "共 2 条" in everything
    assert "150,000.00" in everything and "筛选" in everything and "重置" in everything

    by_category = listing(client, "/projects/", category=children.pk)
    assert "乙社区留守儿童项目" in by_category and "甲社区居家养老项目" not in by_category
    by_stage = listing(client, "/projects/", stage=ProjectStage.IMPLEMENTATION)
    assert "甲社区居家养老项目" in by_stage and "乙社区留守儿童项目" not in by_stage
    by_year = listing(client, "/projects/", year=2023)
    assert "乙社区留守儿童项目" in by_year and "甲社区居家养老项目" not in by_year


def test_policy_listing_filters_by_level_and_status(client, home):
    PolicyPageFactory(title="民政部指导意见", level=PolicyLevel.CENTRAL)
    PolicyPageFactory(title="官渡区已废止办法", level=PolicyLevel.DISTRICT, status=PolicyStatus.REPEALED)

    central = listing(client, "/policies/", level=PolicyLevel.CENTRAL)
    assert "民政部指导意见" in central and "官渡区已废止办法" not in central
    repealed = listing(client, "/policies/", status=PolicyStatus.REPEALED)
    assert "官渡区已废止办法" in repealed and "民政部指导意见" not in repealed and "已废止" in repealed


def test_notice_listing_filters_by_kind(client, home):
    NoticePageFactory(title="项目征集公告", kind=NoticeKind.CALL)
    NoticePageFactory(title="工作动态一则", kind=NoticeKind.NEWS)

    calls = listing(client, "/notices/", kind=NoticeKind.CALL)
    assert "项目征集公告" in calls and "工作动态一则" not in calls


def test_station_listing_filters_by_level(client, home):
    street = StreetFactory(name="关上街道")
    StationPageFactory(title="关上街道社会工作服务站", region=street)
    StationPageFactory(
        title="关上社区社会工作服务点",
        level=StationLevel.COMMUNITY,
        region=CommunityFactory(name="关上社区", parent=street),
    )

    everything = listing(client, "/stations/")
    assert (
        everything.index("<strong>官渡区</strong>")
        < everything.index("<strong>关上街道</strong>")
        < everything.index("<strong>关上社区</strong>")
    )
    community = listing(client, "/stations/", level=StationLevel.COMMUNITY)
    assert "关上社区社会工作服务点" in community and "关上街道社会工作服务站" not in community


def test_empty_result_says_so(client, home):
    ProjectPageFactory(stage=ProjectStage.IMPLEMENTATION)
    html = listing(client, "/projects/", stage=ProjectStage.CALL)
    assert "没有找到符合条件的服务项目" in html


def test_pagination_pages_through_and_keeps_the_filter(client, home):
    for n in range(PAGE_SIZE + 1):
        NoticePageFactory(
            title=f"分页测试公告{n:02d}",
            kind=NoticeKind.NEWS,
            published_on=datetime.date(2022, 1, 1) + datetime.timedelta(days=n),
        )

    first = listing(client, "/notices/", kind=NoticeKind.NEWS)
    assert f"共 {PAGE_SIZE + 1} 条" in first and "下一页" in first
    assert "kind=news&amp;page=2" in first
    assert "分页测试公告20" in first and "分页测试公告00" not in first
    second = listing(client, "/notices/", kind=NoticeKind.NEWS, page=2)
    assert "分页测试公告00" in second and "分页测试公告20" not in second
    assert 'rel="prev"' in second


@pytest.mark.parametrize("url", ["/projects/", "/policies/", "/notices/", "/stations/"])
def test_bad_filter_values_give_a_page_not_an_error(client, home, url):
    response = client.get(
        url,
        {
            "year": "-42120966257602",
            "page": "999",
            "stage": "xyz",
            "level": "nope",
            "status": "x",
            "kind": "?",
            "category": "abc",
            "issued_after": "yesterday",
        },
    )
    assert response.status_code == 200
    assert "筛选" in response.content.decode()
    assert client.get(url, {"year": "abc"}).status_code == 200


def test_drafts_and_private_pages_appear_in_no_listing_nor_on_the_home_page(client, home):
    drafts = [
        ProjectPageFactory(title="草稿项目甲", live=False),
        PolicyPageFactory(title="草稿政策乙", live=False),
        NoticePageFactory(title="草稿公告丙", live=False),
        StationPageFactory(title="草稿站点丁", live=False),
    ]
    private = [
        ProjectPageFactory(title="受限项目戊"),
        PolicyPageFactory(title="受限政策己"),
        NoticePageFactory(title="受限公告庚"),
        StationPageFactory(title="受限站点辛"),
    ]
    for page in private:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="内部")
    ProjectPageFactory(title="公开项目壬")

    pages = [listing(client, url) for url in ("/", "/projects/", "/policies/", "/notices/", "/stations/")]

    assert "公开项目壬" in pages[0] and "公开项目壬" in pages[1]
    for page in drafts + private:
        for html in pages:
            assert page.title not in html
    assert "1 <small>个</small>" in pages[0]  # the totals count only what citizens may read
