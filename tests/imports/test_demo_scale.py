"""The whole demo tells the seed's story at the seed's scale (shared/seed/guandu-platform-article.txt): "2017 年至今，
官渡区政府购买服务项目 600 余个，金额达 8200 多万元", of which "2022 年……30 余个，购买服务金额 590 余万元"; its
payments follow the schedules but for the two an auditor should find; a 立项公示 is open today for objections.

One test loads the whole demo (it takes a while): the other demo tests load the hand-written story only.
"""

import datetime
import io
import os
import subprocess
import sys
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db.models import Sum
from django.utils import timezone

from shegong.evaluations.models import Evaluation, EvaluationGrade
from shegong.funds.models import Disbursement
from shegong.funds.money import wan
from shegong.funds.summary import anomalies
from shegong.pages.enums import NoticeKind, ProjectStage
from shegong.pages.models import NoticePage, ProjectPage
from shegong.snippets.organizations import ListStatus

from .test_demo import REPO


def load_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    return out.getvalue()


def test_the_whole_demo_tells_the_articles_story_and_a_rerun_keeps_what_editors_changed(
    home, client, django_user_model
):
    load_demo()

    # The figures, as a consumer of the API and a citizen on /stats/ read them.
    stats = client.get("/api/v2/stats/").json()["projects"]
    years = {row["key"]: row for row in stats["by_year"]}
    since_2017 = [years[str(year)] for year in range(2017, 2023)]
    assert 600 < sum(row["count"] for row in since_2017) < 700
    assert Decimal(82_000_000) < sum(Decimal(row["budget"]) for row in since_2017) < Decimal(83_000_000)
    assert 30 < years["2022"]["count"] < 40
    assert Decimal(5_900_000) < Decimal(years["2022"]["budget"]) < Decimal(6_000_000)
    page = client.get("/stats/").content.decode()
    assert f"{stats['count']} 个" in page and wan(Decimal(stats["budget"])) in page

    # Payments: on schedule everywhere, but for the two planted anomalies.
    flagged = {anomaly.disbursement.project.code for anomaly in anomalies(Disbursement.objects.all())}
    assert flagged == {"GD-2024-003", "GD-2024-007"}
    paid = ProjectPage.objects.annotate(paid=Sum("disbursements__amount"))
    done = paid.filter(stage__in=[ProjectStage.EVALUATION, ProjectStage.RESULT])
    assert done.count() > 600 and all(project.paid == project.budget for project in done)
    under_way = paid.filter(stage=ProjectStage.IMPLEMENTATION).exclude(code__in=flagged)
    assert under_way and all(project.paid == project.budget * Decimal("0.8") for project in under_way)
    assert not paid.filter(stage__in=[ProjectStage.CALL, ProjectStage.REVIEW, ProjectStage.PUBLICITY], paid__gt=0)

    # Evaluations of every grade; a red-listed organization has no failed project.
    assert set(Evaluation.objects.values_list("grade", flat=True)) == set(EvaluationGrade.values)
    assert not Evaluation.objects.filter(
        grade=EvaluationGrade.FAIL, project__organization__list_status=ListStatus.RED
    ).exists()

    # A 立项公示 in its publicity period today, and its project's page takes objections.
    today = timezone.localdate()
    notice = NoticePage.objects.live().get(
        kind=NoticeKind.APPROVAL_PUBLICITY, published_on__lte=today, publicity_until__gte=today
    )
    project = notice.related_projects.get().project
    assert "提交异议" in client.get(project.url).content.decode()

    # An editor corrects a generated project; the next start of the demo leaves it and makes nothing new.
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    generated = ProjectPage.objects.get(code="GD-2019-150")
    draft = generated.get_latest_revision_as_object()
    draft.title = "编辑更正的项目名称"
    draft.budget = Decimal("123456.00")
    draft.save_revision(user=editor).publish(user=editor)
    Disbursement.objects.filter(project=generated).delete()
    counts = (ProjectPage.objects.count(), Disbursement.objects.count(), Evaluation.objects.count())

    again = load_demo()

    assert "历年项目（按固定种子生成）：新建 0 个" in again and "资金拨付：新建 0 笔" in again
    assert (ProjectPage.objects.count(), Disbursement.objects.count(), Evaluation.objects.count()) == counts
    generated = ProjectPage.objects.get(code="GD-2019-150")
    assert (generated.title, generated.budget) == ("编辑更正的项目名称", Decimal("123456.00"))


def generated_listing(hash_seed):
    """The generated projects' codes, titles, organizations, places, amounts and dates, as a fresh process on
    another machine computes them (another hash seed: set and dict orders of strings differ)."""
    script = (
        "import json\n"
        "from shegong.imports.demo_history import demo_plans\n"
        "for p in demo_plans(json.load(open('fixtures/demo.json', encoding='utf-8'))):\n"
        "    print(p.code, p.title, p.organization, p.community, p.budget, p.start, p.end, p.score, p.grade)\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": str(hash_seed), "DJANGO_SETTINGS_MODULE": "shegong.settings.test"}
    return subprocess.run(
        [sys.executable, "-m", "shegong.cli", "shell", "--no-imports", "-c", script],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()


def test_the_generated_projects_are_the_same_on_every_machine():
    first, second = generated_listing(1), generated_listing(2)
    assert len(first) > 500
    assert first == second
    codes = [line.split()[0] for line in first]
    assert len(set(codes)) == len(codes)
    assert all(code.startswith("GD-") and 2017 <= int(code[3:7]) <= 2021 for code in codes)


@pytest.mark.parametrize("year", range(2017, 2022))
def test_generated_periods_fall_in_their_year_and_stages_follow_in_order(year):
    """Checked on the plans directly: quick, and every one of them."""
    import json

    from shegong.imports.demo_history import demo_plans

    document = json.loads((REPO / "fixtures" / "demo.json").read_text(encoding="utf-8"))
    for plan in [p for p in demo_plans(document) if p.start.year == year]:
        days = list(plan.stage_dates.values())
        assert days == sorted(days), plan.code
        assert plan.stage_dates[ProjectStage.IMPLEMENTATION] == plan.start < plan.end
        assert plan.stage_dates[ProjectStage.EVALUATION] <= plan.end
        assert plan.end - plan.start < datetime.timedelta(days=366)
        assert 1 <= len(plan.participants) and plan.social_worker and plan.organization
