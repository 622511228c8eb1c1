"""Disbursements (资金拨付) of a project's budget, checked against the budget and the service period."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel

from .checks import disbursement_problems


class PaymentKind(models.TextChoices):
    FIRST = "first", "首期款"
    MIDTERM = "midterm", "中期款"
    FINAL = "final", "尾款"


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
        "wagtaildocs.Document", verbose_name="拨付凭证", null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.CharField("备注", max_length=200, blank=True)
    override_reason = models.TextField(
        "放行理由", blank=True,
        help_text="拨付超出预算或不在服务期内时必填，由编辑记录放行原因（仅后台可见）。",
    )
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    panels = [
        FieldPanel("project"),
        FieldRowPanel([FieldPanel("paid_on"), FieldPanel("kind"), FieldPanel("amount")]),
        FieldPanel("voucher"),
        FieldPanel("note"),
        FieldPanel("override_reason"),
    ]

    class Meta:
        ordering = ["project", "paid_on", "pk"]
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
                {field: f"{message}如确需拨付，请在“放行理由”中说明。" for field, message in problems.items()}
            )
