"""Hold back the publication of a likely duplicate project until an editor confirms it is distinct.

holdback.py refuses any draft going live; these hooks check sooner where a user
publishes by hand, so that scheduling and republishing a live project's edits
are held back too, and nothing is saved before the message.
"""

from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.core.permissions import register_read_only
from shegong.pages.models import ProjectPage

from .detection import unconfirmed_duplicates
from .models import DuplicateConfirmation
from .views import ProjectPageViewSet, confirm_distinct, hold_back_message


@hooks.register("register_admin_urls")
def register_duplicate_urls():
    return [path("duplicates/<int:page_id>/confirm/", confirm_distinct, name="duplicates_confirm")]


@hooks.register("register_admin_viewset")
def register_project_page_viewset():
    return ProjectPageViewSet("project_pages")


@hooks.register("before_publish_page")
def hold_back_likely_duplicate(request, page):
    if not isinstance(page, ProjectPage):
        return None
    matches = unconfirmed_duplicates(page)
    if not matches:
        return None
    hold_back_message(request, page, matches)
    return redirect("wagtailadmin_pages:edit", page.pk)


@hooks.register("before_bulk_action")
def hold_back_bulk_publish(request, action_type, objects, action_view):
    if action_type != "publish":
        return None
    held_back = False
    for page in objects:
        page = page.specific
        if isinstance(page, ProjectPage):
            matches = unconfirmed_duplicates(page.get_latest_revision_as_object())
            if matches:
                hold_back_message(request, page, matches)
                held_back = True
    if not held_back:
        return None
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_explore_root")
    return redirect(next_url)


@hooks.register("before_copy_page")
def refuse_to_copy_a_project(request, page):
    # A copy would repeat the project's code (unique) and its whole application:
    # a new project is added, not copied.
    if not issubclass(page.specific_class or object, ProjectPage):
        return None
    messages.error(request, "服务项目不能复制：副本会重复原项目的编号和申报内容，请在项目库中新建项目。")
    return redirect("wagtailadmin_explore", page.get_parent().pk)


# Confirmations are written by the confirmation form alone (duplicates_confirm): the admin list only reads them.
register_read_only(DuplicateConfirmation)


class DuplicateConfirmationViewSet(SnippetViewSet):
    """The record of every “not a duplicate” an editor has vouched for, with the reason."""

    model = DuplicateConfirmation
    icon = "warning"
    menu_label = "非重复申报确认"
    list_display = ["project", "earlier", "similarity", "confirmed_by", "confirmed_at"]
    list_filter = ["confirmed_at"]
    inspect_view_enabled = True
    inspect_view_fields = ["project", "earlier", "similarity", "reason", "confirmed_by", "confirmed_at"]
    ordering = ["-confirmed_at"]


register_snippet(DuplicateConfirmationViewSet)
