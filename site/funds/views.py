"""Admin reports: funds per project, totals by group, anomalies — each exportable as CSV and XLSX."""

from dataclasses import dataclass

from django.http import Http404
from django.urls import reverse
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.admin.widgets.button import HeaderButton
from wagtail.permission_policies import ModelPermissionPolicy

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects

from .models import Disbursement
from .summary import GROUPINGS, Funds, anomalies, spent_by_project, totals


def money(value):
    return f"{value:,.2f}"


def percent(value):
    return "—" if value is None else f"{value}%"


@dataclass
class ProjectRow:
    project: ProjectPage
    funds: Funds


class FundsReport(ReportView):
    """Readable by whoever may see disbursements: editors and auditors."""

    permission_policy = ModelPermissionPolicy(Disbursement)
    any_permission_required = ["view", "add", "change"]
    header_icon = "table"
    paginate_by = 100

    def get_heading(self, queryset, field):
        return self.export_headings[field]

    def projects(self):
        """The projects this account may reach: a purchasing department sees its own only."""
        return scope_projects(self.request.user, ProjectPage.objects.all())


FUNDS_COLUMNS = [
    Column("budget", label="预算（元）", accessor=lambda row: money(row.funds.budget)),
    Column("spent", label="已拨付（元）", accessor=lambda row: money(row.funds.spent)),
    Column("remaining", label="结余（元）", accessor=lambda row: money(row.funds.remaining)),
    Column("percent", label="拨付比例", accessor=lambda row: percent(row.funds.percent)),
]
FUNDS_EXPORT = {
    "funds.budget": "预算（元）",
    "funds.spent": "已拨付（元）",
    "funds.remaining": "结余（元）",
    "funds.percent": "拨付比例（%）",
}


class ProjectFundsReport(FundsReport):
    page_title = "项目资金"
    index_url_name = "funds:projects"
    index_results_url_name = "funds:projects_results"
    export_filename = "项目资金"
    columns = [
        Column("code", label="项目编号", accessor="project.code"),
        TitleColumn(
            "title",
            label="项目名称",
            accessor="project.title",
            get_url=lambda row: reverse("wagtailadmin_pages:edit", args=[row.project.pk]),
        ),
        Column("purchaser", label="购买部门", accessor="project.purchaser"),
        *FUNDS_COLUMNS,
    ]
    export_headings = {
        "project.code": "项目编号",
        "project.title": "项目名称",
        "project.purchaser.name": "购买部门",
        **FUNDS_EXPORT,
    }
    list_export = list(export_headings)

    def get_queryset(self):
        projects = list(self.projects().select_related("purchaser").order_by("code"))
        spent = spent_by_project(projects)
        return [ProjectRow(p, Funds(p.budget, spent.get(p.pk, 0))) for p in projects]


class FundsTotalsReport(FundsReport):
    index_results_url_name = None
    columns = [
        Column("label", label="分组"),
        Column("projects", label="项目数"),
        *FUNDS_COLUMNS,
    ]
    export_headings = {"label": "分组", "projects": "项目数", **FUNDS_EXPORT}
    list_export = list(export_headings)

    def setup(self, request, *args, by, **kwargs):
        if by not in GROUPINGS:
            raise Http404
        self.by = by
        super().setup(request, *args, **kwargs)

    def get_page_title(self):
        return f"资金汇总（按{GROUPINGS[self.by][0]}）"

    @property
    def export_filename(self):
        return self.get_page_title()

    def get_index_url(self):
        return reverse("funds:totals", args=[self.by])

    @property
    def header_more_buttons(self):
        others = [
            HeaderButton(f"按{label}", url=reverse("funds:totals", args=[by]), icon_name="list-ul")
            for by, (label, _) in GROUPINGS.items()
            if by != self.by
        ]
        return super().header_more_buttons + others

    def get_queryset(self):
        return totals(self.projects(), self.by)


class AnomaliesReport(FundsReport):
    page_title = "资金异常"
    header_icon = "warning"
    index_url_name = "funds:anomalies"
    index_results_url_name = "funds:anomalies_results"
    export_filename = "资金异常"
    no_results_message = "没有超出预算、早于付款计划或不在服务期内的拨付。"
    columns = [
        TitleColumn(
            "project",
            label="服务项目",
            accessor="disbursement.project",
            get_url=lambda row: reverse("wagtailsnippets_funds_disbursement:edit", args=[row.disbursement.pk]),
        ),
        # The day itself (2022年4月2日): DateColumn's “1 年，2 月 之前” tells an auditor nothing about a payment.
        Column("paid_on", label="拨付日期", accessor="disbursement.paid_on"),
        Column("kind", label="拨付类型", accessor="disbursement.get_kind_display"),
        Column("amount", label="金额（元）", accessor=lambda row: money(row.disbursement.amount)),
        Column("problems", label="异常", accessor="problem_text"),
        Column("override_reason", label="放行理由", accessor="disbursement.override_reason"),
    ]
    export_headings = {
        "disbursement.project.code": "项目编号",
        "disbursement.project.title": "项目名称",
        "disbursement.paid_on": "拨付日期",
        "disbursement.get_kind_display": "拨付类型",
        "disbursement.amount": "金额（元）",
        "problem_text": "异常",
        "disbursement.override_reason": "放行理由",
    }
    list_export = list(export_headings)

    def get_queryset(self):
        return anomalies(Disbursement.objects.filter(project__in=self.projects()))
