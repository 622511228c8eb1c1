"""The filters of the public index pages; the API reuses them."""

import datetime

import django_filters
from django import forms
from django.db import models

from shegong.snippets.models import Department, ProjectCategory, Region, RegionLevel, SocialOrganization

from .enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel
from .notices import NoticePage
from .policies import PolicyPage, PolicyTopic
from .projects import ProjectPage
from .stations import StationPage


class ProjectFilter(django_filters.FilterSet):
    category = django_filters.ModelChoiceFilter(
        label="项目类别", queryset=ProjectCategory.objects.all(), empty_label="全部类别"
    )
    stage = django_filters.ChoiceFilter(label="阶段", choices=ProjectStage.choices, empty_label="全部阶段")
    year = django_filters.NumberFilter(
        label="年度", field_name="start_date", lookup_expr="year", widget=forms.Select, min_value=1949, max_value=2100
    )
    purchaser = django_filters.ModelChoiceFilter(
        label="购买部门", queryset=Department.objects.all(), empty_label="全部部门"
    )
    organization = django_filters.ModelChoiceFilter(
        label="承接组织", queryset=SocialOrganization.objects.all(), empty_label="全部组织"
    )
    street = django_filters.ModelChoiceFilter(
        label="街道", queryset=Region.objects.filter(level=RegionLevel.STREET), empty_label="全部街道"
    )

    class Meta:
        model = ProjectPage
        fields = ["category", "stage", "year", "purchaser", "organization", "street"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        years = sorted({d.year for d in ProjectPage.objects.live().dates("start_date", "year")}, reverse=True)
        self.form.fields["year"].widget.choices = [("", "全部年度")] + [(y, f"{y}年") for y in years]


# ISO dates from date pickers, and dates as people type them: 2022年1月1日, 2022/1/1, 2022.1.1.
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y年%m月%d日", "%Y/%m/%d", "%Y.%m.%d"]
DATE_ERROR = "请输入日期，例如 2022-01-01 或 2022年1月1日。"


class DatePickerInput(forms.DateInput):
    """<input type=date>: the value goes back to the picker as YYYY-MM-DD, however the citizen typed it."""

    input_type = "date"

    def format_value(self, value):
        if isinstance(value, str):
            for date_format in DATE_INPUT_FORMATS:
                try:
                    return datetime.datetime.strptime(value.strip(), date_format).date().isoformat()
                except ValueError:
                    continue
        return super().format_value(value)


class TypedDateFilter(django_filters.DateFilter):
    """A date filter with a date picker that also accepts a date typed the Chinese way."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", DATE_INPUT_FORMATS)
        kwargs.setdefault("widget", DatePickerInput(format="%Y-%m-%d"))
        kwargs.setdefault("error_messages", {"invalid": DATE_ERROR})
        super().__init__(*args, **kwargs)


class PolicyFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label="层级", choices=PolicyLevel.choices, empty_label="全部层级")
    status = django_filters.ChoiceFilter(label="效力", choices=PolicyStatus.choices, empty_label="全部")
    issued_after = TypedDateFilter(label="发布日期起", field_name="issued_on", lookup_expr="gte")
    issued_before = TypedDateFilter(label="发布日期止", field_name="issued_on", lookup_expr="lte")

    class Meta:
        model = PolicyPage
        fields = ["level", "status"]


class PolicyLibraryFilter(PolicyFilter):
    """The public policy library: the API's filters plus a keyword box, the issuing body and the topic."""

    q = django_filters.CharFilter(label="关键词", method="filter_keyword", max_length=100)
    issuer = django_filters.ChoiceFilter(label="发文机关", empty_label="全部机关")
    topic = django_filters.ChoiceFilter(label="主题", field_name="topics__name", empty_label="全部主题", distinct=True)

    class Meta(PolicyFilter.Meta):
        fields = ["q", "level", "issuer", "topic", "status", "issued_after", "issued_before"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        policies = PolicyPage.objects.live().public()
        issuers = policies.order_by("issuer").values_list("issuer", flat=True).distinct()
        self.filters["issuer"].extra["choices"] = [(issuer, issuer) for issuer in issuers]
        topics = (
            PolicyTopic.objects.filter(content_object__in=policies)
            .order_by("tag__name")
            .values_list("tag__name", flat=True)
            .distinct()
        )
        self.filters["topic"].extra["choices"] = [(topic, topic) for topic in topics]
        self.form.fields["q"].widget.attrs.update({"type": "search", "placeholder": "标题、文号或摘要"})

    def filter_keyword(self, queryset, name, value):
        words = value.split()
        for word in words:
            queryset = queryset.filter(
                models.Q(title__icontains=word)
                | models.Q(document_number__icontains=word)
                | models.Q(summary__icontains=word)
            )
        return queryset


class NoticeFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="类型", choices=NoticeKind.choices, empty_label="全部类型")

    class Meta:
        model = NoticePage
        fields = ["kind"]


class StationFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label="层级", choices=StationLevel.choices, empty_label="全部层级")
    street = django_filters.ModelChoiceFilter(
        label="街道",
        queryset=Region.objects.filter(level=RegionLevel.STREET),
        empty_label="全部街道",
        method="filter_street",
    )

    class Meta:
        model = StationPage
        fields = ["level", "street"]

    def filter_street(self, queryset, name, value):
        return queryset.filter(models.Q(region=value) | models.Q(region__parent=value))
