"""Exports open in Chinese Excel: UTF-8 with a BOM, named after what they hold and the day; reports show days."""

import datetime
import decimal
from urllib.parse import quote

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import DisbursementFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


@pytest.fixture
def anomalous(home):
    project = ProjectPageFactory(
        budget=decimal.Decimal("100000.00"), start_date=datetime.date(2022, 3, 1), end_date=datetime.date(2023, 2, 28)
    )
    DisbursementFactory(project=project, amount=decimal.Decimal("40000.00"))
    return DisbursementFactory(
        project=project,
        amount=decimal.Decimal("70000.00"),
        kind="final",
        paid_on=datetime.date(2023, 5, 1),
        override_reason="审计整改后补拨",
    )


@pytest.mark.parametrize(
    "url_name, title",
    [
        ("funds:anomalies", "资金异常"),
        ("funds:projects", "项目资金"),
        ("wagtailsnippets_funds_disbursement:list", "资金拨付"),
    ],
)
def test_csv_exports_carry_a_bom_and_a_dated_chinese_file_name(admin_client, anomalous, url_name, title):
    response = admin_client.get(reverse(url_name) + "?export=csv")
    content = body(response)
    assert content.startswith(b"\xef\xbb\xbf")
    assert "审计整改后补拨" in content.decode("utf-8-sig") or title == "项目资金"
    filename = f"{title}-{timezone.localdate():%Y-%m-%d}.csv"
    assert response["Content-Type"].startswith("text/csv")
    assert f"filename*=utf-8''{quote(filename)}" in response["Content-Disposition"]


def test_xlsx_exports_are_named_the_same_way(admin_client, anomalous):
    response = admin_client.get(reverse("funds:anomalies") + "?export=xlsx")
    filename = f"资金异常-{timezone.localdate():%Y-%m-%d}.xlsx"
    assert f"filename*=utf-8''{quote(filename)}" in response["Content-Disposition"]
    assert body(response).startswith(b"PK")  # a zip, as an .xlsx is


def test_the_anomalies_report_shows_the_day_of_payment(admin_client, anomalous):
    page = admin_client.get(reverse("funds:anomalies")).content.decode()
    assert "2023年5月1日" in page
    assert "之前" not in page
