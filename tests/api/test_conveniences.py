"""A consumer's conveniences: an index of the API, Chinese messages, and spreadsheets of the main listings."""

import csv
import datetime
import io
from urllib.parse import unquote

import pytest

from tests.factories import NoticePageFactory, OrganizationFactory, PolicyPageFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def test_the_api_root_lists_every_endpoint_with_a_chinese_description(client, home):
    response = client.get("/api/v2/")
    assert response.status_code == 200
    index = response.json()
    by_name = {endpoint["name"]: endpoint for endpoint in index["endpoints"]}
    assert by_name["projects"]["title"] == "服务项目"
    assert by_name["projects"]["url"] == "http://testserver/api/v2/projects/"
    assert by_name["projects"]["csv_url"] == "http://testserver/api/v2/projects/?format=csv"
    assert by_name["stations"]["csv_url"] is None
    assert index["docs"] == "http://testserver/api/docs/"
    for endpoint in index["endpoints"]:
        assert endpoint["description"]
        if endpoint["name"] != "preview":  # needs an editor's token
            assert client.get(endpoint["url"]).status_code == 200, endpoint["url"]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("limit=101", "limit 不能大于 100。"),
        ("limit=-1", "limit 须为非负整数。"),
        ("fields=title,colour", "没有这些字段：colour。"),
        ("order=colour", "不能按 colour 排序：没有这个字段。"),
    ],
)
def test_wagtails_english_messages_come_in_chinese(client, home, query, message):
    response = client.get(f"/api/v2/projects/?{query}")
    assert (response.status_code, response.json()) == (400, {"message": message})


def test_a_missing_record_is_explained_in_chinese(client, home):
    response = client.get("/api/v2/projects/999999/")
    assert (response.status_code, response.json()) == (404, {"message": "没有这条记录。"})


def read_csv(response):
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith("\ufeff".encode())  # the BOM Chinese Excel needs
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_projects_download_as_a_spreadsheet_with_every_matching_record(client, home):
    for n in range(25):
        ProjectPageFactory(title=f"项目{n:02d}", start_date=datetime.date(2022, 3, 1) + datetime.timedelta(days=n))
    ProjectPageFactory(title='=HYPERLINK("http://evil.example")', start_date=datetime.date(2021, 1, 1))
    response = client.get("/api/v2/projects/?format=csv&year=2022")
    rows = read_csv(response)
    assert len(rows) == 25  # all of them, not a page of 20
    assert rows[0]["title"] == "项目24" and rows[0]["stage_label"] == "项目实施"
    assert rows[0]["category"] and rows[0]["organization"]  # related records by name
    assert rows[0]["html_url"].startswith("http://testserver/projects/")
    disposition = response["Content-Disposition"]
    assert disposition.startswith('attachment; filename="shegong-projects-')
    assert unquote(disposition.split("filename*=UTF-8''")[1]).startswith("服务项目-")

    [formula] = read_csv(client.get("/api/v2/projects/?format=csv&year=2021"))
    assert formula["title"].startswith("'=")  # shown as typed, never run


def test_policies_notices_and_the_red_black_list_download_too(client, home):
    PolicyPageFactory(title="关于加快推进社会工作发展的意见", level="provincial")
    NoticePageFactory(title="立项公示", kind="approval_publicity", publicity_until=datetime.date(2022, 7, 1))
    OrganizationFactory(
        name="红榜组织",
        list_status="red",
        list_reason="服务成效突出",
        listed_on="2022-01-01",
        contact_phone="13900000001",
    )
    [policy] = read_csv(client.get("/api/v2/policies/?format=csv"))
    assert policy["level_label"] == "省级"
    [notice] = read_csv(client.get("/api/v2/notices/?format=csv"))
    assert (notice["kind_label"], notice["publicity_until"]) == ("立项公示", "2022-07-01")
    response = client.get("/api/v2/redblack/?format=csv")
    [listed] = read_csv(response)
    assert (listed["listing.status_label"], listed["listing.reason"]) == ("红榜", "服务成效突出")
    assert "13900000001" not in response.content.decode("utf-8-sig")


@pytest.mark.parametrize(
    "url", ["/api/v2/stations/?format=csv", "/api/v2/projects/?format=xlsx", "/api/v2/departments/?format=csv"]
)
def test_other_formats_get_a_400_naming_the_downloads(client, home, url):
    response = client.get(url)
    assert response.status_code == 400
    assert "/api/v2/projects/?format=csv" in response.json()["message"]
