import django_filters
from django import forms
from wagtail.admin.filters import WagtailFilterSet

from .enums import ApplicationStatus
from .models import Application


class ApplicationFilterSet(WagtailFilterSet):
    # Several at once: "待形式审查" is 已提交 and 形式审查 together (the work-queue link).
    status = django_filters.MultipleChoiceFilter(
        label="状态", choices=ApplicationStatus.choices, widget=forms.CheckboxSelectMultiple
    )

    class Meta:
        model = Application
        fields = ["status", "call"]
