from django import template
from django.utils import timezone

from ..pages import CallPage

register = template.Library()


@register.inclusion_tag("calls/open_calls.html")
def open_calls():
    """The calls accepting applications today, soonest deadline first."""
    today = timezone.localdate()
    calls = CallPage.objects.live().public().filter(opens_on__lte=today, closes_on__gte=today)
    return {"calls": calls.order_by("closes_on", "pk")}
