from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from .moderation import Moderated, ModeratedQuerySet, ModerationStatus


class Comment(Moderated):
    """A citizen's comment on a project (项目留言), with an optional 1–5 rating once it is evaluated."""

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="comments"
    )
    name = models.CharField("称呼", max_length=40)
    contact = models.CharField("联系方式（不公开）", max_length=80, blank=True)
    text = models.TextField("留言内容", max_length=2000)
    rating = models.PositiveSmallIntegerField(
        "评分", null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )

    class Meta(Moderated.Meta):
        verbose_name = "项目留言"
        verbose_name_plural = "项目留言"

    def __str__(self):
        return f"{self.name}：{self.text[:20]}"


class ObjectionOutcome(models.TextChoices):
    ACCEPTED = "accepted", "受理"
    NOT_ACCEPTED = "not_accepted", "不予受理"
    VERIFIED = "verified", "已核实"


class ObjectionQuerySet(ModeratedQuerySet):
    def awaiting_outcome(self):
        """Objections nobody has answered yet; rejected ones (spam, abuse) need no answer."""
        return self.filter(outcome="").exclude(status=ModerationStatus.REJECTED)

    def answered(self):
        return self.exclude(outcome="")


class Objection(Moderated):
    """An objection (异议) to a project filed during its publicity period."""

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="objections"
    )
    notice = models.ForeignKey(
        "pages.NoticePage",
        verbose_name="所涉公示",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="objections",
    )
    name = models.CharField("姓名", max_length=40)
    contact = models.CharField("联系方式（不公开）", max_length=80, help_text="用于反馈处理结果")
    text = models.TextField("异议内容", max_length=4000)
    outcome = models.CharField("处理结果", max_length=12, choices=ObjectionOutcome.choices, blank=True)
    reply = models.TextField("答复", blank=True, help_text="随公示公开；请勿写入异议人的姓名或联系方式。")
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="答复人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answered_at = models.DateTimeField("答复时间", null=True, blank=True, editable=False)

    objects = ObjectionQuerySet.as_manager()

    class Meta(Moderated.Meta):
        verbose_name = "公示异议"
        verbose_name_plural = "公示异议"

    def __str__(self):
        return f"{self.project}：{self.name}"

    def clean(self):
        super().clean()
        if self.outcome and not self.reply.strip():
            raise ValidationError({"reply": "填写处理结果时须同时填写答复。"})
        if self.reply.strip() and not self.outcome:
            raise ValidationError({"outcome": "请选择处理结果。"})

    def record_outcome(self, user):
        """Stamp who answered and when: the answer is published with the notice from then on. Once saved, the
        objector and the purchasing department are told (shegong.notifications.events)."""
        self.answered_by, self.answered_at = (user, timezone.now()) if self.outcome else (None, None)
        self.outcome_recorded = bool(self.outcome)


class SubmissionCount(models.Model):
    """How many public submissions one client address made in its current window.

    Counted with one UPDATE … SET count = count + 1 in the database every worker shares: the database cache's
    incr() reads and then writes, so simultaneous posts to different workers were each let through.
    """

    key = models.CharField(max_length=200, unique=True)
    window_started = models.DateTimeField()
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = "提交计数"
        verbose_name_plural = "提交计数"
