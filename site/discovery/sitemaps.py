"""sitemap.xml: every live public page (Wagtail's sitemap) plus the public views that are not pages."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from wagtail.contrib.sitemaps import Sitemap as PageSitemap

from shegong.snippets.models import SocialOrganization

PUBLIC_VIEWS = [
    "redblack:listing",
    "stats:statistics",
    "opendata:index",
    "navigation:sitemap",
    "navigation:disclosure",
    "organizations:index",
]


class ViewSitemap(Sitemap):
    """The public pages that are Django views rather than Wagtail pages."""

    def items(self):
        return PUBLIC_VIEWS

    def location(self, item):
        return reverse(item)


class OrganizationSitemap(Sitemap):
    def items(self):
        return SocialOrganization.objects.order_by("pk")

    def location(self, item):
        return reverse("organizations:profile", args=[item.pk])


SITEMAPS = {"pages": PageSitemap, "views": ViewSitemap, "organizations": OrganizationSitemap}
