"""Structure citizens understand: the station tree, station pages, and the policy library."""

import datetime

import pytest

from shegong.pages.enums import PolicyStatus, StationLevel
from tests.factories import (
    CommunityFactory,
    DistrictFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
    StreetFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(home):
    district = DistrictFactory()
    guanshang, taihe = StreetFactory(name="关上街道"), StreetFactory(name="太和街道")
    community = CommunityFactory(name="关上社区", parent=guanshang)
    operator = OrganizationFactory(name="官渡区同心社会工作服务中心")
    stations = {
        # Created community-first, as an import might: the tree still puts the district first.
        "community": StationPageFactory(title="关上社区社会工作服务点", level=StationLevel.COMMUNITY, region=community),
        "taihe": StationPageFactory(title="太和街道社会工作服务站", region=taihe),
        "street": StationPageFactory(
            title="关上街道社会工作服务站",
            region=guanshang,
            operator=operator,
            hours="周一至周五 9:00-17:00",
        ),
        "district": StationPageFactory(title="官渡区社会工作指导中心", level=StationLevel.DISTRICT, region=district),
    }
    return stations


def test_stations_read_as_the_district_street_community_tree(client, network):
    html = client.get("/stations/").content.decode()
    order = [
        html.index(title)
        for title in (
            "官渡区社会工作指导中心",
            "关上街道社会工作服务站",
            "关上社区社会工作服务点",
            "太和街道社会工作服务站",
        )
    ]
    assert order == sorted(order)
    # The community point is nested inside its street's list, which is inside the district's.
    district_item = html[html.index("<strong>官渡区</strong>") :]
    assert district_item.index("<strong>关上街道</strong>") < district_item.index("<strong>关上社区</strong>")


def test_a_street_station_links_up_down_and_to_its_streets_projects(client, network):
    project = ProjectPageFactory(title="关上街道困境儿童关爱项目", street=network["street"].region)
    ProjectPageFactory(title="太和街道项目", street=network["taihe"].region)
    ProjectPageFactory(title="关上街道草稿项目", street=network["street"].region, live=False)
    html = client.get(network["street"].url).content.decode()

    assert f'上级站点：<a href="{network["district"].url}">官渡区社会工作指导中心</a>' in html
    assert f'<a href="{network["community"].url}">关上社区社会工作服务点</a>' in html
    assert "开放时间</dt><dd>周一至周五 9:00-17:00" in html
    assert "官渡区同心社会工作服务中心</a>" in html
    assert f'<a href="{project.url}">关上街道困境儿童关爱项目</a>' in html
    assert "太和街道项目" not in html and "关上街道草稿项目" not in html


def test_a_community_point_shows_its_streets_projects_and_its_street_station(client, network):
    ProjectPageFactory(title="关上街道困境儿童关爱项目", street=network["street"].region)
    html = client.get(network["community"].url).content.decode()
    assert f'上级站点：<a href="{network["street"].url}">' in html
    assert "关上街道的服务项目" in html and "关上街道困境儿童关爱项目" in html


@pytest.fixture
def library(home):
    old = PolicyPageFactory(
        title="官渡区社会工作服务项目管理暂行办法",
        issuer="官渡区民政局",
        issued_on=datetime.date(2019, 3, 1),
        status=PolicyStatus.REPEALED,
        summary="项目管理的暂行规定。",
    )
    new = PolicyPageFactory(
        title="官渡区政府购买社会工作服务项目管理办法",
        issuer="官渡区民政局",
        issued_on=datetime.date(2022, 1, 10),
        summary="规范项目申报、评审与评估。",
    )
    old.replaced_by = new
    provincial = PolicyPageFactory(
        title="云南省关于加强社会工作人才队伍建设的意见",
        issuer="云南省民政厅",
        issued_on=datetime.date(2021, 6, 1),
        level="provincial",
    )
    for policy, topics in [(old, ["项目管理"]), (new, ["项目管理", "政府购买服务"]), (provincial, ["人才队伍"])]:
        policy.topics.add(*topics)
        policy.save_revision().publish()
    return {"old": old, "new": new, "provincial": provincial}


def titles(client, **params):
    response = client.get("/policies/", params)
    assert response.status_code == 200
    html = response.content.decode()
    return {
        title
        for title in (
            "官渡区社会工作服务项目管理暂行办法",
            "官渡区政府购买社会工作服务项目管理办法",
            "云南省关于加强社会工作人才队伍建设的意见",
        )
        if f">{title}</a>" in html
    }


def test_policy_library_keyword_issuer_and_topic(client, library):
    assert titles(client, q="人才") == {"云南省关于加强社会工作人才队伍建设的意见"}
    assert titles(client, q="评审") == {"官渡区政府购买社会工作服务项目管理办法"}  # found in the summary
    assert titles(client, issuer="官渡区民政局") == {
        "官渡区社会工作服务项目管理暂行办法",
        "官渡区政府购买社会工作服务项目管理办法",
    }
    assert titles(client, topic="政府购买服务") == {"官渡区政府购买社会工作服务项目管理办法"}
    html = client.get("/policies/").content.decode()
    assert (
        '<option value="云南省民政厅">云南省民政厅</option>' in html
        and '<option value="人才队伍">人才队伍</option>' in html
    )


@pytest.mark.parametrize("typed", ["2022-01-01", "2022年1月1日", "2022/1/1"])
def test_policy_dates_accept_a_picker_or_typed_chinese_dates(client, library, typed):
    assert titles(client, issued_after=typed) == {"官渡区政府购买社会工作服务项目管理办法"}
    html = client.get("/policies/", {"issued_after": typed}).content.decode()
    assert 'type="date" name="issued_after" value="2022-01-01"' in html


def test_a_bad_date_says_how_to_write_one(client, library):
    html = client.get("/policies/", {"issued_before": "去年"}).content.decode()
    assert "请输入日期，例如 2022-01-01 或 2022年1月1日。" in html


def test_a_repealed_policy_links_to_the_one_that_replaced_it_and_back(client, library):
    old, new = library["old"], library["new"]
    html = client.get(old.url).content.decode()
    assert f'取代本文件的是<a href="{new.url}">《{new.title}》</a>' in html
    assert f'<a href="{old.url}">《{old.title}》</a>（已废止）' in client.get(new.url).content.decode()


def test_a_replacement_that_is_a_draft_is_not_linked(client, library):
    library["new"].unpublish()
    assert "取代本文件的是" not in client.get(library["old"].url).content.decode()


def test_a_valid_policy_cannot_name_a_replacement(library):
    from django.core.exceptions import ValidationError

    library["provincial"].replaced_by = library["new"]
    with pytest.raises(ValidationError, match="现行有效的文件没有替代文件"):
        library["provincial"].full_clean()
