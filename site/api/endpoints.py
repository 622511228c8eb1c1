"""The Wagtail API v2 endpoints of Shegong: pages by type, images, documents and the snippets."""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.db.models import F, Q
from django.http import Http404
from django.urls import path
from rest_framework import exceptions
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from wagtail.api.v2.filters import FieldsFilter, OrderingFilter, SearchFilter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction

from shegong.pages.filters import StationFilter
from shegong.pages.models import NoticePage, PolicyPage, ProjectPage, StationPage
from shegong.snippets.models import Department, ListStatus, ProjectCategory, Region, SocialOrganization
from shegong.updates.models import ImplementationUpdate

from .caching import ConditionalGetMixin
from .descriptions import ENDPOINTS, SPREADSHEETS
from .errors import in_chinese
from .fields import API_FIELDS, LISTING_FIELDS, with_related
from .filters import (
    FilterSetBackend,
    NoticeAPIFilter,
    PolicyAPIFilter,
    ProjectAPIFilter,
    RedBlackFilter,
    UpdateFilter,
)
from .links import PublicDocumentSerializer, PublicImageSerializer, PublicPageSerializer, PublicSerializer
from .schema import WagtailEndpointSchema
from .spreadsheets import FormatReadByTheView, csv_response

# The largest id a database column holds; a larger one in a URL is simply not there.
MAX_ID = 2**63 - 1


class CheckedSearchFilter(SearchFilter):
    """Wagtail's search filter, with a bad `search_operator` a 400 rather than a 500."""

    def filter_queryset(self, request, queryset, view):
        if request.GET.get("search_operator") not in (None, "and", "or"):
            raise BadRequestError("search_operator 只能是 and 或 or。")
        return super().filter_queryset(request, queryset, view)


class ShegongEndpointMixin(ConditionalGetMixin):
    """JSON only (CSV on a few listings), fields from `fields.API_FIELDS`, related records loaded up front,
    links from the public address (`links`), errors in Chinese."""

    renderer_classes = [JSONRenderer]
    content_negotiation_class = FormatReadByTheView
    schema = WagtailEndpointSchema()
    base_serializer_class = PublicSerializer
    # The endpoint name of a listing that also comes as a spreadsheet (`format=csv`); see SpreadsheetMixin.
    spreadsheet = None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        wanted = request.GET.get("format")
        if (
            wanted is not None
            and wanted != "json"
            and not (wanted == "csv" and self.spreadsheet and self.action == "listing_view")
        ):
            downloads = "、".join(f"/api/v2/{name}/?format=csv" for name in SPREADSHEETS)
            raise BadRequestError(f"format 只能是 json（默认）或在这些列表上取 csv：{downloads}。")
        # Read here, not a filter: each endpoint's own parameter check lets it pass.
        self.known_query_parameters = self.known_query_parameters | {"format"}

    @classmethod
    def get_body_fields(cls, model):
        return cls._convert_api_fields(cls.body_fields + API_FIELDS.get(model, list(getattr(model, "api_fields", ()))))

    def get_queryset(self):
        return with_related(super().get_queryset())

    def handle_exception(self, exc):
        """Every error as {"message": …} in Chinese, the shape Wagtail gives its own 400 and 404."""
        if isinstance(exc, DjangoPermissionDenied):
            exc = exceptions.PermissionDenied(str(exc))
        if isinstance(exc, Http404):
            code, message = 404, str(exc)
        elif isinstance(exc, BadRequestError):
            code, message = 400, str(exc)
        elif isinstance(exc, exceptions.APIException):
            code, message = exc.status_code, str(exc.detail)
        else:
            return super().handle_exception(exc)
        return Response({"message": in_chinese(message, code)}, status=code)

    def get_renderer_context(self):
        # Compact JSON: Wagtail indents by 4, which costs time and bytes on every listing.
        return {**super().get_renderer_context(), "indent": None}

    def detail_view(self, request, pk):
        if pk is not None and pk > MAX_ID:
            raise Http404("没有这条记录。")
        return super().detail_view(request, pk)

    def paginate_queryset(self, queryset):
        for name in ("limit", "offset"):
            try:
                too_large = int(self.request.GET.get(name, 0)) > MAX_ID
            except ValueError:
                continue  # Wagtail's pagination answers that one
            if too_large:
                raise BadRequestError(f"{name} 超出范围。")
        try:
            return super().paginate_queryset(queryset)
        except ValueError as e:
            raise BadRequestError(f"limit 与 offset 须为非负整数：{e}") from e


