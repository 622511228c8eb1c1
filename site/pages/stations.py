from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from shegong.snippets.models import RegionLevel

from .blocks import BodyBlock
from .enums import StationLevel
from .listing import filtered_listing

class StationIndexPage(Page):
    intro = models.TextField("导语", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StationPage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "社工站点栏目"

    def stations(self):
        return StationPage.objects.live().public().child_of(self).select_related("region", "region__parent")

    def get_context(self, request, *args, **kwargs):
        from .filters import StationFilter

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_listing(request, StationFilter(request.GET, queryset=self.stations().order_by("level", "title"))))
        return context


class StationPage(Page):
    """A social work station in the district → street → community network (三级社会工作服务体系)."""

    level = models.CharField("站点层级", max_length=16, choices=StationLevel.choices)
    region = models.ForeignKey(
        "snippets.Region", verbose_name="所在区域", on_delete=models.PROTECT, related_name="stations",
        help_text="区级中心选区，街道站选街道，社区点选社区",
    )
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("服务电话", max_length=40, blank=True, help_text="公开的站点服务电话")
    opened_on = models.DateField("启用日期", null=True, blank=True)
    staff_count = models.PositiveIntegerField("驻站社工人数", default=0)
    services = models.TextField("服务内容", blank=True, help_text="每行一项，例如：养老服务、儿童关爱")
    body = StreamField(BodyBlock(), verbose_name="介绍", blank=True)

    parent_page_types = ["pages.StationIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("address"),
        index.SearchField("services"),
        index.SearchField("body"),
        index.RelatedFields("region", [index.SearchField("name")]),
        index.FilterField("level"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("level"), FieldPanel("region")]),
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("opened_on"), FieldPanel("staff_count")]),
            ],
            heading="站点信息",
        ),
        FieldPanel("services"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = "社工站点"
        verbose_name_plural = "社工站点"

    def clean(self):
        super().clean()
        if self.region_id and self.level and self.region.level != self.level:
            raise ValidationError({"region": f"“{self.get_level_display()}”的所在区域应为{RegionLevel(self.level).label}。"})

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]
