"""An organization's application to a call (项目申报), with its budget lines, parties and attachments."""

import os

from django.conf import settings
from django.contrib.admin.utils import quote
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.log_actions import log
from wagtail.models import Orderable

from shegong.notifications.mail import notify
from shegong.notifications.recipients import editors, organization_accounts
from shegong.pages.enums import ParticipantKind
from shegong.snippets.organizations import ListStatus

from .collections import collection_organization
from .enums import ApplicationStatus

SUBMIT_ACTION = "shegong.application.submit"
STATUS_ACTION = "shegong.application.status"
ACCEPT_ACTION = "shegong.application.accept"

# Where an editor may move an application by hand; 立项 only through accept(), which makes the project.
EDITOR_MOVES = {
    ApplicationStatus.SUBMITTED: [ApplicationStatus.FORMAL_CHECK, ApplicationStatus.REVIEW, ApplicationStatus.REJECTED],
    ApplicationStatus.FORMAL_CHECK: [ApplicationStatus.REVIEW, ApplicationStatus.REJECTED],
    ApplicationStatus.REVIEW: [ApplicationStatus.REJECTED],
}
# What a submitted application must hold, besides a budget that its lines add up to.
REQUIRED_TO_SUBMIT = ["content", "street", "start_date", "end_date"]


def blacklist_refusal(organization, day=None):
    """The sentence refusing a black-listed organization's application, or None when it may apply."""
    if organization is None or organization.listing_in_force(day) != ListStatus.BLACK:
        return None
    until = organization.list_until
    return (
        f"“{organization}”已列入黑榜（{'有效期至 ' + until.isoformat() if until else '长期有效'}），"
        "在黑榜有效期内不能申报项目。"
    )


