"""Spreadsheet import: the CLI and the admin upload screen, with Chinese headers, per-row errors and a dry run
that leaves no trace; stage dates and participants; the template and the export that reads back unchanged."""

import datetime
import io
from pathlib import Path

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from elasticsearch import Elasticsearch

from shegong.lifecycle.transitions import change_stage
from shegong.pages.models import PolicyPage, ProjectPage
from shegong.search import service
from shegong.search.engines import elastic
from shegong.search.models import PendingChange, SearchDocument
from shegong.webhooks.models import Delivery, Subscriber
from tests.api.receiver import Receiver
from tests.imports.sheets import upload
from tests.search.conftest import es, es_server  # noqa: F401 - the search tests' Elasticsearch stand-in

pytestmark = pytest.mark.django_db

PROJECT_HEADERS = [
    "项目编号",
    "项目名称",
    "类别",
    "购买部门",
    "承接组织",
    "街道",
    "社区",
    "预算",
    "开始日期",
    "结束日期",
    "阶段",
    "标签",
]
GOOD_PROJECT = [
    "GD-2023-001",
    "关上街道独居老人关爱服务",
    "为老服务",
    "官渡区民政局",
    "昆明市官渡区同心社会工作服务中心",
    "关上街道",
    "关上社区",
    198000,
    datetime.datetime(2023, 3, 1),
    datetime.datetime(2024, 2, 29),
    "实施",
    "养老、独居老人",
]
# A new project imported at a later stage than 项目征集 (a past year's record) carries the date it reached it.
DATED_HEADERS = [*PROJECT_HEADERS, "实施日期"]


def dated(*rows):
    return [[*row, datetime.datetime(2023, 3, 1)] for row in rows]


POLICY_HEADERS = ["文号", "标题", "层级", "发文机关", "发布日期", "效力状态", "主题"]
GOOD_POLICY = [
    "官民发〔2023〕5号",
    "关于推进社会工作服务站建设的通知",
    "区级",
    "官渡区民政局",
    datetime.date(2023, 4, 10),
    "现行有效",
    "社工站",
]


def workbook(projects=(), policies=(), headers=PROJECT_HEADERS):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "项目"
    sheet.append(headers)
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


def test_cli_imports_projects_and_policies_from_xlsx_with_chinese_headers(home, basics, tmp_path, capsys):
    path = tmp_path / "projects.xlsx"
    path.write_bytes(workbook(dated(GOOD_PROJECT), [GOOD_POLICY], headers=DATED_HEADERS))
    call_command("import_content", str(path))
    project = ProjectPage.objects.get(code="GD-2023-001")
    assert project.live and project.stage == "implementation" and str(project.budget) == "198000.00"
    assert (project.start_date, project.end_date) == (datetime.date(2023, 3, 1), datetime.date(2024, 2, 29))
    assert (project.street.name, project.community.name, project.purchaser.name) == (
        "关上街道",
        "关上社区",
        "官渡区民政局",
    )
    assert sorted(tag.name for tag in project.tags.all()) == ["养老", "独居老人"]
    policy = PolicyPage.objects.get(document_number="官民发〔2023〕5号")
    assert (policy.level, policy.status, policy.issued_on) == ("district", "valid", datetime.date(2023, 4, 10))
    assert "导入完成" in capsys.readouterr().out


