"""Experts score per criterion; the platform totals, averages (optionally trimmed) and ranks."""

from decimal import Decimal

import pytest
from django.urls import reverse

from shegong.reviews.actions import assign_expert, close_round
from shegong.reviews.scoring import average, ranking

from .conftest import score
from .factories import RubricFactory, editor, expert, under_review

pytestmark = pytest.mark.django_db


def test_a_score_above_the_criterions_maximum_is_a_form_error(client, rubric):
    wang = expert("王专家")
    assignment = assign_expert(under_review(rubric.call), wang, editor())
    response = score(client, wang, assignment, 11, 8, 8)
    assert response.status_code == 200
    assert "得分不能超过满分 10。" in response.content.decode()
    assert not assignment.scores.exists()


def test_the_weighted_total_is_out_of_100(client, rubric):
    wang = expert("王专家")
    assignment = assign_expert(under_review(rubric.call), wang, editor())
    assert score(client, wang, assignment, 9, 8, 5).status_code == 302
    # 9/10×40 + 8/10×40 + 5/10×20
    assert assignment.weighted_total() == Decimal("78.00")


def test_the_expert_can_change_the_scores_until_the_round_is_closed(client, rubric):
    wang = expert("王专家")
    assignment = assign_expert(under_review(rubric.call), wang, editor())
    score(client, wang, assignment, 5, 5, 5)
    score(client, wang, assignment, 10, 10, 10, comment="补充材料后再评")
    assert assignment.weighted_total() == Decimal("100.00")
    sheet = client.get(reverse("reviews:score", args=[assignment.pk])).content.decode()
    assert "补充材料后再评" in sheet

    close_round(rubric, editor("主任"))
    response = score(client, wang, assignment, 1, 1, 1)
    assert "本轮评审已结束，评分不能再修改。" in response.content.decode()
    assert assignment.weighted_total() == Decimal("100.00")


def test_average_without_and_with_dropping_the_extremes():
    totals = [Decimal(60), Decimal(80), Decimal(85), Decimal(95)]
    assert average(totals) == Decimal("80.00")
    assert average(totals, drop_extremes=True) == Decimal("82.50")
    # Two scores are not enough to drop any.
    assert average([Decimal(60), Decimal(90)], drop_extremes=True) == Decimal("75.00")
    assert average([]) is None


def scored(client, rubric, title, *sheets):
    application = under_review(rubric.call, title=title)
    for n, values in enumerate(sheets):
        user = expert(f"{title}专家{n}")
        score(client, user, assign_expert(application, user, editor(f"{title}编辑{n}")), *values)
    return application


def test_the_ranking_orders_by_average_and_shares_a_rank_on_ties(client):
    rubric = RubricFactory(drop_extremes=True)
    scored(client, rubric, "甲", (10, 10, 10), (6, 6, 6), (8, 8, 8))  # 100, 60, 80 → trimmed 80
    scored(client, rubric, "乙", (9, 9, 9), (7, 7, 7))  # 90, 70 → 80 (too few to trim)
    scored(client, rubric, "丙", (9, 9, 9))  # 90
    unscored = under_review(rubric.call, title="丁")
    assign_expert(unscored, expert("丁专家"), editor("丁编辑"))

    rows = ranking(rubric.call)
    assert [(r.application.title, r.rank, r.average) for r in rows] == [
        ("丙", 1, Decimal("90.00")),
        ("甲", 2, Decimal("80.00")),
        ("乙", 2, Decimal("80.00")),
        ("丁", None, None),
    ]


def test_the_editor_sees_the_ranking_and_exports_it(client):
    rubric = RubricFactory()
    scored(client, rubric, "=HYPERLINK(1)", (9, 9, 9))
    scored(client, rubric, "四点半课堂", (10, 10, 10))
    client.force_login(editor("主任"))
    page = client.get(reverse("reviews:ranking_results", args=[rubric.call.pk])).content.decode()
    assert page.index("四点半课堂") < page.index("=HYPERLINK(1)")
    export = client.get(reverse("reviews:ranking", args=[rubric.call.pk]), {"export": "csv"})
    lines = b"".join(export.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "排名,申报项目,申报单位,分配专家数,平均分,评审结论"
    assert lines[1].startswith("1,四点半课堂,")
    assert lines[2].startswith("2,'=HYPERLINK(1),")
