"""The consumer filters of each endpoint: the public index pages' FilterSets with date ranges; the red/black list's and the updates' own."""

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from wagtail.api.v2.utils import BadRequestError

from shegong.pages.filters import NoticeFilter, PolicyFilter, ProjectFilter
from shegong.pages.models import ProjectPage
from shegong.snippets.models import ListStatus, SocialOrganization
from shegong.updates.models import ImplementationUpdate

LIST_CHOICES = [(status.value, status.label) for status in ListStatus if status.value]


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


class RedBlackFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(label="红榜或黑榜", field_name="list_status", choices=LIST_CHOICES)
    in_force = django_filters.ChoiceFilter(
        label="今天是否在有效期内",
        choices=[("true", "在有效期内"), ("false", "未生效或已过期")],
        method="filter_in_force",
    )

    class Meta:
        model = SocialOrganization
        fields = ["status", "in_force"]

    def filter_in_force(self, queryset, name, value):
        in_force = SocialOrganization.objects.listed_on(timezone.localdate()).values("pk")
        return queryset.filter(pk__in=in_force) if value == "true" else queryset.exclude(pk__in=in_force)


class PageChoiceField(django_filters.fields.ModelChoiceField):
    def to_python(self, value):
        try:
            return super().to_python(value)
        except OverflowError:
            # Django bounds lookups on a model's own integer key, not on a page type's parent link.
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice") from None


class PageChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = PageChoiceField


class UpdateFilter(django_filters.FilterSet):
    # A callable: `public()` reads the view restrictions when called, so it must run per request.
    project = PageChoiceFilter(label="项目（页面 id）", queryset=lambda request: ProjectPage.objects.published())
    happened_after = django_filters.DateFilter(label="日期起", field_name="happened_on", lookup_expr="gte")
    happened_before = django_filters.DateFilter(label="日期止", field_name="happened_on", lookup_expr="lte")

    class Meta:
        model = ImplementationUpdate
        fields = ["project", "happened_after", "happened_before"]


class FilterSetBackend:
    """Applies the endpoint's FilterSet; a bad value is a 400 with the form's own (Chinese) message."""

    def filter_queryset(self, request, queryset, view):
        filterset = view.filterset_class(request.GET, queryset=queryset)
        if not filterset.is_valid():
            errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
            raise BadRequestError(f"参数有误 — {errors}")
        return filterset.qs
