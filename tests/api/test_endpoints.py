"""A consuming site reads projects, policies, notices, stations and the basic records."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from shegong.pages.models import ProjectMilestone, ProjectParticipant
from tests.factories import (
    CategoryFactory,
    CommentFactory,
    DisbursementFactory,
    NoticePageFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StreetFactory,
)

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")


def items(response):
    assert response.status_code == 200, response.content
    return response.json()["items"]


def test_project_has_nested_records_structured_body_and_renditions(client, project):
    data = client.get(f"/api/v2/projects/{project.pk}/").json()
    assert data["category"] == {"id": project.category.pk, "name": project.category.name}
    assert data["purchaser"]["name"] == project.purchaser.name
    assert data["organization"]["name"] == project.organization.name
    assert data["street"]["level"] == "street" and data["community"]["level"] == "community"
    assert data["budget"] == "150000.00" and data["stage"] == "implementation"
    assert [block["type"] for block in data["body"]] == ["heading", "paragraph"]
    assert "上门探访" in data["body"][1]["value"]
    assert data["participants"] == [{"name": "阳光志愿者队", "kind": "volunteers", "kind_label": "志愿者队伍"}]
    assert data["milestones"][0]["stage"] == "publicity"
    renditions = data["image"]["renditions"]
    assert (renditions["thumbnail"]["width"], renditions["thumbnail"]["height"]) == (320, 240)
    assert renditions["large"]["url"].startswith("http://testserver/media/images/")


def test_listing_fields_and_ordering(client, home):
    for n, budget in enumerate([300, 100, 200]):
        ProjectPageFactory(title=f"项目{n}", budget=budget)
    listed = items(client.get("/api/v2/projects/?fields=_,id,title,budget&order=-budget"))
    assert [p["budget"] for p in listed] == ["300.00", "200.00", "100.00"]
    assert set(listed[0]) == {"id", "title", "budget"}


def test_project_filters(client, home):
    street = StreetFactory(name="关上街道")
    category = CategoryFactory(name="社区营造")
    wanted = ProjectPageFactory(
        title="关上社区营造",
        street=street,
        category=category,
        stage="evaluation",
        start_date=datetime.date(2021, 4, 1),
        end_date=datetime.date(2021, 12, 31),
    )
    ProjectPageFactory(title="其他项目", start_date=datetime.date(2022, 4, 1))
    for query in [
        f"street={street.pk}",
        f"category={category.pk}",
        "stage=evaluation",
        "year=2021",
        f"purchaser={wanted.purchaser_id}&year=2021",
        "started_before=2021-12-31",
        "active_on=2021-06-01",
    ]:
        assert [p["title"] for p in items(client.get(f"/api/v2/projects/?{query}"))] == ["关上社区营造"], query


def test_policy_and_notice_filters(client, home):
    PolicyPageFactory(title="中央文件", level="central", issued_on=datetime.date(2021, 1, 5))
    PolicyPageFactory(title="已废止文件", level="district", status="repealed", issued_on=datetime.date(2019, 1, 5))
    assert [p["title"] for p in items(client.get("/api/v2/policies/?level=central"))] == ["中央文件"]
    assert [p["title"] for p in items(client.get("/api/v2/policies/?status=repealed"))] == ["已废止文件"]
    assert [p["title"] for p in items(client.get("/api/v2/policies/?issued_after=2020-01-01"))] == ["中央文件"]
    NoticePageFactory(title="征集公告", kind="call", published_on=datetime.date(2022, 3, 1))
    NoticePageFactory(title="工作动态", kind="news", published_on=datetime.date(2022, 8, 1))
    assert [n["title"] for n in items(client.get("/api/v2/notices/?kind=call"))] == ["征集公告"]
    assert [n["title"] for n in items(client.get("/api/v2/notices/?published_after=2022-06-01"))] == ["工作动态"]


def test_search_answers_in_chinese(client, home):
    ProjectPageFactory(title="困境儿童关爱项目", summary="为困境儿童提供陪伴")
    ProjectPageFactory(title="社区养老服务项目", summary="独居老人探访")
    assert [p["title"] for p in items(client.get("/api/v2/projects/?search=儿童"))] == ["困境儿童关爱项目"]


@pytest.mark.parametrize(
    "query",
    [
        "colour=red",  # unknown parameter
        "fields=title,no_such_field",  # unknown field
        "stage=finished",  # not a stage
        "category=abc",  # not an id
        "category=999999",  # no such category
        "year=twenty",
        "limit=101",  # over the maximum
        "limit=-1",
        "offset=x",
        "started_after=2022-13-45",  # malformed date
        "order=contact_phone",
        "type=pages.ProjectPage",  # not a parameter of a typed endpoint
    ],
)
def test_bad_parameters_get_400_with_a_message(client, project, query):
    response = client.get(f"/api/v2/projects/?{query}")
    assert response.status_code == 400, response.content
    assert CJK.search(response.json()["message"]), response.json()


def test_bad_parameters_on_other_endpoints(client, project):
    for url in [
        "/api/v2/pages/?type=pages.Nope",
        "/api/v2/organizations/?contact_phone=0871-63000000",
        "/api/v2/policies/?issued_before=yesterday",
        "/api/v2/images/?limit=1000",
        "/api/v2/updates/?project=abc",
        f"/api/v2/updates/?project={10**26}",
        f"/api/v2/projects/?category={10**26}",
    ]:
        response = client.get(url)
        assert response.status_code == 400, url
        assert CJK.search(response.json()["message"]), response.json()


def test_query_count_does_not_grow_with_page_size(client, home, image):
    for n in range(12):
        page = ProjectPageFactory(image=image)
        page.tags.add("养老", "社区")
        page.save()
        ProjectParticipant.objects.create(page=page, name=f"志愿者队{n}")
        ProjectMilestone.objects.create(page=page, stage="call", reached_on=datetime.date(2022, 1, 1))
        DisbursementFactory(project=page)
        CommentFactory(project=page, rating=4, status="approved")
    client.get("/api/v2/projects/?fields=*&limit=12")  # renditions are made on first use
    counts = []
    for limit in (2, 12):
        with CaptureQueriesContext(connection) as queries:
            assert len(items(client.get(f"/api/v2/projects/?fields=*&limit={limit}"))) == limit
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_organizations_show_listing_but_no_contact_details(client, home):
    OrganizationFactory(
        name="黑榜组织",
        list_status="black",
        list_reason="虚报服务人次",
        listed_on=datetime.date(2022, 1, 1),
        list_until=datetime.date(2099, 1, 1),
    )
    org = items(client.get("/api/v2/organizations/?fields=*"))[0]
    assert org["listing"] == {
        "status": "black",
        "status_label": "黑榜",
        "reason": "虚报服务人次",
        "listed_on": "2022-01-01",
        "until": "2099-01-01",
        "in_force": True,
    }
    assert not {"contact_person", "contact_phone", "contact_email", "address"} & set(org)
    assert client.get("/api/v2/organizations/?fields=contact_phone").status_code == 400


def test_regions_as_a_tree(client, home):
    street = StreetFactory(name="太和街道")
    street.children.create(name="东站社区", level="community")
    tree = client.get("/api/v2/regions/tree/").json()
    district = next(node for node in tree if node["name"] == "官渡区")
    street_node = next(node for node in district["children"] if node["name"] == "太和街道")
    assert [c["name"] for c in street_node["children"]] == ["东站社区"]
    assert [r["name"] for r in items(client.get(f"/api/v2/regions/?parent={street.pk}"))] == ["东站社区"]


def test_stats(client, home):
    ProjectPageFactory(budget=100, start_date=datetime.date(2021, 1, 1), stage="result")
    ProjectPageFactory(budget=250, start_date=datetime.date(2022, 1, 1))
    ProjectPageFactory(budget=50, start_date=datetime.date(2022, 5, 1))
    PolicyPageFactory(level="central")
    stats = client.get("/api/v2/stats/").json()
    assert stats["projects"]["count"] == 3 and stats["projects"]["budget"] == "400.00"
    by_year = {row["key"]: (row["count"], row["budget"]) for row in stats["projects"]["by_year"]}
    assert by_year == {"2021": (1, "100.00"), "2022": (2, "300.00")}
    assert {row["key"]: row["count"] for row in stats["projects"]["by_stage"]} == {"result": 1, "implementation": 2}
    assert {row["key"]: row["count"] for row in stats["policies"]["by_level"]}["central"] == 1


def test_conditional_get_and_cache_headers(client, project):
    response = client.get("/api/v2/projects/")
    assert response["Cache-Control"] == "public, max-age=60"
    assert response["Last-Modified"]
    again = client.get("/api/v2/projects/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304 and again.content == b""
    assert client.get("/api/v2/projects/", HTTP_IF_MODIFIED_SINCE=response["Last-Modified"]).status_code == 304
    project.title = "改名后的项目"
    project.save_revision().publish()
    changed = client.get("/api/v2/projects/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200 and "改名后的项目" in changed.content.decode()


def test_cors_allows_only_configured_origins(client, project, settings):
    settings.CORS_ALLOWED_ORIGINS = ["https://portal.example.gov.cn"]
    allowed = client.get("/api/v2/projects/", HTTP_ORIGIN="https://portal.example.gov.cn")
    assert allowed["Access-Control-Allow-Origin"] == "https://portal.example.gov.cn"
    assert "ETag" in allowed["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Origin" not in client.get("/api/v2/projects/", HTTP_ORIGIN="https://evil.example.com")


def test_readme_examples(client, home):
    """The two calls docs/api.md shows a consuming site."""
    NoticePageFactory(title="较早的公告", published_on=datetime.date(2022, 1, 1))
    NoticePageFactory(title="最新的公告", published_on=datetime.date(2022, 9, 1))
    latest = items(client.get("/api/v2/notices/?order=-published_on&limit=10&fields=title,kind,published_on"))
    assert [n["title"] for n in latest] == ["最新的公告", "较早的公告"]
    assert latest[0]["published_on"] == "2022-09-01" and latest[0]["meta"]["html_url"]
    PolicyPageFactory(title="关于推进社区养老服务的意见", level="provincial")
    PolicyPageFactory(title="关于社区养老的区级办法", level="district")
    PolicyPageFactory(title="关于儿童福利的意见", level="provincial")
    found = items(client.get("/api/v2/policies/", {"search": "社区养老", "level": "provincial", "status": "valid"}))
    assert [p["title"] for p in found] == ["关于推进社区养老服务的意见"]
