"""The rules of fund supervision, decided by each project's payment schedule (schedules.py).

A payment is an anomaly when it takes the project's payments beyond its
budget, draws on a tranche before that tranche falls due (a tranche paid early,
or a payment beyond the shares already due), or falls outside the service
period — except the tranches due after the final evaluation, which are paid
once the service has ended and been evaluated (the 20% 尾款 of 40/40/20).
"""

import decimal
from dataclasses import dataclass

from .enums import DueCondition
from .schedules import tranches_of

CENT = decimal.Decimal("0.01")


@dataclass
class Problem:
    field: str  # the disbursement form's field it concerns
    message: str


def payment_problems(project, payments):
    """[(payment, [Problem])] for each of the project's `payments` that breaks a rule, walked in date order.

    `payments` are all of the project's payments, saved or not (a payment being entered sorts last on its day).
    """
    budget = project.budget
    bands, reached = [], decimal.Decimal(0)
    for tranche in tranches_of(project):
        low, reached = reached, reached + tranche.share
        bands.append((tranche, (budget * low / 100).quantize(CENT), (budget * reached / 100).quantize(CENT)))
    found, paid = [], decimal.Decimal(0)
    for payment in sorted(payments, key=lambda p: (p.paid_on, p.pk is None, p.pk or 0)):
        before, paid = paid, paid + payment.amount
        day, problems = payment.paid_on, []
        if paid > budget:
            problems.append(Problem("amount", f"累计拨付 {paid:,.2f} 元超出预算 {budget:,.2f} 元"))
        drawn = [tranche for tranche, low, high in bands if low < min(paid, budget) and high > before]
        early = [tranche for tranche in drawn if not tranche.is_due(day)]
        if early:
            problems.append(Problem("paid_on", early[0].not_due_reason(day)))
        final_after_evaluation = bool(drawn) and all(
            tranche.due == DueCondition.FINAL_EVALUATION and tranche.is_due(day) for tranche in drawn
        )
        outside = period_problem(project, day)
        if outside and not (final_after_evaluation and project.end_date and day > project.end_date):
            problems.append(Problem("paid_on", outside))
        if problems:
            found.append((payment, problems))
    return found


def disbursement_problems(disbursement):
    """{field: [message]} for each rule this payment breaks, among the project's other payments."""
    project = disbursement.project
    others = [p for p in project.disbursements.all() if p.pk != disbursement.pk]
    problems = {}
    for payment, found in payment_problems(project, [*others, disbursement]):
        if payment is disbursement:
            for problem in found:
                problems.setdefault(problem.field, []).append(problem.message)
    return problems


def period_problem(project, day):
    if project.start_date and day < project.start_date:
        return f"拨付日期 {day} 早于服务期开始（{project.start_date}）"
    if project.end_date and day > project.end_date:
        return f"拨付日期 {day} 晚于服务期结束（{project.end_date}）"
    return ""
