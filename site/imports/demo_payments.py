"""The demo's payments (资金拨付): each project under way or done is paid on its schedule (40/40/20 by default:
on signing, after the mid-term, the 尾款 after the final evaluation), every tranche that has fallen due by today.

Two payments break the schedule on purpose, for an auditor to find on the 资金异常 screen. Like the rest of the
demo, only the projects created in this run are paid: an editor's corrections to the payments stay.
"""

import datetime

from django.utils import timezone

from shegong.funds.checks import CENT
from shegong.funds.enums import DueCondition
from shegong.funds.models import Disbursement, PaymentKind
from shegong.funds.schedules import tranches_of
from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectPage

UNDER_WAY = [ProjectStage.IMPLEMENTATION, ProjectStage.EVALUATION, ProjectStage.RESULT]
KINDS = {DueCondition.SIGNING: PaymentKind.FIRST, DueCondition.MIDTERM: PaymentKind.MIDTERM}
# Days from a tranche falling due to the money leaving the treasury.
PAID_AFTER = {DueCondition.SIGNING: 7, DueCondition.MIDTERM: 10, DueCondition.FINAL_EVALUATION: 14}
# (code, paid on, share of the budget, kind, note): 尾款 paid before any evaluation; money paid after the service
# ended. Each comes after the project's scheduled payments, so those stay clear of the check.
ANOMALIES = [
    ("GD-2024-003", datetime.date(2025, 3, 20), 20, PaymentKind.FINAL, "项目尚未评估即拨付尾款"),
    ("GD-2024-007", datetime.date(2025, 9, 10), 10, PaymentKind.FINAL, "服务期结束后追加拨付活动经费"),
]


def pay_demo_projects(codes):
    """Pay the projects with these codes on their schedules; the number of payments made."""
    projects = (
        ProjectPage.objects.filter(code__in=codes, stage__in=UNDER_WAY)
        .select_related("payment_schedule")
        .prefetch_related("payment_schedule__tranches", "milestones")
    )
    today = timezone.localdate()
    payments = [payment for project in projects for payment in scheduled_payments(project, today)]
    Disbursement.objects.bulk_create(payments)
    anomalies = [row for row in ANOMALIES if row[0] in codes]
    for code, paid_on, share, kind, note in anomalies:
        project = ProjectPage.objects.get(code=code)
        # Saved one by one, as an editor's entry would be, so the 资金拨付异常 notification goes out.
        Disbursement.objects.create(
            project=project, paid_on=paid_on, amount=(project.budget * share / 100).quantize(CENT), kind=kind, note=note
        )
    return len(payments) + len(anomalies)


def scheduled_payments(project, today):
    """One payment per tranche due by today; the tranches' amounts add up to the budget to the cent."""
    tranches = tranches_of(project)
    amounts = [(project.budget * t.share / 100).quantize(CENT) for t in tranches]
    amounts[-1] = project.budget - sum(amounts[:-1])
    payments = []
    for tranche, amount in zip(tranches, amounts, strict=True):
        if tranche.due_on is None:
            continue
        paid_on = tranche.due_on + datetime.timedelta(days=PAID_AFTER.get(tranche.due, 7))
        if paid_on > today:
            continue
        kind = KINDS.get(tranche.due, PaymentKind.FINAL)
        payments.append(Disbursement(project=project, paid_on=paid_on, amount=amount, kind=kind, note="按付款计划拨付"))
    return payments
