"""Spreadsheet import: the CLI and the admin upload screen, with Chinese headers, per-row errors and a dry run."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from shegong.pages.models import PolicyPage, ProjectPage

pytestmark = pytest.mark.django_db

PROJECT_HEADERS = ["项目编号", "项目名称", "类别", "购买部门", "承接组织", "街道", "社区", "预算", "开始日期", "结束日期", "阶段", "标签"]
GOOD_PROJECT = [
    "GD-2023-001", "关上街道独居老人关爱服务", "为老服务", "官渡区民政局", "昆明市官渡区同心社会工作服务中心",
    "关上街道", "关上社区", 198000, datetime.datetime(2023, 3, 1), datetime.datetime(2024, 2, 29), "实施", "养老、独居老人",
]
POLICY_HEADERS = ["文号", "标题", "层级", "发文机关", "发布日期", "效力状态", "主题"]
GOOD_POLICY = ["官民发〔2023〕5号", "关于推进社会工作服务站建设的通知", "区级", "官渡区民政局", datetime.date(2023, 4, 10), "现行有效", "社工站"]


def workbook(projects=(), policies=()):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目"
    sheet.append(PROJECT_HEADERS)
    for row in projects:
        sheet.append(row)
    if policies:
        sheet = book.create_sheet("政策")
        sheet.append(POLICY_HEADERS)
        for row in policies:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_cli_imports_projects_and_policies_from_xlsx_with_chinese_headers(home, tmp_path, capsys):
    path = tmp_path / "projects.xlsx"
    path.write_bytes(workbook([GOOD_PROJECT], [GOOD_POLICY]))
    call_command("import_content", str(path))
    project = ProjectPage.objects.get(code="GD-2023-001")
    assert project.live and project.stage == "implementation" and str(project.budget) == "198000.00"
    assert (project.start_date, project.end_date) == (datetime.date(2023, 3, 1), datetime.date(2024, 2, 29))
    assert (project.street.name, project.community.name, project.purchaser.name) == ("关上街道", "关上社区", "官渡区民政局")
    assert sorted(tag.name for tag in project.tags.all()) == ["养老", "独居老人"]
    policy = PolicyPage.objects.get(document_number="官民发〔2023〕5号")
    assert (policy.level, policy.status, policy.issued_on) == ("district", "valid", datetime.date(2023, 4, 10))
    assert "导入完成" in capsys.readouterr().out


def test_cli_reads_a_gbk_csv_written_by_excel_with_json_key_headers(home, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes(
        "code,title,purchaser,budget,start,end,stage\r\nGD-2023-002,双桥社区儿童四点半课堂,官渡区妇联,\"50,000\",2023/3/1,2023年12月31日,项目征集\r\n"
        .encode("gb18030")
    )
    call_command("import_content", str(path))
    project = ProjectPage.objects.get(code="GD-2023-002")
    assert (project.title, str(project.budget), project.stage) == ("双桥社区儿童四点半课堂", "50000.00", "call")
    assert project.end_date == datetime.date(2023, 12, 31)


def test_cli_names_the_spreadsheet_row_of_each_error_and_writes_nothing(home, tmp_path):
    bad_budget, bad_stage = list(GOOD_PROJECT), list(GOOD_PROJECT)
    bad_budget[0], bad_budget[7] = "GD-2023-003", "十万"
    bad_stage[0], bad_stage[10] = "GD-2023-004", "已完成"
    path = tmp_path / "projects.xlsx"
    path.write_bytes(workbook([GOOD_PROJECT, bad_budget, bad_stage]))
    with pytest.raises(CommandError) as failure:
        call_command("import_content", str(path))
    lines = str(failure.value).splitlines()
    assert lines[0] == "导入失败：2 处错误，未写入任何数据。"
    assert lines[1].startswith("项目 第 3 行") and "“budget”" in lines[1] and "十万" in lines[1]
    assert lines[2].startswith("项目 第 4 行") and "“stage”" in lines[2] and "已完成" in lines[2]
    assert not ProjectPage.objects.exists()


def test_cli_explains_an_unknown_header(home, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("项目编号,项目名称,负责人电话\nGD-1,测试,123\n", encoding="utf-8")
    with pytest.raises(CommandError, match="无法识别的表头“负责人电话”"):
        call_command("import_content", str(path))


def upload(client, data, name="projects.xlsx"):
    return client.post(
        reverse("spreadsheet_import"), {"action": "check", "file": SimpleUploadedFile(name, data)}
    ).content.decode()


def test_admin_upload_shows_row_errors_before_anything_is_written(admin_client, home):
    home_page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON for the admin's script, with Chinese as \u escapes.
    assert reverse("spreadsheet_import") in home_page and "表格导入".encode("unicode_escape").decode() in home_page

    bad = list(GOOD_PROJECT)
    bad[0], bad[8] = "GD-2023-004", "下个月"
    page = upload(admin_client, workbook([GOOD_PROJECT, bad]))
    assert "有 1 处错误，未写入任何数据" in page and "项目 第 3 行" in page and "下个月" in page
    assert "确认导入" not in page
    assert not ProjectPage.objects.exists()


def test_admin_upload_checks_then_imports_on_confirmation(admin_client, home):
    page = upload(admin_client, workbook([GOOD_PROJECT], [GOOD_POLICY]))
    assert "检查通过，尚未写入" in page and "projects: 新建 1" in page and "确认导入并发布" in page
    assert not ProjectPage.objects.exists() and not PolicyPage.objects.exists()

    response = admin_client.post(reverse("spreadsheet_import"), {"action": "import"}, follow=True)
    assert "导入完成" in response.content.decode()
    assert ProjectPage.objects.get(code="GD-2023-001").live and PolicyPage.objects.get().live

    # The pending import is used up: confirming again imports nothing twice.
    response = admin_client.post(reverse("spreadsheet_import"), {"action": "import"}, follow=True)
    assert "没有待确认的导入" in response.content.decode()


def test_admin_upload_refuses_other_file_types(admin_client, home):
    page = upload(admin_client, b"%PDF-1.4", name="projects.pdf")
    assert "不支持的文件类型" in page
    page = upload(admin_client, b"not really a workbook", name="projects.xlsx")
    assert "无法读取 Excel 文件" in page


def test_upload_screen_is_closed_to_staff_without_import_rights(client, django_user_model, home):
    user = django_user_model.objects.create_user("staff", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("spreadsheet_import")).status_code in (302, 403)
    assert reverse("spreadsheet_import") not in client.get(reverse("wagtailadmin_home")).content.decode()
