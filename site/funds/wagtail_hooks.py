from django.urls import include, path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import urls
from .models import Disbursement


class DisbursementViewSet(SnippetViewSet):
    model = Disbursement
    icon = "form"
    menu_label = "资金拨付"
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["project", "kind", "paid_on", "amount", "override_reason"]
    list_filter = ["kind", "paid_on"]
    list_export = ["project.code", "project.title", "kind", "paid_on", "amount", "voucher", "note", "override_reason"]
    export_headings = {"project.code": "项目编号", "project.title": "项目名称"}
    export_filename = "资金拨付"
    ordering = ["-paid_on"]


register_snippet(DisbursementViewSet)


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
