"""一站式开通社会组织账号: the user, its link to the organization and its group, made in one form.

In roles rather than calls: it makes an account of one of the roles with its StaffProfile, which
roles owns; the account then serves implementation updates as well as applications.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.forms import BaseUserCreationForm
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from shegong.snippets.models import SocialOrganization

from .groups import EDITORS, ORGANIZATIONS
from .models import StaffProfile


def may_open_accounts(user):
    return user.is_active and (user.is_superuser or user.groups.filter(name=EDITORS).exists())


class OrganizationAccountForm(BaseUserCreationForm):
    organization = forms.ModelChoiceField(
        label="所属社会组织", queryset=SocialOrganization.objects.all(), help_text="账号只能查看和办理该组织的事项"
    )
    last_name = forms.CharField(label="使用人姓名", max_length=150, required=False)
    email = forms.EmailField(label="电子邮箱", required=False, help_text="用于接收申报审查等通知")

    class Meta(BaseUserCreationForm.Meta):
        fields = ["organization", "username", "last_name", "email"]

    @transaction.atomic
    def save(self, commit=True):
        user = super().save()
        user.groups.add(Group.objects.get(name=ORGANIZATIONS))
        StaffProfile.objects.create(user=user, organization=self.cleaned_data["organization"])
        return user


class OrganizationAccountView(WagtailAdminTemplateMixin, FormView):
    form_class = OrganizationAccountForm
    template_name = "wagtailadmin/generic/form.html"
    page_title = "开通社会组织账号"
    header_icon = "user"

    def dispatch(self, request, *args, **kwargs):
        if not may_open_accounts(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self):
        return {"organization": self.request.GET.get("organization")}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            action_url=reverse("roles_organization_account"),
            submit_button_label="开通账号",
            submit_button_active_label="正在开通…",
            **kwargs,
        )

    def form_valid(self, form):
        user = form.save()
        log(instance=user.staff_profile, action="wagtail.create", user=self.request.user)
        organization = form.cleaned_data["organization"]
        messages.success(self.request, f"已为“{organization}”开通账号“{user.get_username()}”。")
        return redirect("roles_organization_account")
