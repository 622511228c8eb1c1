"""A project's evaluation (项目评估) and its result, public only once its 评估结果公示 is published."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.models import PageViewRestriction

from .forms import EvaluationForm


class EvaluationKind(models.TextChoices):
    MIDTERM = "midterm", "中期评估"
    FINAL = "final", "终期评估"


class EvaluationGrade(models.TextChoices):
    EXCELLENT = "excellent", "优秀"
    GOOD = "good", "良好"
    PASS = "pass", "合格"
    FAIL = "fail", "不合格"


class EvaluationQuerySet(models.QuerySet):
    def published(self):
        """Results whose 评估结果公示 is live and public: the only ones a citizen may see.

        Written as one lazy subquery rather than Wagtail's .public(), which reads the view restrictions when
        it is called: the API builds its prefetch of published results once, at import.
        """
        restricted = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("notice__path"), 1, Length("page__path"))
        )
        return self.filter(notice__live=True).exclude(Exists(restricted))

    def unpublished(self):
        """Results recorded whose notice is not drafted yet, or drafted but not live."""
        return self.exclude(pk__in=self.published().values("pk"))


class Evaluation(models.Model):
    """One evaluation of one project by a third-party agency: mid-term and final are separate records."""

    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="evaluations"
    )
    kind = models.CharField("评估类型", max_length=10, choices=EvaluationKind.choices, default=EvaluationKind.FINAL)
    agency = models.CharField("评估机构", max_length=120)
    evaluated_on = models.DateField("评估日期")
    score = models.DecimalField(
        "评估得分",
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text="百分制，0–100",
    )
    grade = models.CharField("评估等级", max_length=10, choices=EvaluationGrade.choices)
    report = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name="评估报告",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    findings = models.TextField("评估意见", blank=True, help_text="主要发现与整改建议，随评估结果公示公开。")
    notice = models.ForeignKey(
        "pages.NoticePage",
        verbose_name="评估结果公示",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="evaluations",
        limit_choices_to={"kind": "evaluation_publicity"},
        help_text="起草公示时自动关联；公示发布后，评估等级才在项目页面和接口中公开。",
    )

    objects = EvaluationQuerySet.as_manager()

    base_form_class = EvaluationForm
    panels = [
        PageChooserPanel("project", "pages.ProjectPage"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("evaluated_on"), FieldPanel("agency")]),
        FieldRowPanel([FieldPanel("score"), FieldPanel("grade")]),
        FieldPanel("report"),
        FieldPanel("findings"),
        FieldPanel("notice", read_only=True),
    ]

    class Meta:
        ordering = ["-evaluated_on", "project"]
        verbose_name = "项目评估"
        verbose_name_plural = "项目评估"
        constraints = [models.UniqueConstraint(fields=["project", "kind"], name="one_evaluation_per_kind")]

    def __str__(self):
        return f"{self.project}（{self.get_kind_display()}）"