class PagesEndpoint(ShegongEndpointMixin, PagesAPIViewSet):
    """Every public page; `type=pages.ProjectPage` gives a type's own fields."""

    base_serializer_class = PublicPageSerializer
    filter_backends = [
        CheckedSearchFilter if backend is SearchFilter else backend for backend in PagesAPIViewSet.filter_backends
    ]


class FilteredEndpointMixin:
    """Consumer filters from `filterset_class`; any other query parameter is a 400."""

    filter_backends = [FilterSetBackend, OrderingFilter, CheckedSearchFilter]
    known_query_parameters = BaseAPIViewSet.known_query_parameters
    filterset_class = None

    def check_query_parameters(self, queryset):
        allowed = self.known_query_parameters | set(self.filterset_class.base_filters)
        unknown = set(self.request.GET) - allowed
        if unknown:
            raise BadRequestError(f"不支持的查询参数：{', '.join(sorted(unknown))}")


class TypedPagesEndpoint(FilteredEndpointMixin, PagesEndpoint):
    """One page type, with the consumer filters of its public index page, newest by the record's own date.

    `first_published_at` is when a page went on line (for imported records, the import), so listings are
    ordered by the date that matters to the record instead, unless `order=` says otherwise. A record with no
    date comes last, on every database.
    """

    record_order = ("path",)

    def get_queryset(self):
        # Asked for twice per listing (by the view and by the serializer); the public set is worked out once.
        if not hasattr(self, "_queryset"):
            public = self.get_base_queryset().values("pk")
            self._queryset = with_related(self.model.objects.filter(pk__in=public)).order_by(*self.record_order)
        return self._queryset.all()

    @classmethod
    def get_listing_default_fields(cls, model):
        return super().get_listing_default_fields(model) + LISTING_FIELDS[model]


class SpreadsheetMixin:
    """A listing a spreadsheet user wants: with `format=csv`, every matching record as one CSV file."""

    def listing_view(self, request):
        if request.GET.get("format") != "csv":
            return super().listing_view(request)
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        return csv_response(
            self.get_serializer(queryset, many=True).data, ENDPOINTS[self.spreadsheet][0], self.spreadsheet
        )


class ProjectsEndpoint(SpreadsheetMixin, TypedPagesEndpoint):
    name = spreadsheet = "projects"
    model = ProjectPage
    record_order = (F("start_date").desc(nulls_last=True), "-id")
    filterset_class = ProjectAPIFilter


class PoliciesEndpoint(SpreadsheetMixin, TypedPagesEndpoint):
    name = spreadsheet = "policies"
    model = PolicyPage
    record_order = (F("issued_on").desc(nulls_last=True), "-id")
    filterset_class = PolicyAPIFilter


class NoticesEndpoint(SpreadsheetMixin, TypedPagesEndpoint):
    name = spreadsheet = "notices"
    model = NoticePage
    record_order = (F("published_on").desc(nulls_last=True), "-id")
    filterset_class = NoticeAPIFilter


class StationsEndpoint(TypedPagesEndpoint):
    name = "stations"
    model = StationPage
    filterset_class = StationFilter


def outside_restricted_collections(queryset):
    """Images and documents of a collection with a view restriction (or inside one) are not public."""
    restricted = Q()
    for collection_path in CollectionViewRestriction.objects.values_list("collection__path", flat=True):
        restricted |= Q(path__startswith=collection_path)
    if not restricted:
        return queryset
    # By id, not by path: `search=` can only filter on indexed fields, and the collection is one.
    return queryset.exclude(collection__in=list(Collection.objects.filter(restricted).values_list("pk", flat=True)))


