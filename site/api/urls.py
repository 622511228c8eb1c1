"""The headless API: /api/v2/ endpoints, /api/schema/ (OpenAPI 3) and /api/docs/."""

from django.http import JsonResponse
from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView
from wagtail.api.v2.router import WagtailAPIRouter

from . import endpoints
from .index import APIIndexView
from .preview import PreviewEndpoint
from .stats import StatsAPIView

router = WagtailAPIRouter("wagtailapi_v2")
# Typed page endpoints first: an item's detail_url then points at its own type's endpoint.
for endpoint in (
    endpoints.ProjectsEndpoint,
    endpoints.PoliciesEndpoint,
    endpoints.NoticesEndpoint,
    endpoints.StationsEndpoint,
    endpoints.PagesEndpoint,
    endpoints.ImagesEndpoint,
    endpoints.DocumentsEndpoint,
    endpoints.DepartmentsEndpoint,
    endpoints.CategoriesEndpoint,
    # Before the red/black list, so an organization's detail_url is its own record.
    endpoints.OrganizationsEndpoint,
    endpoints.RedBlackListEndpoint,
    endpoints.RegionsEndpoint,
    endpoints.UpdatesEndpoint,
    PreviewEndpoint,
):
    router.register_endpoint(endpoint.name, endpoint)


def not_found(request):
    return JsonResponse({"message": "没有这个接口地址，请查阅 /api/docs/。"}, status=404)


urlpatterns = [
    path("v2/stats/", StatsAPIView.as_view(), name="api_stats"),
    path("v2/", APIIndexView.as_view(), name="api_index"),
    path("v2/", router.urls),
    path("schema/", SpectacularAPIView.as_view(), name="api_schema"),
    # Served from our own static files, with no inline script (the split view serves its script at ?script).
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(url_name="api_schema", title="社工 Shegong 接口文档"),
        name="api_docs",
    ),
    path(
        "redoc/",
        SpectacularRedocView.as_view(
            url_name="api_schema", template_name="api/redoc.html", title="社工 Shegong 接口文档"
        ),
        name="api_redoc",
    ),
    # Any other /api/ address: a JSON 404 for a consuming site, not the public site's HTML page.
    re_path(r"", not_found),
]
