from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("", include("shegong.ops.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/search/", include("shegong.search.api_urls")),
    path("api/", include("shegong.api.urls")),
    path("search/", include("shegong.search.urls")),
    path("feedback/", include("shegong.feedback.urls")),
    path("redblack/", include("shegong.redblack.urls")),
    path("stats/", include("shegong.stats.urls")),
    path("opendata/", include("shegong.opendata.urls")),
    path("organizations/", include("shegong.organizations.urls")),
    path("reviews/", include("shegong.reviews.public_urls")),
    path("", include("shegong.navigation.urls")),
    path("", include("shegong.discovery.urls")),
]

if settings.DEBUG or getattr(settings, "SHEGONG_SERVE_MEDIA", False):
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += [re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT})]

urlpatterns += [path("", include(wagtail_urls))]
