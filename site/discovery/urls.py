from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from . import feeds, views
from .sitemaps import SITEMAPS

app_name = "discovery"
urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("favicon.ico", views.FaviconView.as_view(), name="favicon"),
    path("feeds/notices/rss/", feeds.NoticeFeed(), name="notices-rss"),
    path("feeds/notices/atom/", feeds.atom(feeds.NoticeFeed)(), name="notices-atom"),
    path("feeds/policies/rss/", feeds.PolicyFeed(), name="policies-rss"),
    path("feeds/policies/atom/", feeds.atom(feeds.PolicyFeed)(), name="policies-atom"),
    path("feeds/projects/rss/", feeds.ProjectFeed(), name="projects-rss"),
    path("feeds/projects/atom/", feeds.atom(feeds.ProjectFeed)(), name="projects-atom"),
]
