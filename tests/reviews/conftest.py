import pytest
from django.urls import reverse

from .factories import RubricFactory, editor


@pytest.fixture
def rubric(home):
    return RubricFactory()


@pytest.fixture
def editor_client(client, home):
    client.force_login(editor())
    return client


def score(client, user, assignment, *values, comment="方案可行"):
    """`user` fills the score sheet of `assignment` with one value per criterion, in the rubric's order."""
    client.force_login(user)
    criteria = assignment.application.call.rubric.criteria.all()
    data = {f"criterion_{criterion.pk}": value for criterion, value in zip(criteria, values, strict=True)}
    return client.post(reverse("reviews:score", args=[assignment.pk]), {**data, "comment": comment})
