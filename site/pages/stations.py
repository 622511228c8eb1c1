from collections import defaultdict

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
from .permissions import ScopedPermissionTester


def station_tree(stations):
    """The stations as the 区—街道—社区 tree of their regions: [{"region", "stations", "children"}], district first.

    A region is in the tree when it or a region below it has a station, so a community point whose
    street has no station yet still hangs under its street's name.
    """
    stations_of = defaultdict(list)
    regions = {}
    for station in stations:
        stations_of[station.region_id].append(station)
        region = station.region
        while region is not None and region.pk not in regions:
            regions[region.pk] = region
            region = region.parent
    children_of = defaultdict(list)
    for region in regions.values():
        children_of[region.parent_id].append(region)

    def node(region):
        children = sorted(children_of[region.pk], key=lambda r: r.name)
        return {"region": region, "stations": stations_of[region.pk], "children": [node(child) for child in children]}

    roots = [region for region in regions.values() if region.parent_id not in regions]
    return [node(region) for region in sorted(roots, key=lambda r: (r.level != RegionLevel.DISTRICT, r.name))]


class StationIndexPage(Page):
    intro = models.TextField("导语", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.StationPage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "社工站点栏目"

    def stations(self):
        return StationPage.objects.live().public().child_of(self).select_related("region", "region__parent__parent")

    def get_context(self, request, *args, **kwargs):
        from .filters import StationFilter

        context = super().get_context(request, *args, **kwargs)
        listing = filtered_listing(request, StationFilter(request.GET, queryset=self.stations().order_by("title")))
        context.update(listing, tree=station_tree(listing["filter"].qs))
        return context


class StationPage(Page):
    """A social work station in the district → street → community network (三级社会工作服务体系)."""

    level = models.CharField("站点层级", max_length=16, choices=StationLevel.choices)
    region = models.ForeignKey(
        "snippets.Region",
        verbose_name="所在区域",
        on_delete=models.PROTECT,
        related_name="stations",
        help_text="区级中心选区，街道站选街道，社区点选社区",
    )
    address = models.CharField("地址", max_length=200, blank=True)
    phone = models.CharField("服务电话", max_length=40, blank=True, help_text="公开的站点服务电话")
    opened_on = models.DateField("启用日期", null=True, blank=True)
    staff_count = models.PositiveIntegerField("驻站社工人数", default=0)
    hours = models.CharField("开放时间", max_length=120, blank=True, help_text="例如 周一至周五 9:00-17:00")
    operator = models.ForeignKey(
        "snippets.SocialOrganization",
        verbose_name="运营机构",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="operated_stations",
        help_text="承接站点运营的社会组织，可留空",
    )
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
                FieldRowPanel([FieldPanel("hours"), FieldPanel("operator")]),
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
            raise ValidationError(
                {"region": f"“{self.get_level_display()}”的所在区域应为{RegionLevel(self.level).label}。"}
            )

    @property
    def service_list(self):
        return [line.strip() for line in self.services.splitlines() if line.strip()]

    def public_stations(self):
        return StationPage.objects.live().public().select_related("region")

    def parent_stations(self):
        """The stations one level up: the street station of a community point, the district centre of a street station."""
        if not self.region.parent_id:
            return StationPage.objects.none()
        return self.public_stations().filter(region=self.region.parent_id).order_by("title")

    def child_stations(self):
        return self.public_stations().filter(region__parent=self.region_id).order_by("region__name", "title")

    def street(self):
        """The street (乡镇) the station serves: its own region for a street station, the parent for a community point."""
        if self.level == StationLevel.STREET:
            return self.region
        if self.level == StationLevel.COMMUNITY:
            return self.region.parent
        return None

    def street_projects(self):
        """The street's live public projects, newest first; a community point shows its street's too."""
        from .projects import ProjectPage

        street = self.street()
        if street is None:
            return ProjectPage.objects.none()
        return ProjectPage.objects.published().filter(street=street).order_by("-start_date", "code")

    def permissions_for_user(self, user):
        return ScopedPermissionTester(user, self)
