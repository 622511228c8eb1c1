from django import forms


class ConfirmationForm(forms.Form):
    reason = forms.CharField(
        label="确认理由",
        min_length=4,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="说明为什么这不是重复申报，例如：服务对象不同、为上一期项目的延续。",
        error_messages={"required": "请填写确认理由。", "min_length": "确认理由至少 %(limit_value)d 个字。"},
    )
