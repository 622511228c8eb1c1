"""An editor records evaluation results, drafts the 评估结果公示 from them, and the grades go public with it."""

import pytest
from django.urls import reverse
from wagtail.models import PageViewRestriction

from shegong.evaluations.models import Evaluation
from shegong.lifecycle.publicity import RESULT_COLUMNS
from shegong.pages.enums import NoticeKind, ProjectStage
from shegong.pages.models import NoticePage
from tests.admin_forms import post_form
from tests.factories import EvaluationFactory, ProjectPageFactory
from tests.lifecycle.test_stage_changes import change

from .queue import work_queue

pytestmark = pytest.mark.django_db

ADD_URL = "wagtailsnippets_evaluations_evaluation:add"


def record(admin_client, project, **fields):
    values = {
        "project": project.pk,
        "kind": "final",
        "agency": "云南省社会工作评估中心",
        "evaluated_on": "2023-03-10",
        "score": "88.50",
        "grade": "good",
        "findings": "服务台账完整，居民满意度高。",
    }
    values.update(fields)
    return post_form(admin_client, reverse(ADD_URL), **values)


def draft_notice(admin_client):
    response = admin_client.post(reverse("evaluations_draft_notice"))
    assert response.status_code == 302
    return NoticePage.objects.get(kind=NoticeKind.EVALUATION_PUBLICITY)


def table_rows(notice):
    tables = [block.value for block in notice.get_latest_revision_as_object().body if block.block_type == "table"]
    assert len(tables) == 1
    return tables[0]["data"]


def api_grade(client, project):
    data = client.get(f"/api/v2/pages/{project.pk}/").json()
    return data["grade"], data["grade_label"]


def test_an_editor_records_a_result_and_drafts_the_notice_as_a_table(admin_client, home):
    project = ProjectPageFactory(title="关上社区时间银行项目", code="GD-2023-101", organization__name="同心社工中心")
    assert record(admin_client, project).status_code == 302
    evaluation = Evaluation.objects.get()
    assert (evaluation.project, evaluation.grade, str(evaluation.score)) == (project.specific, "good", "88.50")

    notice = draft_notice(admin_client)
    assert not notice.live and notice.publicity_until > notice.published_on
    assert table_rows(notice) == [
        RESULT_COLUMNS,
        ["关上社区时间银行项目", "GD-2023-101", "同心社工中心", "终期评估", "云南省社会工作评估中心", "88.50", "良好"],
    ]
    evaluation.refresh_from_db()
    assert evaluation.notice_id == notice.pk

    # Nothing is left to draft: a second press says so instead of making an empty notice.
    again = admin_client.post(reverse("evaluations_draft_notice"), follow=True)
    assert "没有待公示的评估结果" in again.content.decode()
    assert NoticePage.objects.filter(kind=NoticeKind.EVALUATION_PUBLICITY).count() == 1


def test_a_score_outside_0_to_100_is_a_form_error(admin_client, home):
    project = ProjectPageFactory()
    response = record(admin_client, project, score="120")
    assert response.status_code == 200 and "100" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_entering_the_result_stage_drafts_the_notice_with_the_projects_results(admin_client, home):
    project = ProjectPageFactory(stage=ProjectStage.EVALUATION, organization__name="益众社工中心")
    EvaluationFactory(project=project, kind="midterm", score="78.00", grade="pass", agency="第三方评估所")
    change(admin_client, project, "result", "2024-03-01")
    notice = NoticePage.objects.get(related_projects__project=project)
    assert table_rows(notice)[1] == [
        project.title,
        project.code,
        "益众社工中心",
        "中期评估",
        "第三方评估所",
        "78.00",
        "合格",
    ]
    assert project.evaluations.get().notice == notice


def test_the_grade_is_public_only_once_its_notice_is_published(admin_client, home, client):
    project = ProjectPageFactory()
    EvaluationFactory(project=project, grade="excellent", score="95.00")
    assert "project-evaluation" not in client.get(project.url).content.decode()
    assert api_grade(client, project) == (None, None)

    notice = draft_notice(admin_client)  # drafted, not yet published
    assert "project-evaluation" not in client.get(project.url).content.decode()
    assert api_grade(client, project) == (None, None)
    listing = client.get("/api/v2/pages/", {"type": "pages.ProjectPage", "fields": "grade,grade_label"}).json()
    assert [item["grade"] for item in listing["items"]] == [None]

    notice.get_latest_revision().publish(user=admin_client.user)
    page = client.get(project.url).content.decode()
    assert "project-evaluation" in page and "优秀" in page and notice.title in page
    assert api_grade(client, project) == ("excellent", "优秀")
    listing = client.get("/api/v2/pages/", {"type": "pages.ProjectPage", "fields": "grade,grade_label"}).json()
    assert [(item["grade"], item["grade_label"]) for item in listing["items"]] == [("excellent", "优秀")]
    notice_page = client.get(notice.url).content.decode()
    assert "云南省社会工作评估中心" in notice_page and "95.00" in notice_page

    # A notice put behind a password, or unpublished, takes the grade with it.
    restriction = PageViewRestriction.objects.create(page=notice, restriction_type="password", password="x")
    assert api_grade(client, project) == (None, None)
    restriction.delete()
    notice.refresh_from_db()
    notice.unpublish()
    assert "project-evaluation" not in client.get(project.url).content.decode()
    assert api_grade(client, project) == (None, None)


def test_work_queue_counts_results_not_yet_published(admin_client, home):
    EvaluationFactory.create_batch(2)
    assert work_queue(admin_client.user)["待公示的评估结果"][0] == 2
    assert admin_client.get(work_queue(admin_client.user)["待公示的评估结果"][1]).status_code == 200
    notice = draft_notice(admin_client)
    assert work_queue(admin_client.user)["待公示的评估结果"][0] == 2  # drafted is not published
    notice.get_latest_revision().publish(user=admin_client.user)
    assert work_queue(admin_client.user)["待公示的评估结果"][0] == 0
