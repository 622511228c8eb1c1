"""The editor's confirmation that a project flagged as a likely duplicate is distinct, and its record.

The hold itself is a rule of the publication check (holdback.py, shegong.lifecycle.going_live).
"""

from django.shortcuts import redirect
from django.urls import path
from wagtail import hooks
from wagtail.admin import messages
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.core.permissions import register_read_only
from shegong.pages.models import ProjectPage

from .models import DuplicateConfirmation
from .views import confirm_distinct


@hooks.register("register_admin_urls")
def register_duplicate_urls():
    return [path("duplicates/<int:page_id>/confirm/", confirm_distinct, name="duplicates_confirm")]


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
