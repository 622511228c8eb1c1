from django.conf import settings
from django.db import models


class DuplicateConfirmation(models.Model):
    """An editor's word that a project is not a repeat of an earlier, similar one."""

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="服务项目", on_delete=models.CASCADE, related_name="duplicate_confirmations"
    )
    earlier = models.ForeignKey(
        "pages.ProjectPage", verbose_name="相似的已有项目", on_delete=models.CASCADE, related_name="+"
    )
    similarity = models.PositiveSmallIntegerField("相似度（%）")
    reason = models.TextField("确认理由")
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="确认人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    confirmed_at = models.DateTimeField("确认时间", auto_now_add=True)

    class Meta:
        verbose_name = "非重复申报确认"
        verbose_name_plural = "非重复申报确认"
        constraints = [models.UniqueConstraint(fields=["project", "earlier"], name="unique_duplicate_confirmation")]

    def __str__(self):
        return f"{self.project} ≠ {self.earlier}"


def confirm(project, matches, reason, user=None):
    """Record that `project` is distinct from each matched earlier project."""
    for match in matches:
        DuplicateConfirmation.objects.update_or_create(
            project=project,
            earlier=match.project,
            defaults={"similarity": match.percent, "reason": reason, "confirmed_by": user},
        )
