"""A project's payment schedule as the checks read it: its tranches, each with the day it falls due.

A tranche falls due on its own date, or on its condition: 签约后 from the
schedule's signing date (else the start of the service period), 中期评估后 from
its mid-term date (else the middle of the service period), 终期评估后 from the
day the project reached 项目评估. A project without a schedule of its own
follows settings.SHEGONG_DEFAULT_PAYMENT_SCHEDULE (40% on signing, 40% after
the mid-term, 20% after the final evaluation, unless a deployment says otherwise).
"""

import decimal
from dataclasses import dataclass

from django.conf import settings
from django.core import checks

from shegong.pages.enums import ProjectStage

from .enums import DueCondition

# Why a tranche's day is not known yet, by condition.
UNKNOWN_DUE = {
    DueCondition.SIGNING: "未记录签约日期或服务期开始日期",
    DueCondition.MIDTERM: "未记录中期评估日期，服务期也不完整",
    DueCondition.FINAL_EVALUATION: "项目尚未进入“项目评估”阶段",
}


@dataclass(frozen=True)
class Tranche:
    number: int
    share: decimal.Decimal
    due: DueCondition
    due_on: object  # the day it falls due; None while unknown (no 终期评估 yet)

    @property
    def label(self):
        return f"第{self.number}期（{self.due.label} {self.share.normalize():f}%）"

    def is_due(self, day):
        return self.due_on is not None and day >= self.due_on

    def not_due_reason(self, day):
        if self.due_on is None:
            return f"{self.label}尚未到期：{UNKNOWN_DUE[self.due]}"
        return f"{self.label}{self.due_on} 才到期，拨付日期 {day} 早于到期日"


def default_tranches():
    """[(share, condition)] of the default schedule, from the setting."""
    return [(decimal.Decimal(share), DueCondition(due)) for share, due in settings.SHEGONG_DEFAULT_PAYMENT_SCHEDULE]


def tranches_of(project):
    """The project's tranches in order, each with its day. Prefetch `payment_schedule__tranches` and `milestones`."""
    schedule = getattr(project, "payment_schedule", None)
    if schedule is not None:
        rows = [(t.share, DueCondition(t.due), t.due_on) for t in schedule.tranches.all()]
    else:
        rows = [(share, due, None) for share, due in default_tranches()]
    days = condition_days(project, schedule)
    return [
        Tranche(number, share, due, due_on if due == DueCondition.DATE else days[due])
        for number, (share, due, due_on) in enumerate(rows, 1)
    ]


def condition_days(project, schedule):
    start, end = project.start_date, project.end_date
    middle = start + (end - start) / 2 if start and end else None
    evaluated = [m.reached_on for m in project.milestones.all() if m.stage == ProjectStage.EVALUATION]
    return {
        DueCondition.SIGNING: (schedule and schedule.signed_on) or start,
        DueCondition.MIDTERM: (schedule and schedule.midterm_on) or middle,
        DueCondition.FINAL_EVALUATION: max(evaluated, default=None),
    }


@checks.register
def check_default_schedule(app_configs, **kwargs):
    """The setting names known conditions (no fixed dates) and shares that add up to 100%."""
    try:
        tranches = default_tranches()
        valid = tranches and all(due != DueCondition.DATE and share > 0 for share, due in tranches)
        total = sum(share for share, _ in tranches)
    except (ValueError, TypeError, decimal.InvalidOperation):
        valid = False
    if valid and total == 100:
        return []
    return [
        checks.Error(
            "SHEGONG_DEFAULT_PAYMENT_SCHEDULE 无效：应为“比例:条件”的列表，条件为 signing、midterm 或 final_evaluation，"
            "各期比例之和为 100，例如 40:signing,40:midterm,20:final_evaluation。",
            id="shegong.funds.E001",
        )
    ]
