from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyBlock
from .notices import NoticePage
from .policies import PolicyPage
from .projects import ProjectPage


class HomePage(Page):
    intro = models.TextField("导语", blank=True)
    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.ProjectIndexPage",
        "pages.PolicyIndexPage",
        "pages.NoticeIndexPage",
        "pages.StationIndexPage",
        "pages.ContentPage",
    ]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    class Meta:
        verbose_name = "首页"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        projects = ProjectPage.objects.published().descendant_of(self)
        context.update(
            latest_notices=NoticePage.objects.live().public().descendant_of(self).order_by("-published_on")[:8],
            latest_policies=PolicyPage.objects.live().public().descendant_of(self).order_by("-issued_on")[:8],
            latest_projects=projects.select_related("category", "organization").order_by("-start_date")[:8],
            project_totals=projects.totals(),
        )
        return context


class ContentPage(Page):
    """A plain content page, e.g. 关于平台 or 联系我们."""

    body = StreamField(BodyBlock(), verbose_name="正文", blank=True)

    parent_page_types = ["pages.HomePage", "pages.ContentPage"]
    subpage_types = ["pages.ContentPage"]
    content_panels = Page.content_panels + [FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("body")]

    class Meta:
        verbose_name = "普通页面"