class ImagesEndpoint(ShegongEndpointMixin, ImagesAPIViewSet):
    base_serializer_class = PublicImageSerializer
    filter_backends = [FieldsFilter, OrderingFilter, CheckedSearchFilter]

    def get_queryset(self):
        return outside_restricted_collections(super().get_queryset())


class DocumentsEndpoint(ShegongEndpointMixin, DocumentsAPIViewSet):
    base_serializer_class = PublicDocumentSerializer
    filter_backends = [FieldsFilter, OrderingFilter, CheckedSearchFilter]

    def get_queryset(self):
        return outside_restricted_collections(super().get_queryset())


class SnippetEndpoint(ShegongEndpointMixin, BaseAPIViewSet):
    filter_backends = [FieldsFilter, OrderingFilter, CheckedSearchFilter]
    listing_default_fields = BaseAPIViewSet.listing_default_fields + ["name"]
    nested_default_fields = listing_default_fields

    @classmethod
    def get_listing_default_fields(cls, model):
        return cls.get_available_fields(model)


class DepartmentsEndpoint(SnippetEndpoint):
    name = "departments"
    model = Department

    def get_queryset(self):
        return Department.objects.order_by("sort_order", "name", "id")


class CategoriesEndpoint(SnippetEndpoint):
    name = "categories"
    model = ProjectCategory

    def get_queryset(self):
        return ProjectCategory.objects.order_by("sort_order", "name", "id")


class OrganizationsEndpoint(SnippetEndpoint):
    """Social organizations with their red/black list entry; contact details never leave the admin."""

    name = "organizations"
    model = SocialOrganization


class RedBlackListEndpoint(SpreadsheetMixin, FilteredEndpointMixin, OrganizationsEndpoint):
    """红黑榜: the organizations ever listed, red first, latest listing first; `in_force=true` is the public page's list.

    A listing only: each entry's `meta.detail_url` is the organization's own record.
    """

    name = spreadsheet = "redblack"
    filterset_class = RedBlackFilter

    def get_queryset(self):
        listed = SocialOrganization.objects.exclude(list_status=ListStatus.NONE)
        return with_related(listed.order_by("-list_status", "-listed_on", "name", "id"))

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "listing_view"}), name="listing")]


class UpdatesEndpoint(FilteredEndpointMixin, SnippetEndpoint):
    """Implementation updates (实施动态) an editor approved, on live public projects; newest first."""

    name = "updates"
    model = ImplementationUpdate
    filterset_class = UpdateFilter
    # Not in the search index: `search=` would only be ignored, so it is refused like any unknown parameter.
    filter_backends = [FilterSetBackend, OrderingFilter]
    known_query_parameters = FilteredEndpointMixin.known_query_parameters - {"search", "search_operator"}

    def get_queryset(self):
        public = ImplementationUpdate.objects.approved().filter(
            project__in=ProjectPage.objects.published().values("pk")
        )
        return with_related(public.order_by("-happened_on", "-created_at", "-id"))


class RegionsEndpoint(SnippetEndpoint):
    """Regions flat (filter with `parent=`, `level=`), or the whole tree at `tree/`."""

    name = "regions"
    model = Region

    def tree_view(self, request):
        regions = list(Region.objects.order_by("level", "name", "id"))
        nodes = {
            r.pk: {
                "id": r.pk,
                "name": r.name,
                "level": r.level,
                "level_label": r.get_level_display(),
                "code": r.code,
                "children": [],
            }
            for r in regions
        }
        roots = []
        for region in regions:
            siblings = nodes[region.parent_id]["children"] if region.parent_id in nodes else roots
            siblings.append(nodes[region.pk])
        return Response(roots)

    @classmethod
    def get_urlpatterns(cls):
        return [path("tree/", cls.as_view({"get": "tree_view"}), name="tree")] + super().get_urlpatterns()
