from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects
from shegong.roles.views import scoped_views

from . import urls
from .models import Disbursement, PaymentSchedule
from .summary import anomalies


class ProjectScopedViewSet(SnippetViewSet):
    """A purchasing department reads the records of its own projects only."""

    def get_queryset(self, request):
        return self.model.objects.filter(
            project__in=scope_projects(request.user, ProjectPage.objects.all())
        ).select_related("project")


@scoped_views
class DisbursementViewSet(ProjectScopedViewSet):
    model = Disbursement
    icon = "form"
    menu_label = "资金拨付"
    list_display = ["project", "kind", "paid_on", "amount", "override_reason"]
    list_filter = ["kind", "paid_on"]
    # The columns 表格导入 reads back (shegong.imports.spreadsheets): an export edited in Excel re-imports as it is.
    list_export = [
        "project.code",
        "project.title",
        "paid_on",
        "get_kind_display",
        "amount",
        "voucher_number",
        "note",
        "override_reason",
        "voucher",
    ]
    export_headings = {"project.code": "项目编号", "project.title": "项目名称", "get_kind_display": "拨付类型"}
    export_filename = "资金拨付"
    ordering = ["-paid_on"]


@scoped_views
class PaymentScheduleViewSet(ProjectScopedViewSet):
    """A project's tranches; a project without one follows the default schedule (settings)."""

    model = PaymentSchedule
    icon = "date"
    menu_label = "付款计划"
    list_display = ["project", "signed_on", "midterm_on"]


class FundsViewSetGroup(SnippetViewSetGroup):
    items = (DisbursementViewSet, PaymentScheduleViewSet)
    menu_icon = "form"
    menu_label = "资金监管"
    menu_order = 300


# The schedule belongs to the funds record: whoever may record payments keeps it, and auditors read it.
register_permission_policy(PaymentSchedule, ModelPermissionPolicy(PaymentSchedule, auth_model=Disbursement))
register_snippet(FundsViewSetGroup)


@hooks.register("register_admin_urls")
def register_funds_urls():
    return [path("funds/", include(urls, namespace="funds"))]


class FundsReportMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("funds.view_disbursement") or request.user.has_perm("funds.change_disbursement")


@hooks.register("register_reports_menu_item")
def project_funds_menu_item():
    return FundsReportMenuItem("项目资金", reverse("funds:projects"), icon_name="table", order=110)


@hooks.register("register_reports_menu_item")
def funds_totals_menu_item():
    return FundsReportMenuItem("资金汇总", reverse("funds:totals", args=["year"]), icon_name="table", order=111)


@hooks.register("register_reports_menu_item")
def anomalies_menu_item():
    return FundsReportMenuItem("资金异常", reverse("funds:anomalies"), icon_name="warning", order=112)


@hooks.register("shegong_work_queue")
def flagged_payments(request):
    user = request.user
    if user.has_perm("funds.view_disbursement") or user.has_perm("funds.change_disbursement"):
        payments = Disbursement.objects.filter(project__in=scope_projects(user, ProjectPage.objects.all()))
        yield "被标记为异常的资金拨付", len(anomalies(payments)), reverse("funds:anomalies")
