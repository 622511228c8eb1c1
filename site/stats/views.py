from django.template.response import TemplateResponse

from shegong.funds.money import wan

from .charts import figure_charts
from .figures import public_figures


def statistics(request):
    figures = public_figures()
    return TemplateResponse(
        request,
        "stats/statistics.html",
        {
            "page_title": "数据统计",
            "page_description": "已公开服务项目的数量、预算和拨付资金，按部门、年度、类别和阶段统计，以及社工站点覆盖情况。",
            "figures": figures,
            "sections": figure_charts(figures),
            "budget": wan(figures.budget),
            "spent": wan(figures.spent),
        },
    )
