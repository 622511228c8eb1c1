from django import template
from django.db.models import Avg, Count

from shegong.lifecycle.publicity import open_publicity

from ..forms import CommentForm, ObjectionForm

register = template.Library()


@register.inclusion_tag("feedback/project_extras.html", takes_context=True)
def project_extras(context, page):
    """Approved implementation updates and comments, the average rating, and the public forms. The forms carry
    no CSRF token, so the page can be served from the page cache (see shegong.feedback.views)."""
    request = context.get("request")
    notice = open_publicity(page)
    ratings = page.comments.approved().aggregate(average=Avg("rating"), count=Count("rating"))
    return {
        "page": page,
        "submitted": request.GET.get("submitted") if request else None,
        "updates": page.implementation_updates.approved().prefetch_related("photos__image"),
        "comments": page.comments.approved().only("name", "text", "rating", "created_at").order_by("created_at"),
        "rating": ratings,
        "comment_form": CommentForm(project=page),
        "publicity": notice,
        "objection_form": ObjectionForm(project=page, notice=notice) if notice else None,
    }


@register.simple_tag
def answered_objections(notice):
    """The notice's objections that have an outcome, for publication with it: never who objected or how to reach them."""
    return (
        notice.objections.answered()
        .select_related("project")
        .only("project__title", "status", "text", "outcome", "reply", "created_at", "answered_at")
        .order_by("created_at")
    )
