from decimal import Decimal

from django import forms
from django.contrib.auth import get_user_model
from wagtail.admin.forms import WagtailAdminModelForm

from shegong.calls.enums import ApplicationStatus
from shegong.roles.groups import EXPERTS
from shegong.snippets.models import SocialOrganization

from .enums import Outcome

TOTAL_WEIGHT = 100


class RubricForm(WagtailAdminModelForm):
    def clean(self):
        cleaned = super().clean()
        kept = [
            form
            for form in self.formsets["criteria"].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        total = sum(form.cleaned_data.get("weight") or 0 for form in kept)
        if total != TOTAL_WEIGHT:
            self.add_error(None, f"各评分项权重之和须为 {TOTAL_WEIGHT}，现为 {total}。")
        return cleaned


class AssignmentForm(WagtailAdminModelForm):
    """The editor picks an application under review and an expert; a conflict of interest is a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["application"].queryset = self.fields["application"].queryset.filter(
            status=ApplicationStatus.REVIEW
        )
        self.fields["expert"].queryset = get_user_model().objects.filter(groups__name=EXPERTS, is_active=True)

    def save(self, commit=True):
        if self.instance.assigned_by_id is None:
            self.instance.assigned_by = self.for_user
        return super().save(commit)


class ScoreForm(forms.Form):
    """One number field per criterion of the call's rubric, and the expert's comment."""

    comment = forms.CharField(label="评审意见", widget=forms.Textarea(attrs={"rows": 4}), required=False)

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[self.field_name(criterion)] = forms.DecimalField(
                label=f"{criterion.name}（权重 {criterion.weight}%，满分 {criterion.max_score}）",
                min_value=Decimal(0),
                max_value=Decimal(criterion.max_score),
                max_digits=5,
                decimal_places=2,
                error_messages={
                    "required": "请填写该项得分。",
                    "min_value": "得分不能小于 0。",
                    "max_value": f"得分不能超过满分 {criterion.max_score}。",
                },
            )
        self.order_fields([*(self.field_name(c) for c in self.criteria), "comment"])

    @staticmethod
    def field_name(criterion):
        return f"criterion_{criterion.pk}"

    def values(self):
        return {criterion: self.cleaned_data[self.field_name(criterion)] for criterion in self.criteria}


class TieForm(forms.Form):
    organization = forms.ModelChoiceField(
        label="关联社会组织",
        queryset=SocialOrganization.objects.order_by("name"),
        error_messages={"required": "请选择社会组织。"},
    )
    note = forms.CharField(label="关联说明", max_length=200, error_messages={"required": "请说明关联关系。"})


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label="评审结论", choices=Outcome.choices, widget=forms.RadioSelect)
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), required=False)


class ReopenForm(forms.Form):
    reason = forms.CharField(
        label="重新开放的理由",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=500,
        help_text="记入评审的操作记录，审计人员可查阅。",
        error_messages={"required": "请填写重新开放评审的理由。"},
    )
