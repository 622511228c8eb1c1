"""Bad input gets a Chinese sentence naming the row or the file, a non-zero exit on the command line and a form
error on the admin screen: never a traceback, never a 500, and nothing written."""

import copy
import datetime
import io
import json

import pytest
from django.core.management import CommandError, call_command

from shegong.pages.models import ProjectPage

from .sheets import one_sheet, upload
from .test_import import DOCUMENT, counts

# Black-listed in the admin (conftest.basics); a row names it slightly differently.
BLACK_LISTED = "昆明市官渡区善行社会工作服务中心"
VARIANT = "昆明市官渡区善行社工服务中心"


def command_error(tmp_path, content):
    path = tmp_path / "bad.json"
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    before = counts()
    with pytest.raises(CommandError) as failure:
        call_command("import_content", str(path))
    assert counts() == before
    return str(failure.value)


def with_project(**changes):
    document = copy.deepcopy(DOCUMENT)
    document["projects"][0].update(changes)
    return json.dumps(document, ensure_ascii=False)


@pytest.mark.parametrize(
    "content, message",
    [
        ('{"projects": [], "projects": []}', "键“projects”出现了两次"),
        ('{"projects": [{"code": "GD-1", "code": "GD-2"}]}', "键“code”出现了两次"),
        ('{"projects": [{"code": "GD-1", "budget": NaN}]}', "不能使用 NaN"),
        ("[" * 100_000 + "]" * 100_000, "嵌套层数过多"),
        ('{"projects": [', "不是有效的 JSON"),
        (b"\xff\xfe{}", "不是 UTF-8 编码"),
    ],
)
def test_a_malformed_file_is_refused_with_a_sentence(home, tmp_path, content, message):
    assert message in command_error(tmp_path, content)


@pytest.mark.parametrize(
    "changes, message",
    [
        ({"budget": "1e26"}, "“budget”过大"),
        ({"budget": 1e26}, "“budget”过大"),
        ({"budget": "NaN"}, "不能为负数或非数字"),
        ({"budget": ["1"]}, "“budget”应为金额"),
        ({"summary": "简介\x00"}, "“summary”含有空字符（NUL）"),
        ({"body": "长" * 3_500_000}, "“body”过长（3500000 字，上限 50000）"),  # 10 MB of UTF-8
        ({"body": "长" * 7_000_000}, "文件超过 20 MB"),
        ({"title": {"zh": "标题"}}, "“title”应为文本"),
        ({"start": 20220301}, "“start”日期格式应为 YYYY-MM-DD"),
        ({"stage": ["call"]}, "“stage”的值 ['call'] 无效"),
        ({"tags": "养老"}, "“tags”应为文本列表"),
        ({"social_worker": "张" * 61}, "“social_worker”过长（61 字，上限 60）"),
    ],
)
def test_a_bad_value_is_a_row_error(home, tmp_path, changes, message):
    text = command_error(tmp_path, with_project(**changes))
    assert message in text
    assert "文件超过" in message or ("projects[0]" in text and "未写入任何数据" in text)


def test_an_organization_credit_code_is_held_to_the_models_length(home, tmp_path):
    document = copy.deepcopy(DOCUMENT)
    document["organizations"][1]["credit_code"] = "9" * 19
    text = command_error(tmp_path, json.dumps(document, ensure_ascii=False))
    assert "organizations[1]" in text and "“credit_code”过长（19 字，上限 18）" in text


