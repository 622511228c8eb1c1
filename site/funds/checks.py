"""The two rules of fund supervision: no payment beyond the budget, none outside the service period."""

from django.db.models import Sum


def disbursement_problems(disbursement):
    """{field: message} for each rule this payment breaks, counting the project's other payments."""
    project = disbursement.project
    problems = {}
    others = project.disbursements.exclude(pk=disbursement.pk).aggregate(total=Sum("amount"))["total"] or 0
    total = others + disbursement.amount
    if total > project.budget:
        problems["amount"] = f"累计拨付 {total:,.2f} 元将超出项目预算 {project.budget:,.2f} 元。"
    outside = period_problem(project, disbursement.paid_on)
    if outside:
        problems["paid_on"] = outside
    return problems


def period_problem(project, day):
    if project.start_date and day < project.start_date:
        return f"拨付日期 {day} 早于服务期开始（{project.start_date}）。"
    if project.end_date and day > project.end_date:
        return f"拨付日期 {day} 晚于服务期结束（{project.end_date}）。"
    return ""
