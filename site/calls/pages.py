"""The call for projects (征集公告): a public page in the notices section."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from shegong.pages.blocks import BodyBlock


class CallPage(Page):
    """A call for projects: organizations apply to it in the admin while it is open."""

    opens_on = models.DateField("征集开始日期")
    closes_on = models.DateField("申报截止日期", help_text="截止日当天 24 时前提交有效")
    purchaser = models.ForeignKey(
        "snippets.Department",
        verbose_name="购买部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="calls",
    )
    categories = ParentalManyToManyField("snippets.ProjectCategory", verbose_name="征集类别", blank=True)
    budget_ceiling = models.DecimalField(
        "单个项目预算上限（元）",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    required_materials = models.TextField("申报材料要求", blank=True)
    body = StreamField(BodyBlock(), verbose_name="公告正文", blank=True)

    parent_page_types = ["pages.NoticeIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("required_materials"),
        index.SearchField("body"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")]),
                FieldRowPanel([FieldPanel("purchaser"), FieldPanel("budget_ceiling")]),
                FieldPanel("categories"),
            ],
            heading="征集信息",
        ),
        FieldPanel("required_materials"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "项目征集公告"
        verbose_name_plural = "项目征集公告"

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError({"closes_on": "申报截止日期不能早于征集开始日期。"})

    @property
    def deadline(self):
        """The last moment an application may be submitted: the end of the closing day, local time."""
        return timezone.make_aware(datetime.datetime.combine(self.closes_on, datetime.time.max))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["today"] = timezone.localdate()
        return context

    def ranking_url(self):
        """The public 评审结果 (/reviews/<call>/) once the editor has published the ranking; None until then."""
        rubric = getattr(self, "rubric", None)  # the review's rubric (shegong.reviews), if the call has one
        if rubric is None or rubric.ranking_published_at is None:
            return None
        return reverse("reviews_public:ranking", args=[self.pk])

    def is_open(self, at=None):
        at = at or timezone.now()
        return self.opens_on <= timezone.localdate(at) and at <= self.deadline
