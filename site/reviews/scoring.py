"""From the experts' scores to each application's average and its rank within the call."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Prefetch

from .models import Assignment, CriterionScore

# Dropping the highest and the lowest leaves at least one score only from three scores up.
TRIMMED_MINIMUM = 3


def average(totals, drop_extremes=False):
    """The mean of the experts' totals, without the highest and the lowest when asked and there are enough."""
    values = sorted(totals)
    if not values:
        return None
    if drop_extremes and len(values) >= TRIMMED_MINIMUM:
        values = values[1:-1]
    return (sum(values, Decimal(0)) / len(values)).quantize(Decimal("0.01"))


@dataclass
class RankedApplication:
    application: object
    totals: list = field(default_factory=list)
    assigned: int = 0
    average: Decimal | None = None
    rank: int | None = None

    @property
    def complete(self):
        """Every assigned expert has scored."""
        return self.assigned > 0 and len(self.totals) == self.assigned

    @property
    def decision(self):
        return getattr(self.application, "review_decision", None)

    @property
    def decision_label(self):
        return self.decision.get_outcome_display() if self.decision else "待决定"


def scored_assignments():
    return Assignment.objects.prefetch_related(
        Prefetch("scores", queryset=CriterionScore.objects.select_related("criterion"))
    )


def ranking(call):
    """The call's applications under review or decided, best average first, ranked 1, 2, 2, 4 on ties."""
    rubric = getattr(call, "rubric", None)
    drop_extremes = rubric.drop_extremes if rubric else False
    applications = (
        call.applications.filter(review_assignments__isnull=False)
        .distinct()
        .select_related("organization", "review_decision")
        .prefetch_related(Prefetch("review_assignments", queryset=scored_assignments()))
    )
    rows = []
    for application in applications:
        assignments = list(application.review_assignments.all())
        totals = [a.weighted_total() for a in assignments if a.scored_at]
        rows.append(
            RankedApplication(application, totals, len(assignments), average(totals, drop_extremes=drop_extremes))
        )
    rows.sort(key=lambda row: (row.average is None, -(row.average or 0), row.application.pk))
    for position, row in enumerate(rows, start=1):
        if row.average is None:
            break
        previous = rows[position - 2] if position > 1 else None
        row.rank = previous.rank if previous and previous.average == row.average else position
    return rows
