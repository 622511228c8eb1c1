"""OpenAPI for Wagtail's API v2 endpoints, whose serializers are built per request from `fields=`.

drf-spectacular cannot see those serializers, so each endpoint is described here from the same
`fields.API_FIELDS` the endpoint serves; a response with fewer fields (`fields=`) still matches.
"""

import copy
import re
from functools import cache

import django_filters
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from drf_spectacular.extensions import OpenApiViewExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from modelcluster.fields import ParentalManyToManyField
from rest_framework import serializers
from rest_framework.utils import model_meta
from taggit.managers import TaggableManager
from wagtail.api.rich_text import RichTextOutputFormat
from wagtail.api.v2.filters import SearchFilter
from wagtail.fields import StreamField
from wagtail.models import Page

from shegong.snippets.models import RegionLevel

from .descriptions import ACTIONS, COMPONENTS, ENDPOINTS, item_description
from .serializers import LabelField


class DocSerializer(serializers.Serializer):
    """Describes a response only; any field may be absent, since `fields=` chooses them."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.required = False
        return fields


class MessageSerializer(serializers.Serializer):
    message = serializers.CharField(help_text="出错原因")


class ListingMetaSerializer(serializers.Serializer):
    total_count = serializers.IntegerField(help_text="符合条件的总条数")


class BlockSerializer(DocSerializer):
    """One StreamField block: its type (heading, paragraph, image, table, document) and value."""

    type = serializers.CharField()
    value = serializers.JSONField()
    id = serializers.CharField()


class ObjectMetaSerializer(DocSerializer):
    type = serializers.CharField(help_text="内容类型，例如 pages.ProjectPage")
    detail_url = serializers.URLField()


class FileMetaSerializer(ObjectMetaSerializer):
    tags = serializers.ListField(child=serializers.CharField())
    download_url = serializers.CharField()


class ParentSerializer(DocSerializer):
    id = serializers.IntegerField()
    meta = ObjectMetaSerializer()
    title = serializers.CharField()


class PageMetaSerializer(ObjectMetaSerializer):
    html_url = serializers.URLField(allow_null=True)
    slug = serializers.CharField()
    show_in_menus = serializers.BooleanField()
    seo_title = serializers.CharField()
    search_description = serializers.CharField()
    first_published_at = serializers.DateTimeField(allow_null=True)
    alias_of = serializers.JSONField(allow_null=True)
    parent = ParentSerializer(allow_null=True, help_text="仅详情接口")
    locale = serializers.CharField()


def meta_serializer(view):
    if issubclass(view.model, Page):
        return PageMetaSerializer()
    if "download_url" in view.meta_fields:
        return FileMetaSerializer()
    return ObjectMetaSerializer()


def documented_field(model, api_field):
    """The serializer field that describes one API field's value."""
    try:
        model_field = model._meta.get_field(api_field.name)
    except FieldDoesNotExist:
        model_field = None
    if api_field.serializer is not None:
        if isinstance(api_field.serializer, serializers.Serializer) and getattr(model_field, "null", False):
            # A related record that may be missing; rebuilt, since copies of a field drop later changes.
            return type(api_field.serializer)(read_only=True, allow_null=True)
        return copy.deepcopy(api_field.serializer)
    if model_field is None:
        return serializers.JSONField()
    if isinstance(model_field, StreamField):
        return BlockSerializer(many=True)
    if isinstance(model_field, (TaggableManager, ParentalManyToManyField)) or model_field.many_to_many:
        return serializers.ListField(child=serializers.CharField())
    builder = serializers.ModelSerializer()
    field_class, kwargs = builder.build_field(api_field.name, model_meta.get_field_info(model), model, 0)
    kwargs.pop("validators", None)
    return field_class(**kwargs)


@cache
def item_serializer(view_class, name):
    """The serializer that documents one item of `view_class` (the endpoint `name`), named after its model."""
    view = view_class
    model = view.model
    attrs = {field.name: documented_field(model, field) for field in view.get_body_fields(model)}
    attrs["meta"] = meta_serializer(view)
    attrs["__doc__"] = item_description(ENDPOINTS[name][0])
    return type(f"{view_class.__name__.removesuffix('Endpoint')}Item", (DocSerializer,), attrs)


@cache
def listing_serializer(view_class, name):
    item = item_serializer(view_class, name)
    return type(
        item.__name__.removesuffix("Item") + "Listing",
        (serializers.Serializer,),
        {"meta": ListingMetaSerializer(), "items": item(many=True)},
    )


class RegionNodeSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    level = serializers.ChoiceField(choices=RegionLevel.choices)
    level_label = LabelField("level")
    code = serializers.CharField()
    children = serializers.ListField(child=serializers.JSONField(), help_text="下级区域，结构相同")


def listing_parameters(searchable):
    params = [
        OpenApiParameter(
            "limit",
            {"type": "integer", "minimum": 0, "maximum": settings.WAGTAILAPI_LIMIT_MAX},
            description=f"每页条数，最多 {settings.WAGTAILAPI_LIMIT_MAX}",
        ),
        OpenApiParameter("offset", {"type": "integer", "minimum": 0}, description="跳过条数"),
        OpenApiParameter("fields", str, description="字段选择，例如 `title,budget`、`*` 或 `*,-body`"),
        OpenApiParameter("order", str, description="排序字段，前加 `-` 为倒序，例如 `-first_published_at`"),
    ]
    if searchable:
        params += [
            OpenApiParameter("search", str, description="中文全文检索"),
            OpenApiParameter("search_operator", str, enum=["and", "or"], description="多个词之间的关系"),
        ]
    return params


