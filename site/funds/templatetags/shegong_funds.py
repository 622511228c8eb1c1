from django import template
from django.utils import timezone

from ..summary import due_by, project_funds

register = template.Library()


@register.simple_tag
def funds_of(project):
    """Budget, spent, remaining and percentage of a project, with its payments in date order, and what the
    payment schedule says should have been paid by today (`due`) when less than that has been (`behind`)."""
    funds = project_funds(project)
    due = due_by(project, timezone.localdate())
    return {
        "funds": funds,
        "payments": project.disbursements.order_by("paid_on", "pk"),
        "due": due,
        "behind": max(due - funds.spent, 0),
        "over": max(funds.spent - funds.budget, 0),
    }


@register.filter
def yuan(amount):
    """Money as the public reads it: thousands separated, two decimals."""
    return f"{amount:,.2f}"