def test_cli_reads_a_gbk_csv_written_by_excel_with_json_key_headers(home, basics, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_bytes(
        "code,title,purchaser,organization,street,budget,start,end,stage\r\n"
        'GD-2023-002,双桥社区儿童四点半课堂,官渡区妇联,昆明市官渡区同心社会工作服务中心,关上街道,"50,000",2023/3/1,2023年12月31日,项目征集\r\n'.encode(
            "gb18030"
        )
    )
    call_command("import_content", str(path))
    project = ProjectPage.objects.get(code="GD-2023-002")
    assert (project.title, str(project.budget), project.stage) == ("双桥社区儿童四点半课堂", "50000.00", "call")
    assert project.end_date == datetime.date(2023, 12, 31)


def test_cli_names_the_spreadsheet_row_of_each_error_and_writes_nothing(home, basics, tmp_path):
    bad_budget, bad_stage = list(GOOD_PROJECT), list(GOOD_PROJECT)
    bad_budget[0], bad_budget[7] = "GD-2023-003", "十万"
    bad_stage[0], bad_stage[10] = "GD-2023-004", "已完成"
    path = tmp_path / "projects.xlsx"
    path.write_bytes(workbook(dated(GOOD_PROJECT, bad_budget, bad_stage), headers=DATED_HEADERS))
    with pytest.raises(CommandError) as failure:
        call_command("import_content", str(path))
    lines = str(failure.value).splitlines()
    assert lines[0] == "导入失败：2 处错误，未写入任何数据。"
    # Row and column as the person sees them in Excel, and the values the column takes.
    assert lines[1].startswith("项目 第 3 行") and "“预算”应为金额" in lines[1] and "十万" in lines[1]
    assert (
        lines[2].startswith("项目 第 4 行")
        and "“阶段”的值 '已完成' 无效" in lines[2]
        and "项目实施（implementation）" in lines[2]
    )
    assert not ProjectPage.objects.exists()


def test_cli_explains_an_unknown_header(home, basics, tmp_path):
    path = tmp_path / "projects.csv"
    path.write_text("项目编号,项目名称,负责人电话\nGD-1,测试,123\n", encoding="utf-8")
    with pytest.raises(CommandError, match="无法识别的表头“负责人电话”"):
        call_command("import_content", str(path))


def test_admin_upload_shows_row_errors_before_anything_is_written(admin_client, home, basics):
    home_page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    # The sidebar menu is JSON for the admin's script, with Chinese as \u escapes.
    assert reverse("spreadsheet_import") in home_page and "表格导入".encode("unicode_escape").decode() in home_page

    bad = list(GOOD_PROJECT)
    bad[0], bad[8] = "GD-2023-004", "下个月"
    page = upload(admin_client, workbook(dated(GOOD_PROJECT, bad), headers=DATED_HEADERS))
    assert "有 1 处错误，未写入任何数据" in page and "项目 第 3 行" in page and "下个月" in page
    assert "确认导入" not in page
    assert not ProjectPage.objects.exists()


def test_admin_upload_checks_then_imports_on_confirmation(admin_client, home, basics):
    page = upload(admin_client, workbook(dated(GOOD_PROJECT), [GOOD_POLICY], headers=DATED_HEADERS))
    assert "检查通过，尚未写入" in page and "projects: 新建 1" in page and "确认导入" in page
    assert not ProjectPage.objects.exists() and not PolicyPage.objects.exists()

    response = admin_client.post(reverse("spreadsheet_import"), {"action": "import"}, follow=True)
    assert "导入完成" in response.content.decode()
    assert ProjectPage.objects.get(code="GD-2023-001").live and PolicyPage.objects.get().live

    # The pending import is used up: confirming again imports nothing twice.
    response = admin_client.post(reverse("spreadsheet_import"), {"action": "import"}, follow=True)
    assert "没有待确认的导入" in response.content.decode()


def test_admin_upload_refuses_other_file_types(admin_client, home, basics):
    page = upload(admin_client, b"%PDF-1.4", name="projects.pdf")
    assert "不支持的文件类型" in page
    page = upload(admin_client, b"not really a workbook", name="projects.xlsx")
    assert "无法读取 Excel 文件" in page


def test_upload_screen_is_closed_to_staff_without_import_rights(client, django_user_model, home, basics):
    user = django_user_model.objects.create_user("staff", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    assert client.get(reverse("spreadsheet_import")).status_code in (302, 403)
    assert reverse("spreadsheet_import") not in client.get(reverse("wagtailadmin_home")).content.decode()


# -- stage dates and participants -------------------------------------------------------------------------------

LIFECYCLE_HEADERS = [*PROJECT_HEADERS, "参与力量", "征集日期", "路演评审日期", "立项公示日期", "实施日期"]
PARTICIPANTS = "志愿者队伍：关上社区志愿者服务队；辖区企业:金马超市\n关上社区老年协会"
LIFECYCLE_CELLS = [
    PARTICIPANTS,
    datetime.datetime(2023, 1, 5),
    "2023/1/20",
    "2023年2月1日",
    datetime.datetime(2023, 3, 1),
]


def lifecycle_row(code=GOOD_PROJECT[0], participants=PARTICIPANTS, review="2023/1/20", title=GOOD_PROJECT[1]):
    row = [*GOOD_PROJECT, *LIFECYCLE_CELLS]
    row[0], row[1], row[len(PROJECT_HEADERS)], row[len(PROJECT_HEADERS) + 2] = code, title, participants, review
    return row


def import_through_admin(client, data, overwrite=False):
    page = upload(client, data, overwrite=overwrite)
    assert "检查通过，尚未写入" in page, page
    response = client.post(reverse("spreadsheet_import"), {"action": "import"}, follow=True)
    assert "导入完成" in response.content.decode()
    return response


def test_stage_dates_and_participants_come_in_from_a_sheet_and_show_on_the_project_page(
    admin_client, client, home, basics
):
    import_through_admin(admin_client, workbook([lifecycle_row()], headers=LIFECYCLE_HEADERS))

    project = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    assert [(p.kind, p.name) for p in project.participants.all()] == [
        ("volunteers", "关上社区志愿者服务队"),
        ("enterprise", "金马超市"),
        ("other", "关上社区老年协会"),
    ]
    assert [step["reached_on"] for step in project.timeline()] == [
        datetime.date(2023, 1, 5),
        datetime.date(2023, 1, 20),
        datetime.date(2023, 2, 1),
        datetime.date(2023, 3, 1),
        None,
        None,
    ]
    page = client.get(project.url).content.decode()
    assert "2023年1月20日" in page and "金马超市" in page and "辖区企业" in page


def test_bad_participants_and_stage_dates_are_named_by_row_and_column_and_nothing_is_written(
    admin_client, home, basics
):
    rows = [
        lifecycle_row("GD-2023-010"),
        lifecycle_row("GD-2023-011", participants="督导：张三"),
        lifecycle_row("GD-2023-012", review="下个月"),
        lifecycle_row("GD-2023-013", participants="志愿者队伍："),
    ]
    page = upload(admin_client, workbook(rows, headers=LIFECYCLE_HEADERS))
    assert "有 3 处错误，未写入任何数据" in page and "确认导入" not in page
    assert (
        "项目 第 3 行" in page
        and "“参与力量”中“张三”的类型 &#x27;督导&#x27; 无效" in page
        and "志愿者队伍（volunteers）" in page
    )
    assert "项目 第 4 行" in page and "“路演评审日期”日期格式应为 YYYY-MM-DD，收到 &#x27;下个月&#x27;" in page
    assert "项目 第 5 行" in page and "“参与力量”中有一项缺少名称" in page
    assert not ProjectPage.objects.exists()


def test_a_sheet_without_those_columns_keeps_the_recorded_history_and_an_empty_cell_clears(admin_client, home, basics):
    import_through_admin(admin_client, workbook([lifecycle_row()], headers=LIFECYCLE_HEADERS))
    project = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    # The lifecycle screen sends the project back, with a reason a sheet cannot carry.
    change_stage(project, "review", datetime.date(2023, 3, 10), "评审意见需补充材料", admin_client.user)

    changed = list(GOOD_PROJECT)
    changed[7] = 210000
    import_through_admin(admin_client, workbook([changed]))
    project = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    assert str(project.budget) == "210000.00" and project.participants.count() == 3
    went_back = project.milestones.get(stage="review", reached_on=datetime.date(2023, 3, 10))
    assert went_back.reason == "评审意见需补充材料" and went_back.recorded_by == admin_client.user
    assert project.milestones.count() == 5

    # With the columns, a cell sets the latest date of its stage and an empty cell says there is none; the review
    # date the lifecycle screen recorded after the import is the editor's, so the sheet's is a conflict, kept out.
    headers = [*PROJECT_HEADERS, "参与力量", "路演评审日期", "实施日期"]
    sheet = workbook([[*changed, None, "2023-03-12", None]], headers=headers)
    page = upload(admin_client, sheet)
    assert (
        "冲突，保留后台的值：“阶段” 路演评审（后台）≠ 项目实施（文件）；“路演评审日期” 2023-03-10（后台）≠ 2023-03-12（文件）"
        in page
    )
    assert "“实施日期” 2023-03-01 → （空）" in page
    import_through_admin(admin_client, sheet)
    project = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    assert not project.participants.exists()
    assert [(m.stage, m.reached_on) for m in project.milestones.order_by("reached_on")] == [
        ("call", datetime.date(2023, 1, 5)),
        ("review", datetime.date(2023, 1, 20)),
        ("publicity", datetime.date(2023, 2, 1)),
        ("review", datetime.date(2023, 3, 10)),
    ]

    # Told to overwrite, the sheet wins: its review date (the milestone keeps the editor's reason), and its stage,
    # which skips 立项公示 and so, as on the 变更阶段 screen, needs a reason.
    page = upload(admin_client, sheet, overwrite=True)
    assert "从“路演评审”跳过阶段至“项目实施”须填写理由。请在“阶段变更理由”中写明理由" in page
    assert not ProjectPage.objects.get(code=GOOD_PROJECT[0]).milestones.filter(reached_on=datetime.date(2023, 3, 12))
    sheet = workbook([[*changed, None, "2023-03-12", None, "复审通过，直接实施"]], headers=[*headers, "阶段变更理由"])
    import_through_admin(admin_client, sheet, overwrite=True)
    project = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    assert project.milestones.get(reached_on=datetime.date(2023, 3, 12)).reason == "评审意见需补充材料"
    assert project.stage == "implementation"
    assert project.milestones.get(stage="implementation").reason == "复审通过，直接实施"


# -- the template and the export -------------------------------------------------------------------------------


def download(client, name):
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return b"".join(response.streaming_content)


def test_the_blank_template_imports_as_nothing_and_documents_the_columns(admin_client, home, basics):
    screen = admin_client.get(reverse("spreadsheet_import")).content.decode()
    assert reverse("spreadsheet_template") in screen and "参与力量" in screen and "评估结果公示日期" in screen

    book = openpyxl.load_workbook(io.BytesIO(download(admin_client, "spreadsheet_template")))
    assert book.sheetnames == ["说明", "项目", "资金拨付", "政策"]
    header = [cell.value for cell in book["项目"][1]]
    assert {"项目编号", "参与力量", "征集日期", "评估结果公示日期", "项目详情"} <= set(header)
    assert any("类型：名称" in row[0].value for row in book["说明"].iter_rows())

    # Filled in as an editor would, it imports; the notes sheet is not read as data.
    sheet = book["项目"]
    row = dict.fromkeys(header)
    row.update(
        {
            "项目编号": "GD-2024-001",
            "项目名称": "大板桥街道儿童之家",
            "预算": 80000,
            "阶段": "征集",
            "购买部门": "官渡区妇联",
            "承接组织": "昆明市官渡区同心社会工作服务中心",
            "街道": "关上街道",
            "参与力量": "居民自组织：大板桥妈妈互助会",
            "征集日期": datetime.date(2024, 1, 8),
        }
    )
    sheet.append([row[name] for name in header])
    out = io.BytesIO()
    book.save(out)
    import_through_admin(admin_client, out.getvalue())
    project = ProjectPage.objects.get(code="GD-2024-001")
    assert project.participants.get().name == "大板桥妈妈互助会" and project.milestones.get().stage == "call"


def test_exported_projects_import_back_unchanged_and_an_edited_cell_comes_through(admin_client, home, basics):
    other_row = lifecycle_row("GD-2023-020", title="双桥社区青少年成长驿站")
    other_row[5], other_row[6] = "双桥街道", "双桥社区"
    import_through_admin(admin_client, workbook([lifecycle_row(), other_row], headers=LIFECYCLE_HEADERS))
    first = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    change_stage(first, "publicity", datetime.date(2023, 3, 10), "补充公示", admin_client.user)
    draft = first.get_latest_revision_as_object()
    draft.body = [("heading", "服务内容"), ("paragraph", "<p>每周上门探访。</p>")]
    draft.save_revision().publish()
    before = {p.code: (p.latest_revision_id, str(p.body)) for p in ProjectPage.objects.all()}

    exported = download(admin_client, "spreadsheet_export")
    page = upload(admin_client, exported, name="服务项目.xlsx")
    assert "projects: 新建 0，更新 0，未变 2" in page

    book = openpyxl.load_workbook(io.BytesIO(exported))
    sheet = book["项目"]
    header = [cell.value for cell in sheet[1]]
    assert "项目详情" not in header
    sheet.cell(2, header.index("实施日期") + 1).value = datetime.date(2023, 3, 20)
    sheet.cell(2, header.index("参与力量") + 1).value = "志愿者队伍：关上社区志愿者服务队"
    out = io.BytesIO()
    book.save(out)
    import_through_admin(admin_client, out.getvalue())

    first = ProjectPage.objects.get(code=GOOD_PROJECT[0])
    assert [p.name for p in first.participants.all()] == ["关上社区志愿者服务队"]
    assert first.timeline()[3]["reached_on"] == datetime.date(2023, 3, 20)
    assert str(first.body) == before[first.code][1]  # the body the sheet did not carry is kept
    assert first.milestones.get(reason="补充公示").reached_on == datetime.date(2023, 3, 10)
    other = ProjectPage.objects.get(code="GD-2023-020")
    assert other.latest_revision_id == before[other.code][0]


def test_template_and_export_are_closed_to_staff_without_import_rights(client, django_user_model, home, basics):
    user = django_user_model.objects.create_user("staff", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    for name in ("spreadsheet_template", "spreadsheet_export"):
        assert client.get(reverse(name)).status_code in (302, 403)


# -- the dry run leaves no trace: over the real Elasticsearch protocol, a real webhook receiver, mail and files ---


def indexed_titles(es_url, title):
    client = Elasticsearch(es_url)
    client.indices.refresh(index=elastic.alias_name())
    return client.count(index=elastic.alias_name(), query={"match_phrase": {"title": title}})["count"]


def media_files(settings):
    return sorted(str(path) for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file())


@pytest.mark.elasticsearch
def test_the_dry_run_leaves_no_trace_and_the_import_reaches_search_and_subscribers(
    transactional_db,
    es,  # noqa: F811 - the fixture imported above
    admin_client,
    home,
    basics,
    mailoutbox,
    settings,
):
    """Committed for real (a transactional test), so whatever escapes the dry run's rollback would show."""
    title = GOOD_PROJECT[1]
    elastic.ensure_index()
    files = media_files(settings)
    with Receiver() as receiver:
        Subscriber.objects.create(name="区政府门户网站", url=receiver.url, secret="s3cret", on_records=False)

        page = upload(admin_client, workbook([lifecycle_row()], [GOOD_POLICY], headers=LIFECYCLE_HEADERS))
        assert "检查通过，尚未写入" in page
        assert not ProjectPage.objects.exists() and not PolicyPage.objects.exists()
        assert not SearchDocument.objects.exists() and not PendingChange.objects.exists()
        assert not Delivery.objects.exists()
        call_command("deliver_webhooks")
        assert receiver.requests == []
        assert indexed_titles(es.url, title) == 0
        results = service.search("独居老人")
        assert results.engine == "elasticsearch" and results.count == 0
        assert mailoutbox == [] and media_files(settings) == files

        admin_client.post(reverse("spreadsheet_import"), {"action": "import"})
        assert indexed_titles(es.url, title) == 1
        assert [hit.title for hit in service.search("独居老人").hits] == [title]
        call_command("deliver_webhooks")
        assert sorted(r["headers"]["X-Shegong-Event"] for r in receiver.requests) == ["page.published"] * 2
