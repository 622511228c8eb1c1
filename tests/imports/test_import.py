"""`shegong import_content`: good files load, repeats change nothing, bad rows write nothing."""

import copy
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page, Revision

from shegong.pages.models import NoticePage, PolicyPage, ProjectPage
from shegong.snippets.models import Department, Region, SocialOrganization

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "fixtures" / "demo.json"

DOCUMENT = {
    "departments": [{"name": "官渡区民政局", "short_name": "区民政局"}, {"name": "团区委", "short_name": ""}],
    "categories": [{"name": "为老服务"}, {"name": "儿童关爱"}],
    "regions": [
        {"name": "官渡区", "level": "district", "parent": None},
        {"name": "关上街道", "level": "street", "parent": "官渡区"},
        {"name": "关上社区", "level": "community", "parent": "关上街道"},
        {"name": "新设街道", "level": "street", "parent": "官渡区"},
        {"name": "新设社区", "level": "community", "parent": "新设街道"},
    ],
    "organizations": [
        {
            "name": "昆明市官渡区心航社会工作服务中心",
            "credit_code": "91350100M000100Y43",
            "rating": "4A",
            "list": "red",
            "list_reason": "项目执行优秀",
            "listed_on": "2023-01-10",
            "list_until": "2024-01-09",
        },
        {
            "name": "昆明市官渡区启明社会工作服务中心",
            "credit_code": "",
            "rating": None,
            "list": None,
            "list_reason": "",
            "listed_on": None,
            "list_until": None,
        },
        {"name": "新设社工机构"},
    ],
    "policies": [
        {
            "title": "关于加快推进乡镇（街道）社会工作服务站建设的通知",
            "document_number": "民发〔2021〕6号",
            "level": "central",
            "issuer": "民政部",
            "issued_on": "2021-01-20",
            "effective_on": "2021-01-20",
            "status": "valid",
            "body": "第一条 推进社工站建设。\n\n第二条 服务困难群众。",
        },
    ],
    "projects": [
        {
            "code": "GD-2022-001",
            "title": "关上社区“五社联动”为老服务项目",
            "category": "为老服务",
            "purchaser": "官渡区民政局",
            "organization": "昆明市官渡区心航社会工作服务中心",
            "street": "关上街道",
            "community": "关上社区",
            "budget": "198000.00",
            "start": "2022-03-01",
            "end": "2023-02-28",
            "stage": "implementation",
            "summary": "为独居老人提供探访服务。",
            "body": "第一段。\n\n第二段。",
            "tags": ["养老"],
            "stage_dates": {
                "call": "2022-01-05",
                "review": "2022-01-20",
                "publicity": "2022-02-01",
                "implementation": "2022-03-01",
            },
            "participants": [{"name": "关上社区志愿者服务队", "kind": "volunteers"}],
        },
        {
            "code": "GD-2022-002",
            "title": "新设街道儿童关爱项目",
            "category": "儿童关爱",
            "purchaser": "团区委",
            "organization": "新设社工机构",
            "street": "新设街道",
            "community": "新设社区",
            "budget": "80000",
            "start": "2022-04-01",
            "end": "2023-03-31",
            "stage": "call",
            "summary": "",
            "body": "",
        },
    ],
    "notices": [
        {
            "title": "2022年社会工作服务项目立项公示",
            "kind": "approval_publicity",
            "published_on": "2022-02-01",
            "publicity_until": "2022-02-08",
            "projects": ["GD-2022-001"],
            "body": "现将立项项目予以公示。",
        },
    ],
}


def counts():
    return {
        model.__name__: model.objects.count()
        for model in [Department, Region, SocialOrganization, ProjectPage, PolicyPage, NoticePage, Page, Revision]
    }


def write(tmp_path, document):
    path = tmp_path / "content.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_a_good_file_creates_published_pages_and_snippets(home, tmp_path):
    call_command("import_content", write(tmp_path, DOCUMENT), stdout=open(os.devnull, "w"))

    project = ProjectPage.objects.get(code="GD-2022-001")
    assert project.live and project.url == "/projects/gd-2022-001/"
    assert project.organization.name == "昆明市官渡区心航社会工作服务中心"
    assert project.community.parent == project.street == Region.objects.get(name="关上街道")
    assert [m["reached_on"] is not None for m in project.timeline()] == [True, True, True, True, False, False]
    assert [p.name for p in project.participants.all()] == ["关上社区志愿者服务队"]
    assert [t.name for t in project.tags.all()] == ["养老"]
    # Departments, organizations and regions declared in the file's own lists.
    created = ProjectPage.objects.get(code="GD-2022-002")
    assert created.purchaser.name == "团区委" and created.community.parent.name == "新设街道"
    assert created.street.parent.name == "官渡区"

    notice = NoticePage.objects.get()
    assert [link.project for link in notice.related_projects.all()] == [project]
    assert PolicyPage.objects.get().document_number == "民发〔2021〕6号"
    assert SocialOrganization.objects.get(name__contains="心航").listing_in_force(project.start_date) == ""


