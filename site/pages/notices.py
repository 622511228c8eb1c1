from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock
from .enums import NoticeKind
from .listing import filtered_listing


def default_supervision_phone():
    return settings.SHEGONG_SUPERVISION_PHONE


def default_supervision_email():
    return settings.SHEGONG_SUPERVISION_EMAIL


class NoticeIndexPage(Page):
    intro = models.TextField("导语", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.NoticePage", "calls.CallPage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "通知公告栏目"

    def notices(self):
        return NoticePage.objects.live().public().child_of(self).order_by("-published_on", "-pk")

    def get_context(self, request, *args, **kwargs):
        from .filters import NoticeFilter

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_listing(request, NoticeFilter(request.GET, queryset=self.notices())))
        return context


class NoticePage(Page):
    """A public notice: a call for projects, a publicity, or work news."""

    kind = models.CharField("类型", max_length=24, choices=NoticeKind.choices, default=NoticeKind.NEWS)
    published_on = models.DateField("发布日期")
    publicity_until = models.DateField(
        "公示截止日期", null=True, blank=True, help_text="立项公示、评估结果公示、红黑榜公示必填"
    )
    source = models.CharField("来源", max_length=120, blank=True)
    supervision_phone = models.CharField(
        "监督电话", max_length=40, blank=True, default=default_supervision_phone, help_text="公示期内受理异议的电话"
    )
    supervision_email = models.EmailField(
        "监督邮箱", blank=True, default=default_supervision_email, help_text="公示期内受理异议的电子邮箱"
    )
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)

    parent_page_types = ["pages.NoticeIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("body"),
        index.SearchField("source"),
        index.FilterField("kind"),
        index.FilterField("published_on"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("published_on"), FieldPanel("publicity_until")]),
        FieldPanel("source"),
        FieldRowPanel([FieldPanel("supervision_phone"), FieldPanel("supervision_email")], heading="公示监督"),
        FieldPanel("image"),
        FieldPanel("body"),
        InlinePanel("related_projects", label="相关项目"),
    ]

    class Meta:
        verbose_name = "通知公告"
        verbose_name_plural = "通知公告"

    @property
    def is_publicity(self):
        return self.kind in NoticeKind.publicity_kinds()

    def clean(self):
        super().clean()
        if self.is_publicity and not self.publicity_until:
            raise ValidationError({"publicity_until": f"“{self.get_kind_display()}”须填写公示截止日期。"})
        if self.publicity_until and self.published_on and self.publicity_until < self.published_on:
            raise ValidationError({"publicity_until": "公示截止日期不能早于发布日期。"})


class NoticeProject(Orderable):
    page = ParentalKey(NoticePage, on_delete=models.CASCADE, related_name="related_projects")
    project = models.ForeignKey(
        "pages.ProjectPage", verbose_name="项目", on_delete=models.CASCADE, related_name="notice_links"
    )

    panels = [PageChooserPanel("project", "pages.ProjectPage")]

    class Meta(Orderable.Meta):
        verbose_name = "相关项目"
        constraints = [models.UniqueConstraint(fields=["page", "project"], name="unique_notice_project")]
