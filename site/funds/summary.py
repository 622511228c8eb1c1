"""Spent, remaining and percentage per project; totals by department, year, category and stage; anomalies."""

import decimal
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Sum

from shegong.pages.enums import ProjectStage

from .checks import period_problem

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
        return "；".join(self.problems)

    @property
    def overridden(self):
        return bool(self.disbursement.override_reason.strip())


def anomalies(disbursements):
    """Payments that took a project past its budget or fell outside its service period.

    Walks each project's payments in date order, so a payment is flagged when
    the running total first exceeds the budget, whether it was let through
    with a reason or the budget was lowered afterwards.
    """
    found = []
    running = defaultdict(decimal.Decimal)
    for payment in disbursements.select_related("project").order_by("project", "paid_on", "pk"):
        project = payment.project
        running[project.pk] += payment.amount
        problems = []
        if running[project.pk] > project.budget:
            problems.append(f"累计拨付 {running[project.pk]:,.2f} 元超出预算 {project.budget:,.2f} 元")
        outside = period_problem(project, payment.paid_on)
        if outside:
            problems.append(outside.rstrip("。"))
        if problems:
            found.append(Anomaly(payment, problems))
    return found
