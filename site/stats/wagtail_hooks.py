from wagtail import hooks
from wagtail.admin.ui.components import Component

from shegong.funds.money import wan

from .charts import figure_charts
from .figures import public_figures


class StatisticsPanel(Component):
    """The public statistics on the admin dashboard, so editors see what citizens see."""

    name = "statistics"
    order = 150
    template_name = "stats/admin_panel.html"

    def get_context_data(self, parent_context):
        figures = public_figures()
        return {
            "figures": figures,
            "sections": figure_charts(figures),
            "budget": wan(figures.budget),
            "spent": wan(figures.spent),
        }


@hooks.register("construct_homepage_panels")
def add_statistics_panel(request, panels):
    panels.append(StatisticsPanel())
