"""`load_demo`, which `scripts/demo` runs at every start, fills an empty database with the seed's story at the seed's
scale and never touches what an editor changed afterwards.

Loading the whole demo takes a while: one test loads it (and once more, to check a re-run); the others load the
hand-written story only (`--story-only`).
"""

import datetime
import io
import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command

from shegong.funds.models import Disbursement
from shegong.lifecycle.transitions import change_stage
from shegong.pages.models import ProjectPage
from shegong.snippets.models import SocialOrganization

REPO = Path(__file__).resolve().parents[2]


def load_demo(*args):
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def test_rerunning_load_demo_leaves_every_editor_change_alone(home, django_user_model):
    load_demo("--story-only")
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    edited, unpublished, moved = ProjectPage.objects.live().order_by("code")[:3]
    draft = edited.get_latest_revision_as_object()
    draft.summary = "编辑改写的项目简介。"
    draft.save_revision(user=editor).publish(user=editor)
    unpublished.unpublish(user=editor)
    stage = "review" if moved.stage != "review" else "call"
    change_stage(moved, stage, datetime.date(2024, 5, 1), "复核材料，退回重审", editor)
    organization = SocialOrganization.objects.order_by("name").first()
    organization.description = "编辑补充的机构简介。"
    organization.save()
    before = {p.code: (p.latest_revision_id, p.live, p.stage) for p in ProjectPage.objects.all()}

    output = load_demo("--story-only")

    assert "projects: 新建 0" in output and "演示图片：" in output
    assert {p.code: (p.latest_revision_id, p.live, p.stage) for p in ProjectPage.objects.all()} == before
    assert ProjectPage.objects.get(pk=edited.pk).summary == "编辑改写的项目简介。"
    assert not ProjectPage.objects.get(pk=unpublished.pk).live
    assert ProjectPage.objects.get(pk=moved.pk).stage == stage
    assert SocialOrganization.objects.get(pk=organization.pk).description == "编辑补充的机构简介。"

    # A record the editor deleted (its payments first: they protect it) comes back: the demo only fills in what
    # is missing.
    Disbursement.objects.filter(project=edited).delete()
    ProjectPage.objects.get(pk=edited.pk).delete()
    assert "projects: 新建 1" in load_demo("--story-only")


def test_scripts_demo_restart_keeps_an_unpublished_project_offline(tmp_path):
    """The real `shegong` executable, as scripts/demo runs it, twice, on a database of its own."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'demo.sqlite3'}",
        "DJANGO_SETTINGS_MODULE": "shegong.settings.test",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    shegong = [sys.executable, "-m", "shegong.cli"]

    def run(*args):
        return subprocess.run([*shegong, *args], env=env, cwd=REPO, capture_output=True, text=True, check=True).stdout

    run("migrate", "-v0")
    run("load_demo", "--admin", "--story-only")
    run(
        "shell",
        "--no-imports",
        "-c",
        "from shegong.pages.models import ProjectPage; ProjectPage.objects.get(code='GD-2017-001').unpublish()",
    )
    second = run("load_demo", "--admin", "--story-only")
    assert "projects: 新建 0，更新 0，未变 83" in second
    live = run(
        "shell",
        "--no-imports",
        "-c",
        "from shegong.pages.models import ProjectPage; print(ProjectPage.objects.get(code='GD-2017-001').live)",
    )
    assert live.strip() == "False"
