from django.urls import path
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, PageChooserPanel
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.pages.models import ProjectPage

from .models import ReviewScore
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
