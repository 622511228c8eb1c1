"""The work queue tells an expert what to score and an editor which rounds wait for a decision."""

import pytest
from django.test import RequestFactory
from wagtail import hooks

from shegong.reviews.actions import assign_expert

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


def queue(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {label: count for fn in hooks.get_hooks("shegong_work_queue") for label, count, _ in fn(request) if count}


def test_counts_move_as_experts_score(client, rubric):
    chief = editor("主任")
    wang, li = expert("王专家"), expert("李专家")
    first = under_review(rubric.call, title="四点半课堂")
    second = under_review(rubric.call, title="时间银行")
    wang_first = assign_expert(first, wang, chief)
    assign_expert(second, wang, chief)
    li_first = assign_expert(first, li, chief)
    assert queue(wang)["待评分的申报"] == 2
    assert not any(label.startswith("评审完成待决定") for label in queue(chief))

    score(client, wang, wang_first, 8, 8, 8)
    score(client, li, li_first, 7, 7, 7)
    assert queue(wang)["待评分的申报"] == 1
    assert "待评分的申报" not in queue(li)
    assert queue(chief)[f"评审完成待决定的申报（{rubric.call.title}）"] == 1
