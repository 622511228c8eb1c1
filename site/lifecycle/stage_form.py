from django import forms
from django.utils import timezone
from wagtail.admin.widgets import AdminDateInput

from shegong.pages.enums import ProjectStage


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(label="变更为", choices=ProjectStage.choices)
    reached_on = forms.DateField(label="日期", initial=timezone.localdate, widget=AdminDateInput)
    reason = forms.CharField(
        label="理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="按顺序进入下一阶段时可不填；跳过阶段或退回时必填。",
    )