def test_unknown_names_are_row_errors_that_suggest_the_closest_with_their_list_status(home, basics, tmp_path):
    row = {
        "code": "GD-2024-001",
        "title": "关上社区儿童服务",
        "stage": "call",
        "budget": "80000",
        "organization": VARIANT,
        "purchaser": "官渡区民证局",
        "street": "关上街道",
        "community": "关上小区",
        "category": "为老服务",
    }
    text = command_error(tmp_path, json.dumps({"projects": [row]}, ensure_ascii=False))
    assert f"未找到承接组织“{VARIANT}”。是否为：{BLACK_LISTED}（黑榜）" in text
    assert "未找到购买部门“官渡区民证局”。是否为：官渡区民政局？" not in text  # one error per row: the first met
    assert not ProjectPage.objects.exists()

    row["organization"] = BLACK_LISTED
    row["start"] = datetime.date.today().isoformat()
    text = command_error(tmp_path, json.dumps({"projects": [row]}, ensure_ascii=False))
    assert "未找到关上街道的社区“关上小区”。是否为：关上社区？" in text

    row["community"] = "关上社区"
    text = command_error(tmp_path, json.dumps({"projects": [row]}, ensure_ascii=False))
    assert "未找到购买部门“官渡区民证局”。是否为：官渡区民政局？" in text

    # Resolved, the organization meets the black-list rule.
    row["purchaser"] = "官渡区民政局"
    text = command_error(tmp_path, json.dumps({"projects": [row]}, ensure_ascii=False))
    assert f"“{BLACK_LISTED}”已列入黑榜" in text


def test_an_organization_is_found_by_its_credit_code(home, basics, tmp_path):
    organization = basics["organizations"][0]
    row = {
        "code": "GD-2024-002",
        "title": "关上社区儿童服务",
        "stage": "call",
        "budget": "80000",
        "organization_credit_code": organization.credit_code,
        "purchaser": "官渡区民政局",
        "street": "关上街道",
    }
    path = tmp_path / "by-code.json"
    path.write_text(json.dumps({"projects": [row]}, ensure_ascii=False), encoding="utf-8")
    call_command("import_content", str(path), stdout=io.StringIO())
    assert ProjectPage.objects.get(code="GD-2024-002").organization == organization


# -- the admin screen -------------------------------------------------------------------------------------------

HEADERS = ["项目编号", "项目名称", "承接组织", "预算", "阶段", "项目简介"]


def sheet(*rows):
    return one_sheet(HEADERS, rows)


@pytest.mark.parametrize(
    "cells, message",
    [
        (["GD-1", "项目", "", 1e26, "征集", ""], "“预算”过大"),
        (["GD-1", "项目", "", "NaN", "征集", ""], "“预算”不能为负数或非数字"),
        (["GD-1", "项目", "", float("nan"), "征集", ""], "“预算”应为金额"),  # Excel keeps no NaN: an empty cell
        (["GD-1", "项目", VARIANT, 1000, "征集", ""], f"是否为：{BLACK_LISTED}（黑榜）"),
        (["GD-1", "项目" * 200, "", 1000, "征集", ""], "“项目名称”过长（400 字，上限 255）"),
    ],
)
def test_the_admin_screen_shows_bad_cells_as_errors_not_a_500(admin_client, basics, cells, message):
    page = upload(admin_client, sheet(cells))
    assert "项目 第 2 行" in page and message in page and "未写入任何数据" in page
    assert not ProjectPage.objects.exists()


def test_the_admin_screen_refuses_a_nul_in_a_csv_and_an_oversized_file(admin_client, basics):
    page = upload(admin_client, "项目编号,项目名称,预算,阶段\nGD-1,项目\x00,1000,征集\n".encode(), name="p.csv")
    assert "“项目名称”含有空字符（NUL）" in page
    # Longer than an Excel cell holds, so only a CSV can bring it.
    page = upload(
        admin_client,
        f"项目编号,项目名称,预算,阶段,项目简介\nGD-1,项目,1000,征集,{'长' * 60_000}\n".encode(),
        name="p.csv",
    )
    assert "项目 第 2 行" in page and "“项目简介”过长（60000 字，上限 50000）" in page
    page = upload(admin_client, b"x" * (5 * 1024 * 1024 + 1), name="p.csv")
    assert "文件超过 5 MB" in page
