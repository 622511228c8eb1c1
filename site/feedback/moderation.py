"""One moderation flow for everything the public or an organization submits.

A submission is stored as pending; an editor approves it, or rejects it with a
reason; only approved ones are ever shown. A plain status, not Wagtail
workflows: a comment has no drafts or revisions to manage, and one queue per
kind is what moderators asked for.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone


class ModerationStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "已驳回"


class ModeratedQuerySet(models.QuerySet):
    def approved(self):
        return self.filter(status=ModerationStatus.APPROVED)

    def pending(self):
        return self.filter(status=ModerationStatus.PENDING)


class Moderated(models.Model):
    status = models.CharField(
        "审核状态", max_length=10, choices=ModerationStatus.choices, default=ModerationStatus.PENDING, db_index=True
    )
    moderation_note = models.TextField("审核意见", blank=True, help_text="驳回时必填，说明理由；不对外公开。")
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    moderated_at = models.DateTimeField("审核时间", null=True, blank=True, editable=False)
    created_at = models.DateTimeField("提交时间", default=timezone.now, editable=False)

    objects = ModeratedQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-created_at"]

    def clean(self):
        super().clean()
        if self.status == ModerationStatus.REJECTED and not self.moderation_note.strip():
            raise ValidationError({"moderation_note": "驳回须填写理由。"})

    def record_moderation(self, user):
        """Stamp who decided and when, once the status leaves “pending”."""
        if self.status == ModerationStatus.PENDING:
            self.moderated_by, self.moderated_at = None, None
        else:
            self.moderated_by, self.moderated_at = user, timezone.now()
