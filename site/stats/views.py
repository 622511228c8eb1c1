from django.template.response import TemplateResponse

from .charts import figure_charts, wan
from .figures import public_figures


def statistics(request):
    figures = public_figures()
    return TemplateResponse(
        request, "stats/statistics.html",
        {"figures": figures, "sections": figure_charts(figures), "budget": wan(figures.budget), "spent": wan(figures.spent)},
    )
