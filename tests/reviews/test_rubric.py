"""The editor defines a call's rubric: criteria with weights that must add up to 100."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shegong.reviews.models import Rubric
from tests.calls.factories import CallPageFactory


def rubric_form(call, *criteria, drop_extremes=False):
    return nested_form_data(
        {
            "call": call.pk,
            "drop_extremes": drop_extremes,
            "criteria": inline_formset(
                [{"name": name, "weight": weight, "max_score": 10} for name, weight in criteria]
            ),
        }
    )


def test_weights_that_do_not_add_up_to_100_are_a_form_error(editor_client):
    call = CallPageFactory()
    response = editor_client.post(
        reverse("wagtailsnippets_reviews_rubric:add"), rubric_form(call, ("需求分析", 40), ("服务设计", 40))
    )
    assert response.status_code == 200
    assert "各评分项权重之和须为 100，现为 80。" in response.content.decode()
    assert not Rubric.objects.exists()


def test_a_rubric_whose_weights_add_up_to_100_is_saved_in_order(editor_client):
    call = CallPageFactory()
    response = editor_client.post(
        reverse("wagtailsnippets_reviews_rubric:add"),
        rubric_form(call, ("需求分析", 30), ("服务设计", 50), ("预算合理性", 20), drop_extremes=True),
    )
    assert response.status_code == 302
    rubric = Rubric.objects.get(call=call)
    assert rubric.drop_extremes
    assert [(c.name, c.weight) for c in rubric.criteria.all()] == [
        ("需求分析", 30),
        ("服务设计", 50),
        ("预算合理性", 20),
    ]


def test_a_deleted_criterion_does_not_count_towards_the_weights(editor_client, rubric):
    criteria = list(rubric.criteria.all())  # 40 / 40 / 20
    rows = [{"id": c.pk, "name": c.name, "weight": c.weight, "max_score": c.max_score} for c in criteria]
    rows[2]["DELETE"] = True
    data = nested_form_data({"call": rubric.call.pk, "criteria": inline_formset(rows, initial=3)})
    response = editor_client.post(reverse("wagtailsnippets_reviews_rubric:edit", args=[rubric.pk]), data)
    assert "各评分项权重之和须为 100，现为 80。" in response.content.decode()
    assert rubric.criteria.count() == 3
