"""The dry run lists every change, and the import then does exactly that; an export imports back unchanged, drafts
stay drafts, pages taken offline stay offline, and text that looks like a formula comes back as typed."""

import copy
import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from shegong.imports.importer import ContentImporter
from shegong.pages.models import ProjectPage
from tests.factories import ProjectPageFactory

from .test_import import DOCUMENT, write


def run(*args):
    out = io.StringIO()
    call_command("import_content", *args, stdout=out)
    return out.getvalue()


def test_the_dry_run_names_each_row_and_field_and_the_import_does_exactly_that(home, tmp_path):
    run(write(tmp_path, DOCUMENT))
    changed = copy.deepcopy(DOCUMENT)
    changed["projects"][0]["budget"] = "210000.00"
    changed["projects"][0]["summary"] = "为独居老人提供探访和助餐服务。"
    changed["policies"].append({**changed["policies"][0], "document_number": "民发〔2022〕1号", "title": "新政策"})
    path = write(tmp_path, changed)

    planned = run(path, "--dry-run")
    assert (
        "projects[0]（关上社区“五社联动”为老服务项目）：更新 “budget” 198000.00 → 210000.00；“summary” 为独居老人提供探访服务。 → 为独居老人提供探访和助餐服务。"
        in planned
    )
    assert "policies[1]（新政策）：新建并发布" in planned
    assert "policies: 新建 1，更新 0，未变 1" in planned and "未写入任何数据" in planned
    assert str(ProjectPage.objects.get(code="GD-2022-001").budget) == "198000.00"

    dry = ContentImporter().run(changed, dry_run=True).plan()
    applied = ContentImporter().run(changed).plan()
    assert applied == dry
    assert run(path).splitlines()[:-1] != planned.splitlines()[:-1]  # the second run finds nothing left to do
    assert str(ProjectPage.objects.get(code="GD-2022-001").budget) == "210000.00"


def download_export(client):
    response = client.get(reverse("spreadsheet_export"))
    return b"".join(response.streaming_content)


def upload(client, data):
    return client.post(
        reverse("spreadsheet_import"), {"action": "check", "file": SimpleUploadedFile("服务项目.xlsx", data)}
    ).content.decode()


@pytest.mark.django_db
def test_an_export_imports_back_with_drafts_and_offline_pages_as_they_were(admin_client, home, basics):
    live = ProjectPageFactory(code="GD-2024-101", title='=HYPERLINK("http://x")关上社区项目', summary="-5 岁以下儿童")
    draft = ProjectPageFactory(code="GD-2024-102", live=False)
    offline = ProjectPageFactory(code="GD-2024-103")
    for page in (live, draft, offline):
        revision = page.save_revision()
        if page.live:
            revision.publish()
    offline.refresh_from_db()
    offline.unpublish()
    pending = ProjectPage.objects.get(pk=live.pk).get_latest_revision_as_object()
    pending.summary = "-5 岁以下儿童（待发布的修改）"
    pending.save_revision()
    states = {p.code: (p.live, p.has_unpublished_changes, p.latest_revision_id) for p in ProjectPage.objects.all()}

    exported = download_export(admin_client)
    sheet = openpyxl.load_workbook(io.BytesIO(exported))["项目"]
    header = [cell.value for cell in sheet[1]]
    rows = {row[0]: dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert [rows[code]["发布状态"] for code in ("GD-2024-101", "GD-2024-102", "GD-2024-103")] == [
        "已发布",
        "草稿",
        "已下线",
    ]
    assert rows["GD-2024-101"]["项目名称"].startswith("'=HYPERLINK")
    assert rows["GD-2024-101"]["项目简介"] == "'-5 岁以下儿童（待发布的修改）"

    page = upload(admin_client, exported)
    assert "projects: 新建 0，更新 0，未变 3" in page
    admin_client.post(reverse("spreadsheet_import"), {"action": "import"})
    assert {
        p.code: (p.live, p.has_unpublished_changes, p.latest_revision_id) for p in ProjectPage.objects.all()
    } == states
    assert ProjectPage.objects.get(code="GD-2024-101").title.startswith("=HYPERLINK")

    # Marked 已发布 in the sheet, a draft is still not published: that is the admin's to do.
    sheet_book = openpyxl.load_workbook(io.BytesIO(exported))
    cells = sheet_book["项目"]
    cells.cell(
        [r[0].value for r in cells.iter_rows()].index("GD-2024-102") + 1, header.index("发布状态") + 1
    ).value = "已发布"
    out = io.BytesIO()
    sheet_book.save(out)
    page = upload(admin_client, out.getvalue())
    assert "冲突，保留后台的值：“发布状态” 草稿（后台）≠ 已发布（文件）" in page
    admin_client.post(reverse("spreadsheet_import"), {"action": "import"})
    assert not ProjectPage.objects.get(code="GD-2024-102").live
