from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.feedback.models import Objection
from shegong.funds.models import Disbursement, PaymentSchedule

from . import accounts, audit
from .groups import AUDIT_PERMISSION
from .models import ProjectRecordLogEntry, StaffProfile
from .scope import exclude_unreachable_projects
from .views import AuditablePageViewSet


@hooks.register("construct_page_chooser_queryset")
def chooser_offers_reachable_projects(pages, request):
    # Choosers list the whole tree whatever the page permissions; listings ask ScopedPagePermissionPolicy.
    return exclude_unreachable_projects(pages, request.user)


@hooks.register("register_admin_viewset")
def register_auditable_pages():
    # Replaces Wagtail's fallback viewset of page types that have none of their own (registered at order -1).
    return AuditablePageViewSet("auditable_pages")


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = "账号归属"
    add_to_settings_menu = True
    list_display = ["user", "department", "organization", "street"]
    search_fields = ["user__username"]
    panels = [FieldPanel("user"), FieldPanel("department"), FieldPanel("organization"), FieldPanel("street")]


register_snippet(StaffProfileViewSet)


@hooks.register("register_admin_urls")
def audit_urls():
    return [
        path("audit/projects/", audit.ProjectAuditIndex.as_view(), name="roles_audit_index"),
        path("audit/projects/<int:page_id>/", audit.ProjectAuditDetail.as_view(), name="roles_audit_detail"),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(AUDIT_PERMISSION)


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return AuditMenuItem("项目审计", reverse("roles_audit_index"), icon_name="history", order=900)


@hooks.register("register_admin_urls")
def organization_account_urls():
    return [
        path("organization-account/", accounts.OrganizationAccountView.as_view(), name="roles_organization_account")
    ]


class OrganizationAccountMenuItem(MenuItem):
    def is_shown(self, request):
        return accounts.may_open_accounts(request.user)


@hooks.register("register_settings_menu_item")
def organization_account_menu_item():
    return OrganizationAccountMenuItem(
        "开通社会组织账号", reverse("roles_organization_account"), icon_name="user", order=610
    )


@hooks.register("register_log_actions")
def log_scoped_records_apart(actions):
    # Site history shows whatever a log model's viewable_by_user allows; ModelLogEntry's allows every record of
    # a model to anyone holding one of its permissions, and purchasing departments read these.
    for model in [Objection, Disbursement, PaymentSchedule]:
        actions.register_model(model, ProjectRecordLogEntry)
