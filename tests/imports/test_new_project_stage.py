"""A project a file creates starts at 项目征集, as one added in the admin does, unless the file records a past
year's project at the stage it reached, with the date it reached it."""

import copy
import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectPage

from .test_import import DOCUMENT, write


def document_with(**project):
    document = copy.deepcopy(DOCUMENT)
    row = document["projects"][0]
    for key in ("stage", "stage_dates"):
        row.pop(key, None)
    row.update(project)
    document["projects"] = [row]
    document["notices"] = []
    return document, row["code"]


def test_a_later_stage_without_its_date_is_a_row_error_and_nothing_is_written(home, tmp_path):
    document, code = document_with(stage="implementation")

    with pytest.raises(CommandError):
        call_command("import_content", write(tmp_path, document), stdout=io.StringIO())

    assert not ProjectPage.objects.filter(code=code).exists()


def test_the_error_names_the_row_and_what_to_add(home, tmp_path):
    document, _ = document_with(stage="implementation")
    with pytest.raises(CommandError) as failure:
        call_command("import_content", write(tmp_path, document), stdout=io.StringIO())
    message = str(failure.value)
    assert "projects[0]" in message, message
    assert "项目实施" in message and "stage_dates" in message, message


def test_a_past_years_project_starts_at_the_stage_the_file_dates(home, tmp_path):
    document, code = document_with(stage="implementation", stage_dates={"implementation": "2022-03-01"})

    call_command("import_content", write(tmp_path, document), stdout=io.StringIO())

    project = ProjectPage.objects.get(code=code)
    assert project.stage == ProjectStage.IMPLEMENTATION
    assert [(m.stage, m.reached_on.isoformat()) for m in project.milestones.all() if m.stage != "call"] == [
        ("implementation", "2022-03-01")
    ]


def test_a_project_without_a_stage_starts_at_the_call_dated_today(home, tmp_path):
    document, code = document_with()

    call_command("import_content", write(tmp_path, document), stdout=io.StringIO())

    project = ProjectPage.objects.get(code=code)
    assert project.stage == ProjectStage.CALL
    assert [(m.stage, m.reached_on) for m in project.milestones.all()] == [("call", timezone.localdate())]
