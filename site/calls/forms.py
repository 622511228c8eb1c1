from django import forms
from django.core.exceptions import NON_FIELD_ERRORS
from wagtail.admin.forms import WagtailAdminModelForm

from shegong.roles.scope import restricted_organization

from .applications import budget_mismatch, foreign_material
from .enums import ApplicationStatus
from .pages import CallPage


def open_calls():
    return [call.pk for call in CallPage.objects.live().public() if call.is_open()]


class ApplicationForm(WagtailAdminModelForm):
    """The application as its organization fills it: its own organization, an open call, lines adding up."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        self.restricted_to = restricted_organization(for_user) if for_user else None
        if self.restricted_to is not None and "organization" in self.fields:
            # An organization's account files for its own organization only.
            del self.fields["organization"]
            self.instance.organization_id = self.restricted_to or None
        if "call" in self.fields:
            current = [self.instance.call_id] if self.instance.call_id else []
            self.fields["call"].queryset = CallPage.objects.filter(pk__in=open_calls() + current)

    def clean(self):
        cleaned = super().clean()
        if self.restricted_to == 0:
            raise forms.ValidationError("您的账号尚未关联社会组织，请联系管理员。")
        if not self.instance.is_draft:
            raise forms.ValidationError(f"申报已处于“{self.instance.get_status_display()}”状态，不能再修改。")
        lines = self.formsets.get("budget_lines")
        if lines is not None and lines.is_valid():
            amounts = [
                form.cleaned_data["amount"]
                for form in lines.forms
                if form.cleaned_data.get("amount") is not None and not form.cleaned_data.get("DELETE")
            ]
            if amounts and "budget" in cleaned and (mismatch := budget_mismatch(cleaned["budget"], amounts)):
                self.add_error("budget", mismatch)
        organization = cleaned.get("organization")
        organization_id = organization.pk if organization else self.instance.organization_id
        for form in getattr(self.formsets.get("attachments"), "forms", []):
            document = form.cleaned_data.get("document") if form.is_valid() else None
            if document is not None and (refusal := foreign_material(document, organization_id)):
                form.add_error("document", refusal)
        return cleaned

    def _update_errors(self, errors):
        # The model names the organization; for an organization's account that field is not on the form.
        if "organization" not in self.fields and hasattr(errors, "error_dict") and "organization" in errors.error_dict:
            errors.error_dict.setdefault(NON_FIELD_ERRORS, []).extend(errors.error_dict.pop("organization"))
        super()._update_errors(errors)


class DecisionForm(forms.Form):
    status = forms.ChoiceField(label="审查结果", choices=[])
    reason = forms.CharField(label="理由", widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def __init__(self, *args, application, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [(s.value, ApplicationStatus(s).label) for s in application.moves()]
