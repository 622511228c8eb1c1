from django import template

from ..service import FILTER_LABELS

register = template.Library()


@register.simple_tag
def facet_label(name):
    return FILTER_LABELS.get(name, name)


@register.simple_tag
def facet_query(params, name, value):
    """The current query string with one parameter set (or removed when empty); a new filter starts at page 1."""
    query = params.copy()
    if name != "page":
        query.pop("page", None)
    if value in ("", None):
        query.pop(name, None)
    else:
        query[name] = value
    return query.urlencode()
