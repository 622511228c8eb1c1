"""Fixtures shared by the duplicate tests: an earlier project and a draft that repeats it."""

import pytest

from tests.factories import ProjectPageFactory

from .duplicate_cases import BASE, DUPLICATES


@pytest.fixture
def earlier(home):
    return ProjectPageFactory(code="GD-2022-100", title=BASE["elderly"][0], summary=BASE["elderly"][1])


@pytest.fixture
def repeat(earlier):
    """A draft that repeats the earlier project: same organization and community, same period."""
    return ProjectPageFactory(
        code="GD-2022-101", title=DUPLICATES[0][3], summary=DUPLICATES[0][4], organization=earlier.organization,
        street=earlier.street, community=earlier.community, live=False,
    )
