"""数据开放: each data set downloads as CSV, XLSX and JSON with public records and public fields only."""

import csv
import datetime
import io
import json
from decimal import Decimal
from urllib.parse import unquote

import openpyxl
import pytest
from django.utils import timezone

from shegong.funds.models import Disbursement
from tests.factories import OrganizationFactory

pytestmark = pytest.mark.django_db

DATASETS = ["projects", "funds", "policies", "notices", "organizations", "redblack"]
PRIVATE = ["0871-61111111", "张内部", "官渡区测试路 1 号", "0871-63000000", "联系人甲"]


@pytest.fixture
def open_data(published):
    project = published["pages"]["project"]
    Disbursement.objects.create(project=project, paid_on=project.start_date, amount=Decimal("50000.00"), kind="first")
    hidden_project = published["hidden"][0]
    Disbursement.objects.create(
        project=hidden_project, paid_on=hidden_project.start_date, amount=Decimal("7777.00"), kind="first"
    )
    today = timezone.localdate()
    OrganizationFactory(
        name='=HYPERLINK("http://evil")社工中心',
        list_status="black",
        list_reason="挪用项目资金",
        listed_on=today - datetime.timedelta(days=5),
        list_until=today + datetime.timedelta(days=360),
    )
    return published


def download(client, dataset, extension):
    response = client.get(f"/opendata/{dataset}.{extension}")
    assert response.status_code == 200
    return response


def test_the_open_data_page_offers_every_set_in_three_formats_with_a_data_dictionary(client, open_data):
    html = client.get("/opendata/").content.decode()
    for dataset in DATASETS:
        for extension in ("csv", "xlsx", "json"):
            assert f'href="/opendata/{dataset}.{extension}"' in html
    assert '<th scope="row">项目预算</th><td>立项时确定的项目预算</td><td>元</td>' in html
    assert "本页生成时间" in html
    assert 'href="/opendata/"' in client.get("/").content.decode()  # linked from the frame


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_opens_in_chinese_excel_and_has_a_real_file_name(client, open_data, dataset):
    response = download(client, dataset, "csv")
    assert response.content.startswith(b"\xef\xbb\xbf")
    disposition = response["Content-Disposition"]
    today = timezone.localdate().isoformat()
    assert disposition.startswith("attachment;") and "filename*=utf-8''" in disposition
    assert unquote(disposition.split("filename*=utf-8''")[1]).endswith(f"-{today}.csv")
    text = response.content.decode("utf-8-sig")
    for private in PRIVATE:
        assert private not in text
    for page in open_data["hidden"]:
        assert page.title not in text


def test_projects_csv_has_the_public_projects_with_what_was_paid(client, open_data):
    rows = list(csv.DictReader(io.StringIO(download(client, "projects", "csv").content.decode("utf-8-sig"))))
    assert "服务项目-" in unquote(client.get("/opendata/projects.csv")["Content-Disposition"])
    project = open_data["pages"]["project"]
    row = next(r for r in rows if r["项目编号"] == project.code)
    assert row["项目名称"] == project.title and row["承接组织"] == "官渡区阳光社会工作服务中心"
    assert Decimal(row["项目预算"]) == project.budget and Decimal(row["已拨付"]) == Decimal("50000")
    assert row["当前阶段"] == "项目实施"
    assert len(rows) == 3


def test_funds_list_payments_of_public_projects_only(client, open_data):
    rows = list(csv.DictReader(io.StringIO(download(client, "funds", "csv").content.decode("utf-8-sig"))))
    assert [(r["项目名称"], r["拨付类型"], r["拨付金额"]) for r in rows] == [
        (open_data["pages"]["project"].title, "首期款", "50000.00")
    ]


def test_spreadsheet_cells_never_run_as_formulas(client, open_data):
    text = download(client, "redblack", "csv").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in text
    book = openpyxl.load_workbook(io.BytesIO(download(client, "organizations", "xlsx").content))
    names = [row[0] for row in book.active.iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://evil")社工中心' in names


def test_xlsx_carries_the_data_and_its_dictionary_with_the_generation_time(client, open_data):
    book = openpyxl.load_workbook(io.BytesIO(download(client, "policies", "xlsx").content))
    sheet, guide = book["政策法规"], book["数据说明"]
    header = [cell.value for cell in sheet[1]]
    assert header[:3] == ["标题", "文号", "层级"]
    titles = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert titles == ["关于加快推进乡镇（街道）社会工作服务站建设的通知"]
    assert guide["A2"].value == "生成时间" and guide["B2"].value.startswith(timezone.localdate().isoformat())
    dictionary = {row[0]: row[1:] for row in guide.iter_rows(min_row=5, values_only=True)}
    assert dictionary["发布日期"] == ("文件的发布日期", "日期（年-月-日）")


def test_json_names_its_columns_and_holds_the_red_black_list(client, open_data):
    document = json.loads(download(client, "redblack", "json").content)
    assert document["title"] == "红黑榜" and document["generated_at"]
    assert {
        "key": "list_until",
        "label": "有效期至",
        "meaning": "榜单有效期的最后一天，空为长期",
        "unit": "日期（年-月-日）",
    } in document["columns"]
    [entry] = document["rows"]
    assert entry["list_status"] == "黑榜" and entry["list_reason"] == "挪用项目资金" and entry["in_force"] == "是"


def test_organizations_json_has_no_contact_fields(client, open_data):
    document = json.loads(download(client, "organizations", "json").content)
    keys = set(document["rows"][0])
    assert not keys & {"contact_person", "contact_phone", "contact_email", "address"}
    assert "官渡区阳光社会工作服务中心" in {row["name"] for row in document["rows"]}


@pytest.mark.parametrize("url", ["/opendata/secrets.csv", "/opendata/projects.exe"])
def test_an_unknown_file_is_a_chinese_404(client, home, url):
    response = client.get(url)
    assert response.status_code == 404 and "页面未找到" in response.content.decode()