def test_importing_the_same_file_twice_changes_nothing(home, tmp_path):
    path = write(tmp_path, DOCUMENT)
    call_command("import_content", path, stdout=open(os.devnull, "w"))
    before = counts()
    call_command("import_content", path, stdout=open(os.devnull, "w"))
    assert counts() == before


def test_a_changed_row_updates_its_page_with_a_new_revision(home, tmp_path):
    call_command("import_content", write(tmp_path, DOCUMENT), stdout=open(os.devnull, "w"))
    changed = copy.deepcopy(DOCUMENT)
    changed["projects"][0]["budget"] = "210000.00"
    changed["projects"][0]["body"] = "新的项目详情。"
    revisions = Revision.objects.count()
    call_command("import_content", write(tmp_path, changed), stdout=open(os.devnull, "w"))

    project = ProjectPage.objects.get(code="GD-2022-001")
    assert str(project.budget) == "210000.00"
    assert "新的项目详情" in str(project.body) and "第一段" not in str(project.body)
    assert Revision.objects.count() == revisions + 1
    assert ProjectPage.objects.count() == 2


@pytest.mark.parametrize(
    "section, index, field, value, message",
    [
        ("policies", 0, "level", "county", "“level”的值 'county' 无效"),
        ("projects", 1, "stage", "finished", "“stage”的值 'finished' 无效"),
        ("projects", 0, "start", "2022/03/01", "日期格式应为 YYYY-MM-DD"),
        ("projects", 0, "budget", "十万元", "应为金额"),
        ("projects", 0, "budget", "-5", "不能为负数"),
        ("projects", 1, "title", "", "缺少“title”"),
        ("notices", 0, "projects", ["GD-1999-404"], "项目编号“GD-1999-404”不存在"),
        ("organizations", 0, "credit_code", "91350100M000100Y44", "校验码不正确"),
        ("projects", 0, "end", "2021-01-01", "服务期结束日期不能早于开始日期"),
    ],
)
def test_a_bad_row_is_named_and_nothing_is_written(home, tmp_path, section, index, field, value, message):
    document = copy.deepcopy(DOCUMENT)
    document[section][index][field] = value
    before = counts()
    with pytest.raises(CommandError) as error:
        call_command("import_content", write(tmp_path, document))
    text = str(error.value)
    assert f"{section}[{index}]" in text and message in text
    assert "未写入任何数据" in text
    assert counts() == before


def test_unreadable_files_get_a_sentence(home, tmp_path):
    broken = tmp_path / "broken.json"
    broken.write_text('{"projects": [', encoding="utf-8")
    with pytest.raises(CommandError, match="不是有效的 JSON：第 1 行"):
        call_command("import_content", str(broken))
    with pytest.raises(CommandError, match="找不到文件"):
        call_command("import_content", str(tmp_path / "missing.json"))


def test_the_command_line_exits_non_zero_with_the_row_named(tmp_path):
    """The real `shegong` executable, on a database of its own."""
    document = copy.deepcopy(DOCUMENT)
    document["projects"][0]["stage"] = "done"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "shegong.settings.test",
    }
    shegong = [sys.executable, "-m", "shegong.cli"]
    subprocess.run([*shegong, "migrate", "-v0"], env=env, check=True, cwd=REPO)
    result = subprocess.run(
        [*shegong, "import_content", write(tmp_path, document)], env=env, capture_output=True, text=True, cwd=REPO
    )
    assert result.returncode != 0
    assert "projects[0]" in result.stderr and "stage" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(not DEMO.exists(), reason="fixtures/demo.json is not there")
def test_the_demo_content_loads_and_reloads_unchanged(home):
    call_command("import_content", str(DEMO), stdout=open(os.devnull, "w"))
    before = counts()
    assert before["ProjectPage"] >= 60 and before["PolicyPage"] >= 12 and before["NoticePage"] >= 10
    projects_2022 = ProjectPage.objects.filter(start_date__year=2022)
    assert projects_2022.count() >= 30
    total = sum(p.budget for p in projects_2022)
    assert 5_900_000 <= total < 6_000_000
    assert set(PolicyPage.objects.values_list("level", flat=True)) == {"central", "provincial", "municipal", "district"}
    call_command("import_content", str(DEMO), stdout=open(os.devnull, "w"))
    assert counts() == before
