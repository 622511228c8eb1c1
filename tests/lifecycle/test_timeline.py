"""The public timeline ticks a stage as done only with the date it was reached."""

import datetime
import re

import pytest

from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectMilestone
from tests.factories import ProjectPageFactory

pytestmark = pytest.mark.django_db


def steps(client, project):
    """(stage, state, date text) of each step of the 项目进程 list, as a reader sees it."""
    html = client.get(project.url).content.decode()
    found = re.findall(
        r'timeline__step--(\w+)".*?timeline__stage">([^<]+)</span>\s*<span class="timeline__date">([^<]+)</span>',
        html,
        re.S,
    )
    return [(stage, state, date) for state, stage, date in found]


def test_stages_without_a_date_are_not_shown_as_done(client, home):
    """A project recorded at 项目实施 with no dates (entered before the stages were dated) claims nothing."""
    project = ProjectPageFactory(stage=ProjectStage.IMPLEMENTATION)
    assert steps(client, project) == [
        ("项目征集", "missed", "未经历此阶段"),
        ("路演评审", "missed", "未经历此阶段"),
        ("立项公示", "missed", "未经历此阶段"),
        ("项目实施", "current", "未记录日期"),
        ("项目评估", "todo", "尚未开始"),
        ("评估结果公示", "todo", "尚未开始"),
    ]
    api = client.get(f"/api/v2/projects/{project.pk}/").json()["timeline"]
    assert [step["reached_on"] for step in api] == [None] * 6


def test_a_skipped_stage_is_not_ticked(client, home):
    project = ProjectPageFactory(stage=ProjectStage.PUBLICITY)
    for stage, day in [("call", datetime.date(2024, 1, 5)), ("publicity", datetime.date(2024, 3, 1))]:
        ProjectMilestone.objects.create(page=project, stage=stage, reached_on=day, reason="评审会取消，经领导小组同意")
    shown = steps(client, project)
    assert shown[0] == ("项目征集", "done", "2024年1月5日")
    assert shown[1] == ("路演评审", "missed", "未经历此阶段")
    assert shown[2] == ("立项公示", "current", "2024年3月1日")
