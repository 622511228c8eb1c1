from django.conf import settings
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.pages.models import NoticeIndexPage, ProjectPage

from .going_live import refusals
from .models import ReviewScore
from .publicity import publicity_ending
from .transitions import CHANGE_STAGE_ACTION
from .views import ChangeStageView


@hooks.register("register_admin_urls")
def lifecycle_urls():
    return [path("projects/<int:page_id>/stage/", ChangeStageView.as_view(), name="lifecycle_change_stage")]


class ChangeStageMenuItem(PageMenuItem):
    label = "变更阶段"
    icon_name = "resubmit"
    url_name = "lifecycle_change_stage"
    priority = 12

    def is_shown(self, user):
        return issubclass(self.page.specific_class or object, ProjectPage) and (
            self.page.permissions_for_user(user).can_edit()
        )


@hooks.register("register_page_header_buttons")
def change_stage_button(page, user, view_name, next_url=None):
    yield ChangeStageMenuItem(page=page)


@hooks.register("before_publish_page")
def refuse_unpublishable(request, page):
    """Publishing by hand, a live project's edits included: refused with the reasons, back to the edit view."""
    if not isinstance(page, ProjectPage):
        return None
    found = refusals(page)
    for refused in found:
        refused.tell(request)
    return redirect("wagtailadmin_pages:edit", page.pk) if found else None


@hooks.register("before_bulk_action")
def refuse_unpublishable_in_bulk(request, action_type, objects, action_view):
    """Nothing is published when any chosen project's latest draft may not go live."""
    if action_type != "publish":
        return None
    found = []
    for page in objects:
        page = page.specific
        if isinstance(page, ProjectPage):
            found += refusals(page.get_latest_revision_as_object())
    if not found:
        return None
    for refused in found:
        refused.tell(request)
    next_url = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = reverse("wagtailadmin_explore_root")
    return redirect(next_url)


@hooks.register("register_log_actions")
def register_stage_change(actions):
    @actions.register_action(CHANGE_STAGE_ACTION)
    class ChangeStage(LogFormatter):
        label = "变更阶段"

        def format_message(self, log_entry):
            data = log_entry.data
            message = f"阶段由“{data['from']}”变更为“{data['to']}”（{data['reached_on']}）"
            return f"{message}，理由：{data['reason']}" if data.get("reason") else message


class ReviewScoreViewSet(SnippetViewSet):
    """Internal roadshow scores: only editors and auditors are granted these permissions."""

    model = ReviewScore
    icon = "pick"
    menu_label = "路演评审打分"
    menu_order = 310
    add_to_admin_menu = True
    list_display = ["project", "reviewer", "score", "reviewed_on"]
    list_filter = ["reviewed_on"]
    list_export = ["project", "reviewer", "score", "comment", "reviewed_on"]
    search_fields = ["reviewer", "comment"]
    panels = [
        PageChooserPanel("project", "pages.ProjectPage"),
        FieldRowPanel([FieldPanel("reviewer"), FieldPanel("score"), FieldPanel("reviewed_on")]),
        FieldPanel("comment"),
    ]


register_snippet(ReviewScoreViewSet)


@hooks.register("shegong_work_queue")
def publicity_ending_soon(request):
    if not PagePermissionPolicy().user_has_permission(request.user, "publish"):
        return
    days = settings.SHEGONG_PUBLICITY_ENDING_DAYS
    section = NoticeIndexPage.objects.first()
    url = reverse("wagtailadmin_explore", args=[section.pk]) if section else reverse("wagtailadmin_home")
    yield f"{days} 天内结束的公示", publicity_ending(days).count(), url
