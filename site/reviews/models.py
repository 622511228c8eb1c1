"""路演评审: the rubric an editor sets per call, experts' assignments and scores, the decision per application.

Everything here is internal (admin only) except the rank and average of each application, which the
public sees once the editor publishes the call's ranking (Rubric.ranking_published_at).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Orderable

from .enums import Outcome


class Rubric(ClusterableModel):
    """评分细则 of one call, and the state of its review round."""

    call = models.OneToOneField(
        "calls.CallPage", verbose_name="项目征集", on_delete=models.CASCADE, related_name="rubric"
    )
    drop_extremes = models.BooleanField(
        "去掉一个最高分和一个最低分",
        default=False,
        help_text="勾选后，一个申报有 3 位及以上专家评分时，去掉一个最高分和一个最低分再求平均。",
    )
    closed_at = models.DateTimeField("评审结束时间", null=True, blank=True, editable=False)
    ranking_published_at = models.DateTimeField("排名公布时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "评分细则"
        verbose_name_plural = "评分细则"

    def __str__(self):
        return f"{self.call}评分细则"

    @property
    def is_closed(self):
        return self.closed_at is not None


class Criterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField("评分项", max_length=60)
    weight = models.PositiveSmallIntegerField(
        "权重（%）", validators=[MinValueValidator(1), MaxValueValidator(100)], help_text="各评分项权重之和须为 100"
    )
    max_score = models.PositiveSmallIntegerField(
        "满分", default=10, validators=[MinValueValidator(1), MaxValueValidator(100)]
    )

    class Meta(Orderable.Meta):
        verbose_name = "评分项"
        verbose_name_plural = "评分项"

    def __str__(self):
        return f"{self.name}（{self.weight}%）"


class ExpertTie(models.Model):
    """利益关联声明: an expert's tie to an organization; the expert may not score its applications."""

    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="评审专家", on_delete=models.CASCADE, related_name="review_ties"
    )
    organization = models.ForeignKey(
        "snippets.SocialOrganization", verbose_name="关联社会组织", on_delete=models.CASCADE, related_name="+"
    )
    note = models.CharField("关联说明", max_length=200, help_text="例如：曾任该组织理事、近三年受聘于该组织")
    declared_at = models.DateTimeField("声明时间", auto_now_add=True)

    class Meta:
        verbose_name = "利益关联声明"
        verbose_name_plural = "利益关联声明"
        constraints = [models.UniqueConstraint(fields=["expert", "organization"], name="one_tie_per_organization")]

    def __str__(self):
        return f"{self.expert} — {self.organization}"


def conflict_of_interest(expert, application):
    """Why `expert` may not score `application` (a sentence in Chinese), or None."""
    organization_id = application.organization_id
    profile = getattr(expert, "staff_profile", None)
    if profile is not None and profile.organization_id == organization_id:
        return f"专家“{expert.get_username()}”的账号属于申报单位“{application.organization}”，不能评审该申报。"
    if ExpertTie.objects.filter(expert=expert, organization_id=organization_id).exists():
        return (
            f"专家“{expert.get_username()}”已声明与申报单位“{application.organization}”存在利益关联，不能评审该申报。"
        )
    return None


class Assignment(models.Model):
    """An expert asked to score one application; holds the expert's overall comment."""

    application = models.ForeignKey(
        "calls.Application", verbose_name="申报", on_delete=models.CASCADE, related_name="review_assignments"
    )
    expert = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="评审专家", on_delete=models.PROTECT, related_name="review_assignments"
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="分配人",
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField("分配时间", auto_now_add=True)
    comment = models.TextField("评审意见", blank=True)
    scored_at = models.DateTimeField("评分时间", null=True, blank=True, editable=False)

    class Meta:
        verbose_name = "评审分配"
        verbose_name_plural = "评审分配"
        ordering = ["application", "expert"]
        constraints = [models.UniqueConstraint(fields=["application", "expert"], name="one_assignment_per_expert")]
        permissions = [("score_application", "对分配的申报评分")]

    def __str__(self):
        return f"{self.application} — {self.expert}"

    def clean(self):
        if self.application_id is None or self.expert_id is None:
            return
        problem = conflict_of_interest(self.expert, self.application)
        if problem:
            raise ValidationError({"expert": problem})

    def weighted_total(self):
        """0..100: each criterion's score as a share of its maximum, times its weight."""
        return sum(
            (Decimal(score.value) / score.criterion.max_score * score.criterion.weight for score in self.scores.all()),
            Decimal(0),
        ).quantize(Decimal("0.01"))


class CriterionScore(models.Model):
    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, verbose_name="评分项", on_delete=models.CASCADE, related_name="scores")
    value = models.DecimalField("得分", max_digits=5, decimal_places=2, validators=[MinValueValidator(0)])

    class Meta:
        verbose_name = "评分项得分"
        verbose_name_plural = "评分项得分"
        constraints = [models.UniqueConstraint(fields=["assignment", "criterion"], name="one_score_per_criterion")]

    def __str__(self):
        return f"{self.criterion.name}：{self.value}"


class Decision(models.Model):
    """The editor's approval or rejection of an application after the review, with the 立项公示 it drafted."""

    application = models.OneToOneField(
        "calls.Application", verbose_name="申报", on_delete=models.CASCADE, related_name="review_decision"
    )
    outcome = models.CharField("评审结论", max_length=10, choices=Outcome.choices)
    reason = models.TextField("理由", blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="决定人", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField("决定时间", auto_now_add=True)
    notice = models.ForeignKey(
        "pages.NoticePage",
        verbose_name="立项公示",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="review_decisions",
    )

    class Meta:
        verbose_name = "评审结论"
        verbose_name_plural = "评审结论"

    def __str__(self):
        return f"{self.application}：{self.get_outcome_display()}"
