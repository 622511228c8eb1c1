"""`/api/v2/`: what a consumer can ask for, with each endpoint's address and what it serves."""

from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from .caching import ConditionalGetMixin
from .descriptions import ENDPOINTS, SPREADSHEETS
from .links import absolute

# Where each endpoint lives, by URL name; the preview needs a token, so it is listed but not linked as a listing.
ADDRESSES = {
    "projects": "wagtailapi_v2:projects:listing",
    "policies": "wagtailapi_v2:policies:listing",
    "notices": "wagtailapi_v2:notices:listing",
    "stations": "wagtailapi_v2:stations:listing",
    "search": "search_api:search",
    "stats": "api_stats",
    "organizations": "wagtailapi_v2:organizations:listing",
    "redblack": "wagtailapi_v2:redblack:listing",
    "updates": "wagtailapi_v2:updates:listing",
    "departments": "wagtailapi_v2:departments:listing",
    "categories": "wagtailapi_v2:categories:listing",
    "regions": "wagtailapi_v2:regions:listing",
    "images": "wagtailapi_v2:images:listing",
    "documents": "wagtailapi_v2:documents:listing",
    "pages": "wagtailapi_v2:pages:listing",
    "preview": "wagtailapi_v2:preview:detail",
}


class EndpointSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="接口名")
    title = serializers.CharField(help_text="中文名称")
    description = serializers.CharField(help_text="说明")
    url = serializers.URLField(help_text="地址")
    csv_url = serializers.URLField(allow_null=True, help_text="电子表格下载地址；不提供时为 null")


class IndexSerializer(serializers.Serializer):
    endpoints = EndpointSerializer(many=True)
    docs = serializers.URLField(help_text="可交互的接口文档（Swagger UI）")
    redoc = serializers.URLField(help_text="接口文档（ReDoc）")
    schema = serializers.URLField(help_text="OpenAPI 3 描述")


class APIIndexView(ConditionalGetMixin, APIView):
    renderer_classes = [JSONRenderer]

    @extend_schema(
        responses=IndexSerializer,
        operation_id="index",
        tags=["index"],
        summary=ENDPOINTS["index"][0],
        description=ENDPOINTS["index"][1],
    )
    def get(self, request):
        endpoints = []
        for name, url_name in ADDRESSES.items():
            url = absolute(reverse(url_name), request)
            title, description = ENDPOINTS[name]
            csv_url = url + "?format=csv" if name in SPREADSHEETS else None
            endpoints.append({"name": name, "title": title, "description": description, "url": url, "csv_url": csv_url})
        return Response(
            {
                "endpoints": endpoints,
                "docs": absolute(reverse("api_docs"), request),
                "redoc": absolute(reverse("api_redoc"), request),
                "schema": absolute(reverse("api_schema"), request),
            }
        )
