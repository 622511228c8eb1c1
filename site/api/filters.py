"""The consumer filters of each page type: the public index pages' FilterSets, plus date ranges."""

import django_filters
from django.db.models import Q
from wagtail.api.v2.utils import BadRequestError

from shegong.pages.filters import NoticeFilter, PolicyFilter, ProjectFilter, StationFilter
from shegong.pages.models import NoticePage, PolicyPage, ProjectPage, StationPage


class ProjectAPIFilter(ProjectFilter):
    # Bounded: an out-of-range year overflows the database's date functions (a 500 otherwise).
    year = django_filters.NumberFilter(
        label="年度", field_name="start_date", lookup_expr="year", min_value=1949, max_value=2100
    )
    started_after = django_filters.DateFilter(label="服务期开始不早于", field_name="start_date", lookup_expr="gte")
    started_before = django_filters.DateFilter(label="服务期开始不晚于", field_name="start_date", lookup_expr="lte")
    active_on = django_filters.DateFilter(label="在该日处于服务期", method="filter_active_on")

    class Meta(ProjectFilter.Meta):
        fields = ProjectFilter.Meta.fields + ["started_after", "started_before", "active_on"]

    def filter_active_on(self, queryset, name, value):
        return queryset.filter(
            Q(start_date__isnull=True) | Q(start_date__lte=value), Q(end_date__isnull=True) | Q(end_date__gte=value)
        )


class PolicyAPIFilter(PolicyFilter):
    class Meta(PolicyFilter.Meta):
        fields = PolicyFilter.Meta.fields + ["issued_after", "issued_before"]


class NoticeAPIFilter(NoticeFilter):
    published_after = django_filters.DateFilter(label="发布日期起", field_name="published_on", lookup_expr="gte")
    published_before = django_filters.DateFilter(label="发布日期止", field_name="published_on", lookup_expr="lte")

    class Meta(NoticeFilter.Meta):
        fields = NoticeFilter.Meta.fields + ["published_after", "published_before"]


FILTERSETS = {
    ProjectPage: ProjectAPIFilter,
    PolicyPage: PolicyAPIFilter,
    NoticePage: NoticeAPIFilter,
    StationPage: StationFilter,
}


class FilterSetBackend:
    """Applies the endpoint's FilterSet; a bad value is a 400 with the form's own (Chinese) message."""

    def filter_queryset(self, request, queryset, view):
        filterset_class = FILTERSETS[view.model]
        filterset = filterset_class(request.GET, queryset=queryset)
        if not filterset.is_valid():
            errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
            raise BadRequestError(f"参数有误 — {errors}")
        return filterset.qs
