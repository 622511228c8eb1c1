"""Every coded value comes with its Chinese label, and every record with the dates that matter to it."""

import datetime

import pytest

from shegong.pages.models import ProjectMilestone
from tests.factories import (
    DisbursementFactory,
    NoticePageFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
    StreetFactory,
)

pytestmark = pytest.mark.django_db


def enum_properties(node, path=""):
    """(path, name, sibling names) of every enumerated property anywhere in the schema."""
    if isinstance(node, dict):
        for name, prop in (node.get("properties") or {}).items():
            if isinstance(prop, dict) and (
                "enum" in prop
                or "$ref" in prop
                and "Enum" in prop["$ref"]
                or any("Enum" in ref.get("$ref", "") for ref in prop.get("allOf", []))
            ):
                yield path, name, set(node["properties"])
        for key, value in node.items():
            yield from enum_properties(value, f"{path}/{key}")
    elif isinstance(node, list):
        for item in node:
            yield from enum_properties(item, path)


def test_every_coded_field_in_the_schema_has_a_label_beside_it(client):
    schema = client.get("/api/schema/?format=json").json()
    components = schema["components"]["schemas"]
    # The search endpoint belongs to the search app and has its own shape.
    ours = {name: body for name, body in components.items() if not name.startswith("Search")}
    found = list(enum_properties(ours))
    assert len(found) > 10
    # Statistics rows name their group as {"key", "label", "count"}: the label is there under its own name.
    missing = [
        f"{path}.{name}"
        for path, name, siblings in found
        if f"{name}_label" not in siblings and not (name == "key" and "label" in siblings)
    ]
    assert missing == []


def test_labels_beside_codes_in_answers(client, project):
    DisbursementFactory(project=project, kind="final", amount="5000.00")
    ProjectMilestone.objects.create(page=project, stage="implementation", reached_on=datetime.date(2022, 3, 1))
    data = client.get(f"/api/v2/projects/{project.pk}/").json()
    assert (data["stage"], data["stage_label"]) == ("implementation", "项目实施")
    assert data["stage_reached_on"] == "2022-03-01"
    assert data["participants"][0]["kind_label"] == "志愿者队伍"
    assert data["funds"]["payments"][0]["kind_label"] == "尾款"
    assert [(step["stage_label"], step["reached_on"]) for step in data["timeline"]][2:4] == [
        ("立项公示", "2022-02-10"),
        ("项目实施", "2022-03-01"),
    ]
    assert data["milestones"][0]["stage_label"] == "立项公示"
    assert data["street"]["level_label"] == "街道（乡镇）"
    listed = client.get("/api/v2/projects/").json()["items"][0]
    assert (listed["stage_label"], listed["stage_reached_on"]) == ("项目实施", "2022-03-01")


def test_labels_and_own_dates_in_listings(client, home):
    PolicyPageFactory(
        title="省级意见",
        level="provincial",
        status="amended",
        issued_on=datetime.date(2021, 5, 1),
        effective_on=datetime.date(2021, 6, 1),
    )
    PolicyPageFactory(title="区级办法", level="district", issued_on=datetime.date(2023, 1, 9))
    NoticePageFactory(
        title="立项公示",
        kind="approval_publicity",
        published_on=datetime.date(2022, 6, 20),
        publicity_until=datetime.date(2022, 6, 27),
    )
    NoticePageFactory(title="较早的动态", kind="news", published_on=datetime.date(2021, 1, 1))
    StationPageFactory(title="关上街道社工站", level="street", region=StreetFactory(name="关上街道"))
    OrganizationFactory(
        name="红榜组织", rating="5A", list_status="red", list_reason="服务成效突出", listed_on="2022-01-01"
    )

    policies = client.get("/api/v2/policies/").json()["items"]
    # Newest by issue date, whatever order they were imported in.
    assert [p["title"] for p in policies] == ["区级办法", "省级意见"]
    older = policies[1]
    assert (older["level_label"], older["status_label"]) == ("省级", "已修订")
    assert (older["issued_on"], older["effective_on"]) == ("2021-05-01", "2021-06-01")

    notices = client.get("/api/v2/notices/").json()["items"]
    assert [n["title"] for n in notices] == ["立项公示", "较早的动态"]
    assert (notices[0]["kind_label"], notices[0]["published_on"], notices[0]["publicity_until"]) == (
        "立项公示",
        "2022-06-20",
        "2022-06-27",
    )
    station = client.get("/api/v2/stations/").json()["items"][0]
    assert station["level_label"] == "街道（乡镇）社会工作服务站"
    [listed] = client.get("/api/v2/redblack/").json()["items"]
    assert (listed["listing"]["status"], listed["listing"]["status_label"]) == ("red", "红榜")
    assert listed["rating_label"] == "5A"
    [district] = client.get("/api/v2/regions/tree/").json()
    assert district["children"][0]["level_label"] == "街道（乡镇）"


def test_projects_newest_service_period_first_undated_last(client, home):
    ProjectPageFactory(title="未定服务期", start_date=None, end_date=None)
    ProjectPageFactory(title="2021年项目", start_date=datetime.date(2021, 3, 1))
    ProjectPageFactory(title="2023年项目", start_date=datetime.date(2023, 3, 1), end_date=datetime.date(2024, 2, 28))
    listed = client.get("/api/v2/projects/?fields=_,title").json()["items"]
    assert [p["title"] for p in listed] == ["2023年项目", "2021年项目", "未定服务期"]
