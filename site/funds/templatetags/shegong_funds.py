from django import template

from ..summary import project_funds

register = template.Library()


@register.simple_tag
def funds_of(project):
    """Budget, spent, remaining and percentage of a project, with its payments in date order."""
    return {"funds": project_funds(project), "payments": project.disbursements.order_by("paid_on", "pk")}


@register.filter
def yuan(amount):
    """Money as the public reads it: thousands separated, two decimals."""
    return f"{amount:,.2f}"
