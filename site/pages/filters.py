"""The filters of the public index pages; the API reuses them."""

import django_filters
from django import forms
from django.db import models

from shegong.snippets.models import Department, ProjectCategory, Region, RegionLevel, SocialOrganization

from .enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel
from .notices import NoticePage
from .policies import PolicyPage
from .projects import ProjectPage
from .stations import StationPage


class ProjectFilter(django_filters.FilterSet):
    category = django_filters.ModelChoiceFilter(label="项目类别", queryset=ProjectCategory.objects.all(), empty_label="全部类别")
    stage = django_filters.ChoiceFilter(label="阶段", choices=ProjectStage.choices, empty_label="全部阶段")
    year = django_filters.NumberFilter(
        label="年度", field_name="start_date", lookup_expr="year", widget=forms.Select, min_value=1949, max_value=2100
    )
    purchaser = django_filters.ModelChoiceFilter(label="购买部门", queryset=Department.objects.all(), empty_label="全部部门")
    organization = django_filters.ModelChoiceFilter(label="承接组织", queryset=SocialOrganization.objects.all(), empty_label="全部组织")
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


class PolicyFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label="层级", choices=PolicyLevel.choices, empty_label="全部层级")
    status = django_filters.ChoiceFilter(label="效力", choices=PolicyStatus.choices, empty_label="全部")
    issued_after = django_filters.DateFilter(label="发布日期起", field_name="issued_on", lookup_expr="gte")
    issued_before = django_filters.DateFilter(label="发布日期止", field_name="issued_on", lookup_expr="lte")

    class Meta:
        model = PolicyPage
        fields = ["level", "status"]


class NoticeFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(label="类型", choices=NoticeKind.choices, empty_label="全部类型")

    class Meta:
        model = NoticePage
        fields = ["kind"]


class StationFilter(django_filters.FilterSet):
    level = django_filters.ChoiceFilter(label="层级", choices=StationLevel.choices, empty_label="全部层级")
    street = django_filters.ModelChoiceFilter(
        label="街道", queryset=Region.objects.filter(level=RegionLevel.STREET), empty_label="全部街道",
        method="filter_street",
    )

    class Meta:
        model = StationPage
        fields = ["level", "street"]

    def filter_street(self, queryset, name, value):
        return queryset.filter(models.Q(region=value) | models.Q(region__parent=value))
