"""Payments (资金拨付) from a spreadsheet, as the finance office sends them: the same rules as recording one in the
admin, one payment however often the sheet is imported, and the admin's own export read back unchanged."""

import csv
import datetime
import decimal
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse

from shegong.funds.models import Disbursement
from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS
from shegong.roles.models import StaffProfile
from tests.factories import DepartmentFactory, DisbursementFactory, ProjectPageFactory
from tests.imports.sheets import one_sheet, upload

pytestmark = pytest.mark.django_db

HEADERS = ["项目编号", "拨付日期", "拨付类型", "金额（元）", "凭证号", "说明"]


@pytest.fixture
def project(home):
    # 100,000 yuan from 2022-03-01 to 2023-02-28: under the default 40/40/20 schedule 40,000 falls due on signing.
    return ProjectPageFactory(
        code="GD-2022-101",
        budget=decimal.Decimal("100000.00"),
        start_date=datetime.date(2022, 3, 1),
        end_date=datetime.date(2023, 2, 28),
    )


def editor(django_user_model, name="bianji"):
    user = django_user_model.objects.create_user(name, password="pw", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


def payments_sheet(*rows, headers=HEADERS):
    return one_sheet(headers, rows, title="资金拨付")


def import_sheet(client, data, name="拨付.xlsx"):
    page = upload(client, data, name)
    if "检查通过" in page:
        client.post(reverse("spreadsheet_import"), {"action": "import"})
    return page


def test_an_editor_imports_payments_and_importing_again_pays_nothing_twice(client, django_user_model, project):
    client.force_login(editor(django_user_model))
    sheet = payments_sheet(
        ["GD-2022-101", datetime.date(2022, 4, 1), "首期款", 40000, "记-2022-0401", "首期"],
        ["GD-2022-101", "2022/9/15", "中期款", "40,000.00", "记-2022-0915", ""],
    )
    page = import_sheet(client, sheet)
    assert "资金拨付 第 2 行" in page and "新建" in page
    payments = Disbursement.objects.filter(project=project).order_by("paid_on")
    assert [(p.paid_on, p.kind, p.amount, p.voucher_number) for p in payments] == [
        (datetime.date(2022, 4, 1), "first", decimal.Decimal("40000.00"), "记-2022-0401"),
        (datetime.date(2022, 9, 15), "midterm", decimal.Decimal("40000.00"), "记-2022-0915"),
    ]

    again = upload(client, sheet)
    assert "payments: 新建 0，更新 0，未变 2" in again
    client.post(reverse("spreadsheet_import"), {"action": "import"})
    assert Disbursement.objects.filter(project=project).count() == 2


def test_a_corrected_amount_updates_the_payment_its_voucher_number_names(client, django_user_model, project):
    client.force_login(editor(django_user_model))
    import_sheet(client, payments_sheet(["GD-2022-101", "2022-04-01", "首期款", 30000, "记-0401", ""]))
    page = import_sheet(client, payments_sheet(["GD-2022-101", "2022-04-01", "首期款", 40000, "记-0401", ""]))
    assert "30000.00 → 40000.00" in page
    assert list(Disbursement.objects.values_list("amount", flat=True)) == [decimal.Decimal("40000.00")]


def test_a_payment_recorded_in_the_admin_is_found_when_the_sheet_brings_its_voucher_number(
    client, django_user_model, project
):
    DisbursementFactory(project=project, paid_on=datetime.date(2022, 4, 1), amount=decimal.Decimal("40000.00"))
    client.force_login(editor(django_user_model))
    import_sheet(client, payments_sheet(["GD-2022-101", "2022-04-01", "首期款", 40000, "记-0401", ""]))
    assert Disbursement.objects.filter(project=project).count() == 1


def test_without_voucher_numbers_the_same_row_is_the_same_payment(client, django_user_model, project):
    client.force_login(editor(django_user_model))
    sheet = payments_sheet(["GD-2022-101", "2022-04-01", "首期款", 40000], headers=HEADERS[:4])
    import_sheet(client, sheet)
    import_sheet(client, sheet)
    assert Disbursement.objects.filter(project=project).count() == 1


def test_the_schedule_flags_an_import_as_it_flags_the_admin_form(client, django_user_model, project):
    client.force_login(editor(django_user_model))
    headers = [*HEADERS, "放行理由"]
    late = ["GD-2022-101", "2023-05-01", "尾款", 20000, "记-0501", ""]
    early = ["GD-2022-101", "2022-04-01", "中期款", 80000, "记-0402", ""]
    page = import_sheet(client, payments_sheet(late + [""], early + [""], headers=headers))
    assert "2 处错误，未写入任何数据" in page
    assert "资金拨付 第 2 行（GD-2022-101 2023-05-01）：“拨付日期”：" in page and "晚于服务期结束" in page
    assert "资金拨付 第 3 行" in page and "放行理由" in page
    assert not Disbursement.objects.exists()

    page = import_sheet(
        client, payments_sheet(late + ["审计整改后补拨"], early + ["区财政同意提前拨付"], headers=headers)
    )
    assert "检查通过" in page
    assert Disbursement.objects.get(voucher_number="记-0501").override_reason == "审计整改后补拨"


@pytest.mark.parametrize(
    "row, column, message",
    [
        (["GD-2099-001", "2022-04-01", "首期款", 40000, "", ""], "项目编号", "不存在"),
        (["GD-2022-101", "2022-04-01", "首期款", 0, "", ""], "金额（元）", "须大于 0"),
        (["GD-2022-101", "2022-04-01", "首期款", -5, "", ""], "金额（元）", "不能为负数"),
        (["GD-2022-101", "2022-04-01", "首期款", 1e13, "", ""], "金额（元）", "过大"),
        (["GD-2022-101", "下个月", "首期款", 40000, "", ""], "拨付日期", "日期格式"),
        (["GD-2022-101", "2022-04-01", "预付款", 40000, "", ""], "拨付类型", "首期款"),
        (["GD-2022-101", "", "首期款", 40000, "", ""], "拨付日期", "缺少"),
    ],
)
def test_a_bad_cell_is_named_by_row_and_column(client, django_user_model, project, row, column, message):
    client.force_login(editor(django_user_model))
    good = ["GD-2022-101", "2022-04-01", "首期款", 10000, "记-ok", ""]
    page = import_sheet(client, payments_sheet(good, row))
    assert "资金拨付 第 3 行" in page and f"“{column}”" in page and message in page
    assert "第 2 行" not in page
    assert not Disbursement.objects.exists()


def test_the_admins_export_imports_back_unchanged_formulas_and_all(admin_client, project):
    DisbursementFactory(
        project=project, paid_on=datetime.date(2022, 4, 1), voucher_number="记-0401", note="=HYPERLINK(1)"
    )
    DisbursementFactory(project=project, paid_on=datetime.date(2022, 9, 15), kind="midterm", note="")
    listing = reverse("wagtailsnippets_funds_disbursement:list")
    for export in ("xlsx", "csv"):
        response = admin_client.get(f"{listing}?export={export}")
        data = b"".join(response.streaming_content) if response.streaming else response.content
        page = import_sheet(admin_client, data, name=f"资金拨付.{export}")
        assert "payments: 新建 0，更新 0，未变 2" in page, page
    assert Disbursement.objects.count() == 2
    assert Disbursement.objects.get(voucher_number="记-0401").note == "=HYPERLINK(1)"

    text = b"".join(admin_client.get(f"{listing}?export=csv").streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


def test_the_blank_template_has_a_payments_sheet(admin_client, home):
    book = openpyxl.load_workbook(io.BytesIO(admin_client.get(reverse("spreadsheet_template")).getvalue()))
    headers = [cell.value for cell in book["资金拨付"][1]]
    assert headers[:4] == ["项目编号", "拨付日期", "拨付类型", "金额（元）"] and "凭证号" in headers


def test_a_department_account_imports_payments_of_its_own_projects_only(client, django_user_model, project):
    own = DepartmentFactory(name="官渡区民政局")
    mine = ProjectPageFactory(code="GD-2022-102", purchaser=own)
    staff = django_user_model.objects.create_user("minzheng", password="pw", is_staff=True)
    staff.groups.add(Group.objects.get(name=DEPARTMENT_STAFF))
    staff.user_permissions.add(*Permission.objects.filter(codename__in=["use_import", "add_disbursement"]))
    StaffProfile.objects.update_or_create(user=staff, defaults={"department": own})
    client.force_login(staff)
    page = import_sheet(
        client,
        payments_sheet(
            [mine.code, "2022-04-01", "首期款", 40000, "", ""],
            [project.code, "2022-04-01", "首期款", 40000, "", ""],
        ),
    )
    assert "资金拨付 第 3 行" in page and "只能导入本部门或本组织的项目" in page
    assert "资金拨付 第 2 行" not in page
    assert not Disbursement.objects.exists()


def test_auditors_read_payments_but_cannot_import_them(client, django_user_model, project):
    auditor = django_user_model.objects.create_user("shenji", password="pw", is_staff=True)
    auditor.groups.add(Group.objects.get(name=AUDITORS))
    client.force_login(auditor)
    assert client.get(reverse("wagtailsnippets_funds_disbursement:list")).status_code == 200
    # Wagtail's admin answers a refused screen with a redirect to the dashboard and a message.
    assert client.get(reverse("spreadsheet_import")).status_code in (302, 403)


def test_the_import_command_reads_a_payments_csv(tmp_path, project, capsys):
    path = tmp_path / "拨付.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADERS)
        writer.writerow(["GD-2022-101", "2022-04-01", "首期款", "40000", "记-0401", ""])
    call_command("import_content", str(path))
    call_command("import_content", str(path))
    assert "未变 1" in capsys.readouterr().out
    assert Disbursement.objects.count() == 1

    writer_rows = [HEADERS, ["GD-2022-101", "2023-06-01", "尾款", "90000", "记-0601", ""]]
    path.write_text("\n".join(",".join(row) for row in writer_rows), encoding="utf-8-sig")
    with pytest.raises(CommandError, match="资金拨付 第 2 行.*超出预算"):
        call_command("import_content", str(path))
    assert Disbursement.objects.count() == 1
