"""An editor reopens an ended review round, with a reason the history keeps; nobody else can."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry

from shegong.reviews.actions import assign_expert
from shegong.reviews.models import Assignment
from shegong.roles.groups import ORGANIZATIONS
from tests.factories import OrganizationFactory, account

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(client, rubric):
    """An expert scored, the editor ended the round and published the ranking."""
    application = under_review(rubric.call, title="四点半课堂")
    wang = expert("王评审")
    score(client, wang, assign_expert(application, wang, editor("分配人")), 6, 6, 6)
    client.force_login(editor("主任"))
    client.post(reverse("reviews:close", args=[rubric.pk]))
    client.post(reverse("reviews:publish", args=[rubric.pk]))
    client.logout()
    rubric.refresh_from_db()
    assert rubric.ranking_published_at is not None
    return wang


def public_ranking(client, rubric):
    return client.get(reverse("reviews_public:ranking", args=[rubric.call.pk]))


def test_the_editor_reopens_with_a_reason_and_the_ranking_is_withdrawn(client, rubric, published):
    boss = editor("复核人")
    client.force_login(boss)
    ranking = client.get(reverse("reviews:ranking", args=[rubric.call.pk])).content.decode()
    assert reverse("reviews:reopen", args=[rubric.pk]) in ranking

    refused = client.post(reverse("reviews:reopen", args=[rubric.pk]), {"reason": "  "})
    assert refused.status_code == 200 and "请填写重新开放评审的理由" in refused.content.decode()
    rubric.refresh_from_db()
    assert rubric.is_closed

    response = client.post(reverse("reviews:reopen", args=[rubric.pk]), {"reason": "王评审的评分录入有误，需更正"})
    assert response.status_code == 302
    rubric.refresh_from_db()
    assert not rubric.is_closed and rubric.ranking_published_at is None
    client.logout()
    assert public_ranking(client, rubric).status_code == 404

    entry = ModelLogEntry.objects.get(action="shegong.reviews.reopen")
    assert entry.user == boss and "王评审的评分录入有误" in entry.message and "排名撤回" in entry.message

    # The expert scores again; the ranking is public again only once the round ends and is published anew.
    assignment = Assignment.objects.get(expert=published)
    assert score(client, published, assignment, 9, 9, 9).status_code == 302
    assert assignment.scores.first().value == 9
    client.force_login(boss)
    client.post(reverse("reviews:close", args=[rubric.pk]))
    client.post(reverse("reviews:publish", args=[rubric.pk]))
    client.logout()
    assert "90.00" in public_ranking(client, rubric).content.decode()


def test_experts_and_organizations_cannot_reopen(client, rubric, published):
    organization = account("jigou", ORGANIZATIONS, organization=OrganizationFactory())
    for user in (published, organization):
        client.force_login(user)
        response = client.post(reverse("reviews:reopen", args=[rubric.pk]), {"reason": "想改分"})
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or response["Location"] != reverse("reviews:ranking", args=[rubric.call.pk])
    rubric.refresh_from_db()
    assert rubric.is_closed and rubric.ranking_published_at is not None
