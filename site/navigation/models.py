"""The site's frame, edited under 设置 → 网站框架: menus, footer and the identifiers a government site must show."""

from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    PageChooserPanel,
    TabbedInterface,
)
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from . import defaults


@register_setting(icon="site")
class SiteFrame(ClusterableModel, BaseSiteSetting):
    sponsor = models.CharField("主办单位", max_length=120, blank=True)
    organizer = models.CharField("承办单位", max_length=120, blank=True)
    contact = models.TextField("联系方式", blank=True, help_text="地址、电话、电子邮箱，每行一项")
    site_code = models.CharField(
        "网站标识码", max_length=20, blank=True, help_text="由政府网站信息报送系统分配，例如 5301110001"
    )
    icp_number = models.CharField("ICP备案号", max_length=60, blank=True, help_text="例如 滇ICP备12345678号")
    police_number = models.CharField(
        "公安备案号", max_length=60, blank=True, help_text="例如 滇公网安备53011102000001号"
    )
    description = models.CharField(
        "网站简介", max_length=200, blank=True, help_text="页面没有摘要时，搜索引擎和分享卡片显示这句话"
    )

    panels = [
        InlinePanel("main_menu", label="主导航链接", heading="主导航"),
        InlinePanel("footer_links", label="页脚链接", heading="页脚链接"),
    ]
    footer_panels = [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("sponsor"), FieldPanel("organizer")]), FieldPanel("contact")],
            heading="主办与联系",
        ),
        MultiFieldPanel(
            [FieldPanel("site_code"), FieldRowPanel([FieldPanel("icp_number"), FieldPanel("police_number")])],
            heading="网站标识与备案",
        ),
        FieldPanel("description"),
    ]
    edit_handler = TabbedInterface(
        [ObjectList(panels, heading="导航"), ObjectList(footer_panels, heading="页脚与备案")]
    )

    class Meta:
        verbose_name = "网站框架"

    @classmethod
    def for_site(cls, site):
        if site is None:
            raise cls.DoesNotExist("没有站点，无法读取网站框架。")
        frame, created = cls.base_queryset().get_or_create(site=site)
        if created:
            defaults.fill(frame, MainMenuItem, FooterLink)
        return frame

    @property
    def contact_lines(self):
        return [line.strip() for line in self.contact.splitlines() if line.strip()]


class MenuLink(Orderable):
    """A link to a page of the site, or to any address (another site, a view such as /redblack/)."""

    label = models.CharField("链接文字", max_length=40, blank=True, help_text="链接页面时可留空，使用页面标题")
    link_page = models.ForeignKey(
        "wagtailcore.Page", verbose_name="页面", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    link_url = models.CharField("网址", max_length=300, blank=True, help_text="站内路径如 /redblack/，或完整网址")

    panels = [FieldPanel("label"), PageChooserPanel("link_page"), FieldPanel("link_url")]

    class Meta(Orderable.Meta):
        abstract = True

    def clean(self):
        super().clean()
        if bool(self.link_page) == bool(self.link_url):
            raise ValidationError({"link_url": "请选择一个页面或填写一个网址（二选一）。"})
        if self.link_url and not self.label:
            raise ValidationError({"label": "链接网址时须填写链接文字。"})

    @property
    def url(self):
        return self.link_page.url if self.link_page else self.link_url

    @property
    def text(self):
        return self.label or (self.link_page.title if self.link_page else self.link_url)


class MainMenuItem(MenuLink):
    frame = ParentalKey(SiteFrame, on_delete=models.CASCADE, related_name="main_menu")

    class Meta(MenuLink.Meta):
        verbose_name = "主导航链接"


class FooterLink(MenuLink):
    frame = ParentalKey(SiteFrame, on_delete=models.CASCADE, related_name="footer_links")

    class Meta(MenuLink.Meta):
        verbose_name = "页脚链接"
