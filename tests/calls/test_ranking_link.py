"""The call's page links to its 评审结果 once the editor publishes the ranking, and not before."""

import pytest
from django.urls import reverse

from shegong.reviews.actions import close_round, publish_ranking
from tests.reviews.factories import RubricFactory, editor

pytestmark = pytest.mark.django_db


def test_the_call_page_links_the_ranking_only_once_published(client, home):
    rubric = RubricFactory()
    call, results = rubric.call, reverse("reviews_public:ranking", args=[rubric.call.pk])
    boss = editor()

    close_round(rubric, boss)
    page = client.get(call.url).content.decode()
    assert results not in page and "评审结果" not in page

    publish_ranking(rubric, boss)
    page = client.get(call.url).content.decode()
    assert f'<a href="{results}">评审结果</a>' in page
    assert client.get(results).status_code == 200
