from django import forms
from django.utils import timezone
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput

from shegong.pages.enums import ProjectStage
from shegong.roles.scope import restricted_department


class ProjectPageForm(WagtailAdminPageForm):
    """The project editor: the stage is set once at creation, then only through “变更阶段”.

    A department staff member can only name their own department as purchaser.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and "stage" in self.fields:
            self.fields["stage"].disabled = True
            self.fields["stage"].help_text = "请使用页面顶部菜单中的“变更阶段”，系统将记录日期、操作人和理由。"
        department = restricted_department(self.for_user) if self.for_user else None
        if department is not None and "purchaser" in self.fields:
            self.fields["purchaser"].queryset = self.fields["purchaser"].queryset.filter(pk=department)
            self.fields["purchaser"].required = True


class StageChangeForm(forms.Form):
    stage = forms.ChoiceField(label="变更为", choices=ProjectStage.choices)
    reached_on = forms.DateField(label="日期", initial=timezone.localdate, widget=AdminDateInput)
    reason = forms.CharField(
        label="理由", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="按顺序进入下一阶段时可不填；跳过阶段或退回时必填。",
    )
