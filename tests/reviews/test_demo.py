"""`load_demo` shows 路演评审: a rubric on the demo call, two experts' scores on the application under review, once."""

from io import StringIO

import pytest
from django.core.management import call_command

from shegong.reviews.models import Assignment, Rubric
from shegong.reviews.scoring import ranking

pytestmark = pytest.mark.django_db


def test_load_demo_scores_the_demo_application_once(home):
    out = StringIO()
    call_command("load_demo", "--story-only", stdout=out)
    assert "路演评分：新建 2 份" in out.getvalue()
    rubric = Rubric.objects.get()
    assert sum(c.weight for c in rubric.criteria.all()) == 100
    [row] = ranking(rubric.call)
    assert row.rank == 1 and row.complete and row.average is not None

    call_command("load_demo", "--story-only", stdout=(again := StringIO()))
    assert "路演评分：新建 0 份" in again.getvalue()
    assert Assignment.objects.count() == 2