PAGE_TREE_PARAMETERS = [
    OpenApiParameter("type", str, description="页面类型，例如 pages.ProjectPage"),
    OpenApiParameter("child_of", int, description="某页面的直接下级"),
    OpenApiParameter("descendant_of", int, description="某页面的所有下级"),
]
FILTER_TYPES = {
    django_filters.DateFilter: OpenApiTypes.DATE,
    django_filters.NumberFilter: OpenApiTypes.INT,
    django_filters.ModelChoiceFilter: OpenApiTypes.INT,
}


def filter_parameters(filterset_class):
    params = []
    for name, filter_ in filterset_class.base_filters.items():
        kind = next((t for cls, t in FILTER_TYPES.items() if isinstance(filter_, cls)), OpenApiTypes.STR)
        choices = filter_.extra.get("choices") if not isinstance(filter_, django_filters.ModelChoiceFilter) else None
        enum = [value for value, _ in choices] if choices else None
        params.append(OpenApiParameter(name, kind, enum=enum, description=str(filter_.label or "")))
    return params


class WagtailEndpointSchema(AutoSchema):
    def _is_list_view(self, serializer=None):
        return getattr(self.view, "action", None) == "tree_view"

    def _get_paginator(self):
        return None

    def _get_filter_parameters(self):
        return []

    def get_override_parameters(self):
        action = getattr(self.view, "action", None)
        params = [OpenApiParameter("rich_text_format", str, enum=list(RichTextOutputFormat.__args__))]
        if action != "listing_view":
            return params if action == "detail_view" else []
        searchable = any(issubclass(backend, SearchFilter) for backend in self.view.filter_backends)
        params += listing_parameters(searchable)
        if self.view.spreadsheet:
            params.append(
                OpenApiParameter(
                    "format",
                    str,
                    enum=["json", "csv"],
                    description="csv：全部符合条件的记录，作为电子表格下载（UTF-8 带 BOM）",
                )
            )
        filterset_class = getattr(self.view, "filterset_class", None)
        if filterset_class:
            params += filter_parameters(filterset_class)
        elif self.view.model is Page:
            params += PAGE_TREE_PARAMETERS
        return params

    def get_response_serializers(self):
        action = getattr(self.view, "action", None)
        if action == "tree_view":
            return {200: RegionNodeSerializer}
        view_class = type(self.view)
        if action == "listing_view":
            return {200: listing_serializer(view_class, self.endpoint_name()), 400: MessageSerializer}
        if action == "detail_view" and self.endpoint_name() == "preview":
            return {
                200: item_serializer(view_class, self.endpoint_name()),
                400: MessageSerializer,
                403: MessageSerializer,
            }
        return {200: item_serializer(view_class, self.endpoint_name()), 400: MessageSerializer, 404: MessageSerializer}

    def map_renderers(self, attribute):
        found = super().map_renderers(attribute)
        if self.view.spreadsheet and getattr(self.view, "action", None) == "listing_view":
            found.append("text/csv" if attribute == "media_type" else "csv")
        return found

    def get_request_serializer(self):
        return None

    def endpoint_name(self):
        return self.path.removeprefix("/api/v2/").split("/")[0]

    def get_tags(self):
        return [self.endpoint_name()]

    def get_summary(self):
        action = getattr(self.view, "action", "").removesuffix("_view")
        return ENDPOINTS[self.endpoint_name()][0] + ACTIONS.get(action, "")

    def get_description(self):
        return ENDPOINTS[self.endpoint_name()][1]

    def get_operation_id(self):
        action = getattr(self.view, "action", "")
        return f"{self.endpoint_name()}_{action.removesuffix('_view')}"


def public_endpoints_only(endpoints):
    """The public API only: not the admin's internal API, nor Wagtail's `find/` redirects (a 302 to a detail URL)."""
    return [
        (path, path_regex, method, callback)
        for path, path_regex, method, callback in endpoints
        if path.startswith("/api/") and not path.endswith("/find/")
    ]


CJK = re.compile(r"[\u4e00-\u9fff]")


def describe_for_consumers(result, generator, request, public):
    """Each shared object described in Chinese from `descriptions.COMPONENTS`; a developer's docstring never shows."""
    for name, component in result.get("components", {}).get("schemas", {}).items():
        if name in COMPONENTS:
            component["description"] = COMPONENTS[name]
        elif "enum" not in component and not CJK.search(component.get("description", "")):
            component.pop("description", None)
    return result


class SearchErrorSerializer(MessageSerializer):
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), help_text="各参数的出错原因，键为参数名"
    )


class SearchViewSchema(OpenApiViewExtension):
    """Documents `/api/v2/search/` (an APIView of the search app) from the serializers it validates and answers with."""

    target_class = "shegong.search.views.SearchAPIView"

    def view_replacement(self):
        from shegong.search.params import SearchParamsSerializer
        from shegong.search.views import SearchResponseSerializer

        @extend_schema_view(
            get=extend_schema(
                operation_id="search",
                tags=["search"],
                parameters=[SearchParamsSerializer],
                responses={200: SearchResponseSerializer, 400: SearchErrorSerializer},
            )
        )
        class Documented(self.target_class):
            pass

        return Documented
