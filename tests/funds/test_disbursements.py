"""Fund supervision as editors, auditors and citizens use it: the admin forms, the reports, the exports, the public block."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.urls import reverse
from wagtail.documents.models import Document

from shegong.funds.models import Disbursement
from tests.factories import CategoryFactory, DepartmentFactory, DisbursementFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_funds_disbursement:add"


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(response):
    return list(csv.reader(io.StringIO(body(response).decode("utf-8-sig"))))


def payment_form(project, **overrides):
    # The first 40% of the budget, paid after signing: regular under the default 40/40/20 schedule.
    data = {
        "project": project.pk,
        "paid_on": "2022-04-01",
        "kind": "first",
        "amount": "40000.00",
        "note": "",
        "override_reason": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def project(home):
    return ProjectPageFactory(
        budget=decimal.Decimal("100000.00"), start_date=datetime.date(2022, 3, 1), end_date=datetime.date(2023, 2, 28)
    )


def test_editor_records_a_payment_with_its_voucher(admin_client, project):
    voucher = Document.objects.create(title="首期拨付凭证", file=ContentFile(b"%PDF-1.4 voucher", name="voucher.pdf"))
    response = admin_client.post(reverse(ADD_URL), payment_form(project, voucher=voucher.pk))
    assert response.status_code == 302, response.content.decode()[:2000]
    payment = Disbursement.objects.get()
    assert (payment.project, payment.amount, payment.voucher) == (project, decimal.Decimal("40000.00"), voucher)


def test_payment_beyond_the_budget_is_refused_without_a_reason(admin_client, project):
    DisbursementFactory(project=project, amount=decimal.Decimal("80000.00"))
    response = admin_client.post(reverse(ADD_URL), payment_form(project, kind="midterm", amount="30000.00"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "累计拨付 110,000.00 元超出预算 100,000.00 元" in page
    assert "放行理由" in page
    assert Disbursement.objects.count() == 1

    response = admin_client.post(
        reverse(ADD_URL),
        payment_form(project, kind="midterm", amount="30000.00", override_reason="经区财政局批准追加经费"),
    )
    assert response.status_code == 302
    assert Disbursement.objects.count() == 2


@pytest.mark.parametrize("day, words", [("2022-02-28", "早于服务期开始"), ("2023-03-01", "晚于服务期结束")])
def test_payment_outside_the_service_period_is_refused_without_a_reason(admin_client, project, day, words):
    response = admin_client.post(reverse(ADD_URL), payment_form(project, paid_on=day))
    assert response.status_code == 200
    assert words in response.content.decode()
    assert not Disbursement.objects.exists()


def test_anomalies_report_lists_let_through_payments_and_exports(admin_client, project):
    DisbursementFactory(project=project, amount=decimal.Decimal("40000.00"))  # the first 40%, as the schedule says
    DisbursementFactory(
        project=project,
        amount=decimal.Decimal("70000.00"),
        kind="final",
        paid_on=datetime.date(2023, 5, 1),
        override_reason="审计整改后补拨",
    )
    DisbursementFactory(amount=decimal.Decimal("1000.00"))  # another, regular project

    page = admin_client.get(reverse("funds:anomalies")).content.decode()
    assert "超出预算" in page and "晚于服务期结束" in page and "审计整改后补拨" in page
    assert page.count("审计整改后补拨") == 1

    rows = csv_rows(admin_client.get(reverse("funds:anomalies") + "?export=csv"))
    assert rows[0][:2] == ["项目编号", "项目名称"]
    assert [row[0] for row in rows[1:]] == [project.code]


def test_project_report_shows_spent_remaining_and_percentage(admin_client, project):
    DisbursementFactory(project=project, amount=decimal.Decimal("25000.00"))
    DisbursementFactory(
        project=project, amount=decimal.Decimal("12500.00"), kind="midterm", paid_on=datetime.date(2022, 9, 1)
    )

    page = admin_client.get(reverse("funds:projects")).content.decode()
    assert "37,500.00" in page and "62,500.00" in page and "37.5%" in page

    response = admin_client.get(reverse("funds:projects") + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(body(response))).active
    rows = list(sheet.values)
    assert rows[0] == ("项目编号", "项目名称", "购买部门", "预算（元）", "已拨付（元）", "结余（元）", "拨付比例（%）")
    assert rows[1][0] == project.code
    assert [decimal.Decimal(str(v)) for v in rows[1][3:]] == [
        100000,
        decimal.Decimal("37500"),
        decimal.Decimal("62500"),
        decimal.Decimal("37.5"),
    ]


def test_totals_by_department_year_and_category(admin_client, home):
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    elderly = CategoryFactory(name="为老服务")
    a = ProjectPageFactory(purchaser=civil, category=elderly, budget=100000, start_date=datetime.date(2022, 3, 1))
    b = ProjectPageFactory(
        purchaser=civil,
        category=elderly,
        budget=50000,
        start_date=datetime.date(2023, 3, 1),
        end_date=datetime.date(2024, 2, 28),
    )
    ProjectPageFactory(
        purchaser=youth, budget=30000, start_date=datetime.date(2023, 3, 1), end_date=datetime.date(2024, 2, 28)
    )
    DisbursementFactory(project=a, amount=40000)
    DisbursementFactory(project=b, amount=10000, paid_on=datetime.date(2023, 4, 1))

    def rows(by):
        return csv_rows(admin_client.get(reverse("funds:totals", args=[by]) + "?export=csv"))[1:]

    assert [r[:4] for r in rows("purchaser")] == [
        ["官渡区民政局", "2", "150000.00", "50000.00"],
        ["共青团官渡区委", "1", "30000.00", "0.00"],
    ]
    assert [r[:4] for r in rows("year")] == [
        ["2022 年", "1", "100000.00", "40000.00"],
        ["2023 年", "2", "80000.00", "10000.00"],
    ]
    assert rows("category")[0][:4] == ["为老服务", "2", "150000.00", "50000.00"]

    page = admin_client.get(reverse("funds:totals", args=["purchaser"])).content.decode()
    assert "资金汇总（按购买部门）" in page and reverse("funds:totals", args=["category"]) in page
    assert admin_client.get(reverse("funds:totals", args=["nonsense"])).status_code == 404


def test_payment_list_exports_as_csv(admin_client, project):
    DisbursementFactory(project=project, amount=decimal.Decimal("20000.00"), note="首期")
    rows = csv_rows(admin_client.get(reverse("wagtailsnippets_funds_disbursement:list") + "?export=csv"))
    assert rows[0][:2] == ["项目编号", "项目名称"]
    assert rows[1][0] == project.code and "20000.00" in rows[1]


def test_public_block_shows_spent_and_remaining_but_not_the_internal_reason(project):
    DisbursementFactory(
        project=project, amount=decimal.Decimal("30000.00"), note="内部备注", override_reason="内部放行理由"
    )
    html = Template('{% include "funds/project_funds.html" %}').render(Context({"page": project}))
    assert "30,000.00" in html and "70,000.00" in html and "30.0%" in html and "首期款" in html
    assert "内部放行理由" not in html and "内部备注" not in html


def test_reports_are_closed_to_users_without_fund_permissions(client, django_user_model, home):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("staff", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("funds:projects")).status_code in (302, 403)
