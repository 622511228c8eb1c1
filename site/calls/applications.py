"""An organization's application to a call (项目申报), with its budget lines, parties and attachments."""

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from shegong.pages.enums import ParticipantKind

from .enums import ApplicationStatus


class Application(ClusterableModel):
    """What a social organization files in answer to a call; accepted, it becomes a project."""

    call = models.ForeignKey(
        "calls.CallPage", verbose_name="征集公告", on_delete=models.PROTECT, related_name="applications"
    )
    organization = models.ForeignKey(
        "snippets.SocialOrganization",
        verbose_name="申报社会组织",
        on_delete=models.PROTECT,
        related_name="applications",
    )
    title = models.CharField("项目名称", max_length=255)
    category = models.ForeignKey(
        "snippets.ProjectCategory",
        verbose_name="项目类别",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="applications",
    )
    content = models.TextField("项目内容", blank=True, help_text="服务对象、服务内容与预期成效")
    street = models.ForeignKey(
        "snippets.Region",
        verbose_name="街道（乡镇）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="street_applications",
        limit_choices_to={"level": "street"},
    )
    community = models.ForeignKey(
        "snippets.Region",
        verbose_name="社区（村）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_applications",
        limit_choices_to={"level": "community"},
    )
    start_date = models.DateField("服务期开始", null=True, blank=True)
    end_date = models.DateField("服务期结束", null=True, blank=True)
    budget = models.DecimalField(
        "申请预算（元）", max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    social_worker = models.CharField("项目社工", max_length=60, blank=True, help_text="“1+1+1+N”中的项目社工")
    status = models.CharField("状态", max_length=20, choices=ApplicationStatus.choices, default=ApplicationStatus.DRAFT)
    status_reason = models.TextField("审查意见", blank=True, help_text="最近一次状态变更的理由，申报组织可见")
    submitted_at = models.DateTimeField("提交时间", null=True, blank=True)
    duplicate_matches = models.JSONField(
        "疑似重复申报", default=list, blank=True, help_text="提交时比对已有项目的结果，供审查人员参考"
    )
    project = models.ForeignKey(
        "pages.ProjectPage",
        verbose_name="立项项目",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="applications",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="填报人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        ordering = ["-submitted_at", "-created_at"]
        verbose_name = "项目申报"
        verbose_name_plural = "项目申报"

    def __str__(self):
        return self.title


class ApplicationBudgetLine(Orderable):
    """One line of the budget breakdown; the lines add up to the application's budget."""

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="budget_lines")
    item = models.CharField("支出科目", max_length=120)
    amount = models.DecimalField("金额（元）", max_digits=14, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta(Orderable.Meta):
        verbose_name = "预算明细"
        verbose_name_plural = "预算明细"

    def __str__(self):
        return f"{self.item} {self.amount}"


class ApplicationParticipant(Orderable):
    """One of the "N" participating forces named in the application."""

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField("名称", max_length=120)
    kind = models.CharField("类型", max_length=20, choices=ParticipantKind.choices, default=ParticipantKind.VOLUNTEERS)

    class Meta(Orderable.Meta):
        verbose_name = "参与力量"
        verbose_name_plural = "参与力量"

    def __str__(self):
        return self.name


class ApplicationAttachment(Orderable):
    """A file filed with the application (申报书, 资质证明…), kept as a Wagtail document."""

    application = ParentalKey(Application, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="文件", on_delete=models.PROTECT, related_name="+"
    )
    label = models.CharField("材料名称", max_length=120, blank=True)

    class Meta(Orderable.Meta):
        verbose_name = "申报材料"
        verbose_name_plural = "申报材料"

    def __str__(self):
        return self.label or self.document.title
