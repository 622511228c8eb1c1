"""Fixtures shared by the duplicate tests: an earlier project and a draft that repeats it."""

import pytest

from tests.factories import ProjectPageFactory

from .applications import text_fields
from .cases import ELDERLY, ELDERLY_REWORDED


@pytest.fixture
def earlier(home):
    return ProjectPageFactory(code="GD-2022-100", **text_fields(ELDERLY))


@pytest.fixture
def repeat(earlier):
    """A draft that repeats the earlier project in other words: same organization and community, same period."""
    return ProjectPageFactory(
        code="GD-2022-101",
        title=ELDERLY_REWORDED.title,
        summary=ELDERLY_REWORDED.summary,
        organization=earlier.organization,
        street=earlier.street,
        community=earlier.community,
        live=False,
    )
