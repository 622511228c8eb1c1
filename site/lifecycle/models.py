from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


class ReviewScore(models.Model):
    """One expert's roadshow review score (路演评审打分). Internal: shown in the admin only."""

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="review_scores"
    )
    reviewer = models.CharField("评审专家", max_length=60)
    score = models.DecimalField(
        "得分",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="百分制，0–100",
    )
    comment = models.TextField("评审意见", blank=True)
    reviewed_on = models.DateField("评审日期", default=timezone.localdate)

    class Meta:
        ordering = ["project", "reviewer"]
        verbose_name = "路演评审打分"
        verbose_name_plural = "路演评审打分"
        constraints = [models.UniqueConstraint(fields=["project", "reviewer"], name="one_score_per_reviewer")]

    def __str__(self):
        return f"{self.project}：{self.reviewer} {self.score}"
