from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects
from shegong.roles.views import scoped_views

from .models import Evaluation
from .views import DraftNoticeView, EvaluationIndexView, ProposalsView


def in_scope(user):
    return Evaluation.objects.filter(project__in=scope_projects(user, ProjectPage.objects.all()))


@scoped_views
class EvaluationViewSet(SnippetViewSet):
    """Evaluation results, entered by editors, and by department staff for their own department's projects;
    public only through a published 评估结果公示."""

    model = Evaluation
    icon = "tasks"
    menu_label = "项目评估"
    menu_order = 320
    add_to_admin_menu = True
    index_view_class = EvaluationIndexView
    list_display = ["project", "kind", "agency", "evaluated_on", "score", "grade", "notice"]
    list_filter = ["kind", "grade", "evaluated_on"]
    list_export = ["project", "kind", "agency", "evaluated_on", "score", "grade", "findings", "notice"]
    search_fields = ["agency", "findings", "project__title", "project__code"]

    def get_queryset(self, request):
        return in_scope(request.user).select_related("project", "notice")


register_snippet(EvaluationViewSet)


@hooks.register("register_admin_urls")
def evaluation_urls():
    return [
        path("evaluations/draft-notice/", DraftNoticeView.as_view(), name="evaluations_draft_notice"),
        path("evaluations/list-proposals/", ProposalsView.as_view(), name="evaluations_list_proposals"),
    ]


class ProposalsMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("snippets.change_socialorganization")


@hooks.register("register_admin_menu_item")
def proposals_menu_item():
    return ProposalsMenuItem("红黑榜建议", reverse("evaluations_list_proposals"), icon_name="warning", order=330)


@hooks.register("shegong_work_queue")
def results_awaiting_publicity(request):
    if request.user.has_perm("evaluations.change_evaluation"):
        yield (
            "待公示的评估结果",
            in_scope(request.user).unpublished().count(),
            reverse(Evaluation.snippet_viewset.get_url_name("list")),
        )
