"""Spent, remaining and percentage per project; totals by department, year, category and stage; anomalies."""

import decimal
from dataclasses import dataclass
from itertools import groupby

from django.db.models import Sum

from shegong.pages.enums import ProjectStage

from .checks import payment_problems
from .schedules import tranches_of

CENT = decimal.Decimal("0.01")


@dataclass
class Funds:
    budget: decimal.Decimal
    spent: decimal.Decimal

    def __post_init__(self):
        # Sums come back from the database as ints or Decimals of any exponent; money has two decimals.
        self.budget = decimal.Decimal(self.budget or 0).quantize(CENT)
        self.spent = decimal.Decimal(self.spent or 0).quantize(CENT)

    @property
    def remaining(self):
        return self.budget - self.spent

    @property
    def percent(self):
        """Share of the budget paid out, in percent with one decimal; None without a budget."""
        if not self.budget:
            return None
        return (self.spent * 100 / self.budget).quantize(decimal.Decimal("0.1"))

    @property
    def over_budget(self):
        return self.spent > self.budget

    def __add__(self, other):
        return Funds(self.budget + other.budget, self.spent + other.spent)


def spent_by_project(projects):
    """{project pk: total paid} for the given projects, in one query."""
    from .models import Disbursement

    rows = Disbursement.objects.filter(project__in=projects).values("project").annotate(total=Sum("amount"))
    return {row["project"]: row["total"] for row in rows}


def project_funds(project):
    spent = project.disbursements.aggregate(total=Sum("amount"))["total"] or decimal.Decimal(0)
    return Funds(project.budget, spent)


def due_by(project, day):
    """What the project's payment schedule says should have been paid by `day`: the tranches due then."""
    shares = sum((tranche.share for tranche in tranches_of(project) if tranche.is_due(day)), decimal.Decimal(0))
    return (decimal.Decimal(project.budget or 0) * shares / 100).quantize(CENT)


@dataclass
class Total:
    label: str
    projects: int
    funds: Funds


# How projects are grouped: a label for each project, and the order groups are listed in.
GROUPINGS = {
    "year": ("立项年度", lambda p: f"{p.start_date.year} 年" if p.start_date else "未填写"),
    "purchaser": ("购买部门", lambda p: p.purchaser.name if p.purchaser_id else "未填写"),
    "category": ("项目类别", lambda p: p.category.name if p.category_id else "未填写"),
    "stage": ("项目阶段", lambda p: p.get_stage_display()),
}


def totals(projects, by):
    """Project count, budget and spent per group, largest budget first (years and stages in their order)."""
    return all_totals(projects, [by])[by]


def all_totals(projects, groupings=GROUPINGS):
    """{grouping: [Total]} for several groupings, loading the projects and their payments once."""
    projects = list(projects.select_related("purchaser", "category"))
    spent = spent_by_project(projects)
    funds = {p.pk: Funds(p.budget, spent.get(p.pk, 0)) for p in projects}
    return {by: group(projects, funds, by) for by in groupings}


def group(projects, funds, by):
    label_of = GROUPINGS[by][1]
    groups = {}
    for project in projects:
        label = label_of(project)
        total = groups.setdefault(label, Total(label, 0, Funds(0, 0)))
        total.projects += 1
        total.funds += funds[project.pk]
    result = list(groups.values())
    if by == "year":
        return sorted(result, key=lambda t: t.label)
    if by == "stage":
        order = {stage.label: stage.position for stage in ProjectStage}
        return sorted(result, key=lambda t: order[t.label])
    return sorted(result, key=lambda t: (-t.funds.budget, t.label))


@dataclass
class Anomaly:
    disbursement: object
    problems: list

    @property
    def problem_text(self):
        return "；".join(problem.message for problem in self.problems)

    @property
    def overridden(self):
        return bool(self.disbursement.override_reason.strip())


def anomalies(disbursements):
    """The payments that break a rule of their project's payment schedule (checks.py), project by project.

    Each project's payments are walked in date order, so a payment is flagged
    when the running total first exceeds the budget or the tranches due, whether
    it was let through with a reason or the budget was lowered afterwards.
    """
    payments = (
        disbursements.select_related("project")
        .prefetch_related("project__payment_schedule__tranches", "project__milestones")
        .order_by("project", "paid_on", "pk")
    )
    found = []
    for _, group in groupby(payments, key=lambda payment: payment.project_id):
        group = list(group)
        found += [Anomaly(payment, problems) for payment, problems in payment_problems(group[0].project, group)]
    return found
