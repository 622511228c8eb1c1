"""Re-importing a file after editors worked in the admin: their work stays unless the import is told to overwrite,
and then it is a new revision by the importing user, marked as an import in the history."""

import copy
import datetime
import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.log_actions import registry
from wagtail.models import PageLogEntry

from shegong.lifecycle.transitions import change_stage
from shegong.pages.models import ProjectPage

from .test_import import DOCUMENT, write

CODE = "GD-2022-001"


def run(*args):
    out = io.StringIO()
    call_command("import_content", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def imported(home, tmp_path, django_user_model):
    path = write(tmp_path, DOCUMENT)
    run(path)
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    return path, editor


def edit_summary(project, editor, summary):
    draft = project.get_latest_revision_as_object()
    draft.summary = summary
    draft.save_revision(user=editor).publish(user=editor)


def test_reimport_after_admin_edits_keeps_them_and_names_each_conflict(imported):
    path, editor = imported
    project = ProjectPage.objects.get(code=CODE)
    edit_summary(project, editor, "编辑改写的项目简介。")
    change_stage(ProjectPage.objects.get(code=CODE), "evaluation", datetime.date(2023, 2, 20), "", editor)
    other = ProjectPage.objects.get(code="GD-2022-002")
    other.unpublish(user=editor)
    revisions = {p.code: p.latest_revision_id for p in ProjectPage.objects.all()}

    output = run(path)

    assert (
        "冲突，保留后台的值" in output
        and "“summary” 编辑改写的项目简介。（后台）≠ 为独居老人提供探访服务。（文件）" in output
    )
    assert "“stage” 项目评估（后台）≠ 项目实施（文件）" in output
    assert "projects: 新建 0，更新 0，未变 1，冲突 1" in output
    project = ProjectPage.objects.get(code=CODE)
    assert (project.summary, project.stage) == ("编辑改写的项目简介。", "evaluation")
    assert not ProjectPage.objects.get(code="GD-2022-002").live
    assert {p.code: p.latest_revision_id for p in ProjectPage.objects.all()} == revisions


def test_overwrite_applies_the_file_as_a_revision_by_the_named_user_with_an_import_entry(imported, tmp_path):
    path, editor = imported
    edit_summary(ProjectPage.objects.get(code=CODE), editor, "编辑改写的项目简介。")

    run(path, "--overwrite", "--user", "editor")

    project = ProjectPage.objects.get(code=CODE)
    assert project.summary == "为独居老人提供探访服务。" and project.live
    assert project.latest_revision.user == editor
    entry = PageLogEntry.objects.filter(page=project, action="shegong.import").latest("timestamp")
    assert entry.user == editor and entry.data["file"] == "content.json" and entry.data["fields"] == ["summary"]
    assert registry.get_action_label(entry.action) == "导入" and "content.json" in entry.message


@pytest.mark.usefixtures("imported")
def test_a_stage_from_a_file_goes_through_the_stage_change_and_never_back_without_a_reason(tmp_path):
    back = copy.deepcopy(DOCUMENT)
    back["projects"][0]["stage"] = "review"
    with pytest.raises(CommandError) as failure:
        run(write(tmp_path, back))
    assert "从“项目实施”退回至“路演评审”须填写理由" in str(failure.value) and "stage_reason" in str(failure.value)
    assert ProjectPage.objects.get(code=CODE).stage == "implementation"

    forward = copy.deepcopy(DOCUMENT)
    forward["projects"][0]["stage"] = "evaluation"
    forward["projects"][0]["stage_dates"]["evaluation"] = "2023-02-20"
    run(write(tmp_path, forward))
    project = ProjectPage.objects.get(code=CODE)
    assert project.stage == "evaluation" and project.live
    assert project.timeline()[4]["reached_on"] == datetime.date(2023, 2, 20)
    entry = PageLogEntry.objects.filter(page=project, action="shegong.change_stage").get()
    assert entry.data["to"] == "项目评估" and entry.user.username == "system-import"


def test_a_draft_stays_a_draft_and_a_pending_draft_is_not_published(imported, tmp_path, client):
    _, editor = imported
    project = ProjectPage.objects.get(code=CODE)
    draft = project.get_latest_revision_as_object()
    draft.title = "编辑尚未发布的新标题"
    draft.save_revision(user=editor)
    other = ProjectPage.objects.get(code="GD-2022-002")
    other.unpublish(user=editor)

    changed = copy.deepcopy(DOCUMENT)
    changed["projects"][0]["budget"] = "210000.00"
    changed["projects"][1]["budget"] = "90000.00"
    output = run(write(tmp_path, changed))

    assert "“budget” 198000.00 → 210000.00" in output
    project = ProjectPage.objects.get(code=CODE)
    assert project.title == "关上社区“五社联动”为老服务项目" and str(project.budget) == "198000.00"
    latest = project.get_latest_revision_as_object()
    assert latest.title == "编辑尚未发布的新标题" and str(latest.budget) == "210000.00"
    other = ProjectPage.objects.get(code="GD-2022-002")
    assert not other.live and str(other.get_latest_revision_as_object().budget) == "90000.00"
    assert client.get(other.url or "/projects/gd-2022-002/").status_code == 404


def test_an_unknown_user_is_refused_before_anything_is_read_into_the_site(imported):
    path, _ = imported
    with pytest.raises(CommandError, match="用户“nobody”不存在或已停用"):
        run(path, "--user", "nobody")