def budget_mismatch(budget, amounts):
    """The sentence when the breakdown does not add up to the budget, or None when it does."""
    total = sum(amounts, start=0)
    if total == (budget or 0):
        return None
    return f"预算明细合计 {total:,.2f} 元，与申请预算 {budget or 0:,.2f} 元不一致。"


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
        permissions = [("check_application", "形式审查与立项决定")]

    def __str__(self):
        return self.title

    @property
    def is_draft(self):
        return self.status == ApplicationStatus.DRAFT

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "服务期结束日期不能早于开始日期。"
        if self.community_id and self.street_id and self.community.parent_id != self.street_id:
            errors["community"] = f"“{self.community}”不属于“{self.street}”。"
        if self.organization_id and (refusal := blacklist_refusal(self.organization)):
            errors["organization"] = refusal
        if self.call_id and self.call.budget_ceiling is not None and self.budget > self.call.budget_ceiling:
            errors["budget"] = f"申请预算超过本次征集的单个项目预算上限 {self.call.budget_ceiling:,.2f} 元。"
        if errors:
            raise ValidationError(errors)

    def submit(self, user, at=None):
        """File the draft with the call: refused after the deadline, for a black-listed organization, or when
        incomplete. The likely duplicates found now are kept for the editor who checks it."""
        at = at or timezone.now()
        if not self.is_draft:
            raise ValidationError(f"申报已处于“{self.get_status_display()}”状态，不能重复提交。")
        if at > self.call.deadline:
            raise ValidationError(f"“{self.call.title}”已于 {self.call.closes_on.isoformat()} 截止申报，不能再提交。")
        if at < self.call.deadline and timezone.localdate(at) < self.call.opens_on:
            raise ValidationError(f"“{self.call.title}”自 {self.call.opens_on.isoformat()} 起接受申报。")
        self.full_clean()
        missing = [
            str(self._meta.get_field(name).verbose_name) for name in REQUIRED_TO_SUBMIT if not getattr(self, name)
        ]
        if missing:
            raise ValidationError(f"提交前请填写{'、'.join(missing)}。")
        if not self.budget:
            raise ValidationError("提交前请填写申请预算及预算明细。")
        if mismatch := budget_mismatch(self.budget, [line.amount for line in self.budget_lines.all()]):
            raise ValidationError(mismatch)
        from .acceptance import duplicate_matches

        with transaction.atomic():
            self.status = ApplicationStatus.SUBMITTED
            self.submitted_at = at
            self.status_reason = ""
            self.duplicate_matches = duplicate_matches(self)
            self.save()
            log(instance=self, action=SUBMIT_ACTION, user=user, data={"matches": len(self.duplicate_matches)})
            notify(
                editors(),
                "新的项目申报待形式审查",
                f"{self.organization}提交了项目申报“{self.title}”（{self.call.title}）。",
                self.admin_path(),
            )

    def moves(self):
        return EDITOR_MOVES.get(self.status, [])

    def move(self, status, reason, user):
        """An editor's decision in 形式审查 (or a 路演评审 refusal); 未立项 needs a reason the organization reads."""
        old, new = ApplicationStatus(self.status), ApplicationStatus(status)
        reason = (reason or "").strip()
        if new not in self.moves():
            raise ValidationError(f"申报处于“{old.label}”状态，不能变更为“{new.label}”。")
        if new == ApplicationStatus.REJECTED and not reason:
            raise ValidationError({"reason": "作出“未立项”决定须填写理由。"})
        with transaction.atomic():
            self.status, self.status_reason = new, reason
            self.save(update_fields=["status", "status_reason", "updated_at"])
            log(
                instance=self,
                action=STATUS_ACTION,
                user=user,
                data={"from": old.label, "to": new.label, "reason": reason},
            )
            self.tell_organization(
                f"项目申报“{self.title}”已变更为“{new.label}”。" + (f"\n理由：{reason}" if reason else "")
            )

    def accept(self, user, day=None):
        """立项: the application in 路演评审 becomes a draft project under the projects section; returns it."""
        from .acceptance import make_project

        if self.status != ApplicationStatus.REVIEW:
            raise ValidationError(f"申报处于“{self.get_status_display()}”状态，须经路演评审后才能立项。")
        if refusal := blacklist_refusal(self.organization):
            raise ValidationError(refusal)
        with transaction.atomic():
            self.project = make_project(self, user, day or timezone.localdate())
            self.status, self.status_reason = ApplicationStatus.APPROVED, ""
            self.save(update_fields=["project", "status", "status_reason", "updated_at"])
            log(instance=self, action=ACCEPT_ACTION, user=user, data={"code": self.project.code})
            self.tell_organization(f"项目申报“{self.title}”已立项，项目编号 {self.project.code}，立项公示后进入实施。")
        return self.project

    def admin_path(self):
        return reverse(self.snippet_viewset.get_url_name("inspect"), args=[quote(self.pk)])

    def tell_organization(self, text):
        notify(organization_accounts(self.organization_id), "项目申报状态变更", text, self.admin_path())


def foreign_material(document, organization_id):
    """The sentence refusing another organization's material in this organization's application, or None."""
    owner = collection_organization(document)
    if owner is not None and owner != organization_id:
        return f"“{document.title}”是其他社会组织的申报材料，不能附在本申报中。"
    return None


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

    def clean(self):
        super().clean()
        if not self.document_id:
            return
        extension = os.path.splitext(self.document.file.name)[1].lower().lstrip(".")
        allowed = settings.SHEGONG_APPLICATION_ATTACHMENT_TYPES
        if extension not in allowed:
            raise ValidationError(
                {"document": f"“{self.document.title}”的文件类型不允许，只接受 {'、'.join(allowed)}。"}
            )
        # A new application's lines are checked before they are attached to it: ApplicationForm checks those.
        application = getattr(self, "application", None)
        if application is not None and (refusal := foreign_material(self.document, application.organization_id)):
            raise ValidationError({"document": refusal})
        limit = settings.SHEGONG_APPLICATION_ATTACHMENT_MAX_SIZE
        if self.document.get_file_size() and self.document.get_file_size() > limit:
            raise ValidationError({"document": f"“{self.document.title}”超过 {limit // (1024 * 1024)} MB 的大小限制。"})
