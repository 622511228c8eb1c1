"""An expert tied to the applicant cannot score its application, whichever way the assignment is tried."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from shegong.reviews.actions import assign_expert
from shegong.reviews.models import Assignment, CriterionScore, ExpertTie

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


def assign_in_admin(client, application, user):
    return client.post(
        reverse("wagtailsnippets_reviews_assignment:add"), {"application": application.pk, "expert": user.pk}
    )


def declare_tie(client, user, organization, note="曾任该组织理事"):
    client.force_login(user)
    return client.post(reverse("reviews:mine"), {"organization": organization.pk, "note": note})


def test_the_editor_cannot_assign_an_expert_who_declared_a_tie(client, rubric):
    application = under_review(rubric.call)
    wang = expert("王专家")
    declare_tie(client, wang, application.organization)
    client.force_login(editor())
    response = assign_in_admin(client, application, wang)
    assert response.status_code == 200
    assert "已声明与申报单位" in response.content.decode()
    assert not Assignment.objects.exists()


def test_the_editor_cannot_assign_an_expert_whose_account_belongs_to_the_applicant(client, rubric):
    application = under_review(rubric.call)
    insider = expert("李专家", organization=application.organization)
    client.force_login(editor())
    response = assign_in_admin(client, application, insider)
    assert "的账号属于申报单位" in response.content.decode()
    assert not Assignment.objects.exists()


def test_an_unconflicted_expert_is_assigned_by_the_editor(client, rubric):
    application = under_review(rubric.call)
    wang = expert("王专家")
    chief = editor()
    client.force_login(chief)
    assert assign_in_admin(client, application, wang).status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.expert, assignment.assigned_by) == (wang, chief)


def test_assigning_in_code_is_refused_too(rubric):
    application = under_review(rubric.call)
    wang = expert("王专家")
    ExpertTie.objects.create(expert=wang, organization=application.organization, note="亲属在该组织任职")
    with pytest.raises(ValidationError, match="存在利益关联"):
        assign_expert(application, wang, editor())
    assert not Assignment.objects.exists()


def test_a_tie_declared_after_the_assignment_blocks_scoring(client, rubric):
    application = under_review(rubric.call)
    wang = expert("王专家")
    assignment = assign_expert(application, wang, editor())
    declare_tie(client, wang, application.organization)

    sheet = client.get(reverse("reviews:score", args=[assignment.pk])).content.decode()
    assert "存在利益关联，不能评审该申报" in sheet
    assert 'name="criterion_' not in sheet
    response = score(client, wang, assignment, 8, 8, 8)
    assert "存在利益关联，不能评审该申报" in response.content.decode()
    assert not CriterionScore.objects.exists()
