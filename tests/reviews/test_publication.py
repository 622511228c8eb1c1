"""Scores stay in the admin until the editor publishes the ranking; then rank and average only."""

import pytest
from django.urls import reverse

from shegong.reviews.actions import assign_expert
from tests.api.listings import LISTINGS

from .conftest import score
from .factories import editor, expert, under_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def reviewed(client, rubric):
    """Two experts scored one application: 94.00 and 62.00, average 78.00; their comments are internal."""
    application = under_review(rubric.call, title="四点半课堂")
    for name, values in [("王评审", (10, 10, 7)), ("李评审", (6, 6, 7))]:
        user = expert(name)
        score(client, user, assign_expert(application, user, editor(f"{name}的分配人")), *values, comment=f"{name}意见")
    client.logout()
    return application


INTERNAL = ["王评审", "李评审", "王评审意见", "94.00", "62.00", "78.00"]


def public_texts(client, rubric):
    texts = [client.get(url).content.decode() for url in LISTINGS]
    texts.append(client.get(f"/api/v2/pages/{rubric.call.pk}/").content.decode())
    return texts


def publish(client, rubric):
    client.force_login(editor("主任"))
    client.post(reverse("reviews:close", args=[rubric.pk]))
    client.post(reverse("reviews:publish", args=[rubric.pk]))
    client.logout()


def test_nothing_of_the_review_is_public_before_the_ranking_is_published(client, rubric, reviewed):
    assert client.get(reverse("reviews_public:ranking", args=[rubric.call.pk])).status_code == 404
    for text in public_texts(client, rubric):
        for secret in INTERNAL:
            assert secret not in text


def test_the_ranking_cannot_be_published_while_experts_may_still_score(client, rubric, reviewed):
    client.force_login(editor("主任"))
    client.post(reverse("reviews:publish", args=[rubric.pk]))
    rubric.refresh_from_db()
    assert rubric.ranking_published_at is None


def test_the_published_ranking_shows_rank_and_average_only(client, rubric, reviewed):
    publish(client, rubric)
    page = client.get(reverse("reviews_public:ranking", args=[rubric.call.pk])).content.decode()
    assert "四点半课堂" in page and "78.00" in page
    for secret in ["王评审", "李评审", "王评审意见", "94.00", "62.00"]:
        assert secret not in page
    for text in public_texts(client, rubric):
        for secret in ["王评审", "李评审", "王评审意见", "94.00", "62.00"]:
            assert secret not in text
