"""Disbursements (资金拨付) of a project's budget, and the payment schedule (付款计划) they are checked against."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .checks import disbursement_problems
from .enums import DueCondition
from .forms import PaymentScheduleForm


class PaymentKind(models.TextChoices):
    FIRST = "first", "首期款"
    MIDTERM = "midterm", "中期款"
    FINAL = "final", "尾款"


class PaymentSchedule(ClusterableModel):
    """A project's payment schedule: its tranches, each a share of the budget due on a condition.

    A project without one follows settings.SHEGONG_DEFAULT_PAYMENT_SCHEDULE (schedules.py).
    """

    project = models.OneToOneField(
        "pages.ProjectPage", verbose_name="服务项目", on_delete=models.CASCADE, related_name="payment_schedule"
    )
    signed_on = models.DateField("签约日期", null=True, blank=True, help_text="留空时按服务期开始日期计。")
    midterm_on = models.DateField("中期评估日期", null=True, blank=True, help_text="留空时按服务期的中间日期计。")

    base_form_class = PaymentScheduleForm
    panels = [
        FieldPanel("project"),
        FieldRowPanel([FieldPanel("signed_on"), FieldPanel("midterm_on")]),
        InlinePanel(
            "tranches",
            label="付款节点",
            min_num=1,
            help_text="各期比例之和须为 100%。“终期评估后”以项目进入“项目评估”阶段的日期为准。",
        ),
    ]

    class Meta:
        verbose_name = "付款计划"
        verbose_name_plural = "付款计划"

    def __str__(self):
        return f"{self.project} · 付款计划"


class PaymentTranche(Orderable):
    schedule = ParentalKey(PaymentSchedule, on_delete=models.CASCADE, related_name="tranches")
    share = models.DecimalField(
        "比例（%）", max_digits=5, decimal_places=2, validators=[MinValueValidator(0.01), MaxValueValidator(100)]
    )
    due = models.CharField("拨付条件", max_length=20, choices=DueCondition.choices, default=DueCondition.SIGNING)
    due_on = models.DateField("指定日期", null=True, blank=True, help_text="拨付条件为“指定日期”时填写。")

    panels = [FieldRowPanel([FieldPanel("share"), FieldPanel("due"), FieldPanel("due_on")])]

    class Meta(Orderable.Meta):
        verbose_name = "付款节点"
        verbose_name_plural = "付款节点"

    def clean(self):
        super().clean()
        if self.due == DueCondition.DATE and not self.due_on:
            raise ValidationError({"due_on": "拨付条件为“指定日期”时须填写日期。"})
        if self.due != DueCondition.DATE and self.due_on:
            raise ValidationError({"due_on": "只有拨付条件为“指定日期”时才填写日期。"})


class Disbursement(models.Model):
    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="服务项目", on_delete=models.PROTECT, related_name="disbursements"
    )
    paid_on = models.DateField("拨付日期")
    amount = models.DecimalField(
        "拨付金额（元）", max_digits=14, decimal_places=2, validators=[MinValueValidator(0.01)]
    )
    kind = models.CharField("拨付类型", max_length=10, choices=PaymentKind.choices)
    voucher = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="拨付凭证",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    voucher_number = models.CharField(
        "凭证号",
        max_length=50,
        blank=True,
        help_text="财务记账凭证号。表格导入按“项目编号＋凭证号”认出同一笔拨付，重复导入不会重复拨付。",
    )
    note = models.CharField("备注", max_length=200, blank=True)
    override_reason = models.TextField(
        "放行理由",
        blank=True,
        help_text="拨付超出预算、早于付款计划或不在服务期内时必填，由编辑记录放行原因（仅后台可见）。",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    panels = [
        FieldPanel("project"),
        FieldRowPanel([FieldPanel("paid_on"), FieldPanel("kind"), FieldPanel("amount")]),
        FieldRowPanel([FieldPanel("voucher_number"), FieldPanel("voucher")]),
        FieldPanel("note"),
        FieldPanel("override_reason"),
    ]

    class Meta:
        ordering = ["project", "paid_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["project", "voucher_number"],
                condition=~models.Q(voucher_number=""),
                name="one_payment_per_voucher_number",
                violation_error_message="该项目已有使用此凭证号的拨付，同一笔拨付不能登记两次。",
            )
        ]
        verbose_name = "资金拨付"
        verbose_name_plural = "资金拨付"

    def __str__(self):
        return f"{self.project} · {self.get_kind_display()} · {self.amount} 元"

    def clean(self):
        super().clean()
        if not (self.project_id and self.paid_on and self.amount):
            return
        problems = disbursement_problems(self)
        if problems and not self.override_reason.strip():
            raise ValidationError(
                {
                    field: f"{'；'.join(messages)}。如确需拨付，请在“放行理由”中说明。"
                    for field, messages in problems.items()
                }
            )
