from django import template

from ..scope import is_restricted

register = template.Library()


@register.filter
def reaches_every_project(user):
    """Not limited to one department's or one organization's projects."""
    return not is_restricted(user)
