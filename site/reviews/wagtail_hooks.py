from django.db.models import Count, Exists, OuterRef, Q
from django.urls import include, path, reverse
from django.utils.html import format_html
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, InlinePanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import Application, CallPage

from . import urls
from .actions import REOPEN_ACTION
from .forms import AssignmentForm, RubricForm
from .models import Assignment, Decision, ExpertTie, Rubric
from .views import DECIDE_PERMISSION, SCORE_PERMISSION, AssignmentCreateView


class RankingColumn(Column):
    def get_value(self, instance):
        return format_html('<a href="{}">查看排名</a>', reverse("reviews:ranking", args=[instance.call_id]))


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "list-ol"
    menu_label = "评分细则"
    list_display = [
        "call",
        "drop_extremes",
        "closed_at",
        "ranking_published_at",
        RankingColumn("ranking", label="排名"),
    ]
    edit_handler = ObjectList(
        [
            FieldPanel("call"),
            FieldPanel("drop_extremes"),
            InlinePanel("criteria", label="评分项", min_num=1, heading="评分项（权重之和须为 100）"),
        ],
        base_form_class=RubricForm,
    )


class AssignmentViewSet(SnippetViewSet):
    """The editor assigns experts to applications under review; conflicts of interest are refused by the form."""

    model = Assignment
    icon = "user"
    menu_label = "专家分配"
    add_view_class = AssignmentCreateView
    list_display = ["application", "expert", "assigned_at", "scored_at"]
    list_filter = ["application__call"]
    edit_handler = ObjectList([FieldPanel("application"), FieldPanel("expert")], base_form_class=AssignmentForm)


class ExpertTieViewSet(SnippetViewSet):
    model = ExpertTie
    icon = "warning"
    menu_label = "利益关联声明"
    list_display = ["expert", "organization", "note", "declared_at"]
    panels = [FieldPanel("expert"), FieldPanel("organization"), FieldPanel("note")]


class DecisionViewSet(SnippetViewSet):
    """Decisions are recorded from the ranking (评审结论); this listing is their record."""

    model = Decision
    icon = "tick"
    menu_label = "评审结论"
    list_display = ["application", "outcome", "decided_by", "decided_at", "notice"]
    list_filter = ["outcome"]
    add_to_admin_menu = False
    inspect_view_enabled = True


class ReviewsViewSetGroup(SnippetViewSetGroup):
    items = (RubricViewSet, AssignmentViewSet, ExpertTieViewSet, DecisionViewSet)
    menu_icon = "pick"
    menu_label = "路演评审"
    menu_order = 305


register_snippet(ReviewsViewSetGroup)


@hooks.register("register_admin_urls")
def register_reviews_urls():
    return [path("reviews/", include(urls, namespace="reviews"))]


class ExpertMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(SCORE_PERMISSION)


@hooks.register("register_admin_menu_item")
def my_reviews_menu_item():
    return ExpertMenuItem("我的评审", reverse("reviews:mine"), icon_name="pick", order=90)


@hooks.register("shegong_work_queue")
def review_work(request):
    user = request.user
    if user.has_perm(SCORE_PERMISSION):
        waiting = Assignment.objects.filter(
            expert=user, scored_at__isnull=True, application__call__rubric__closed_at__isnull=True
        ).count()
        yield "待评分的申报", waiting, reverse("reviews:mine")
    if user.has_perm(DECIDE_PERMISSION):
        unscored = Assignment.objects.filter(application=OuterRef("pk"), scored_at__isnull=True)
        awaiting = (
            Application.objects.filter(
                status=ApplicationStatus.REVIEW, review_decision__isnull=True, call__rubric__isnull=False
            )
            .annotate(assigned=Count("review_assignments"))
            .filter(Q(assigned__gt=0), ~Exists(unscored))
        )
        for call in CallPage.objects.filter(pk__in=awaiting.values("call_id")).order_by("closes_on"):
            count = awaiting.filter(call=call).count()
            yield f"评审完成待决定的申报（{call.title}）", count, reverse("reviews:ranking", args=[call.pk])


@hooks.register("register_log_actions")
def register_reopen_action(actions):
    @actions.register_action(REOPEN_ACTION)
    class Reopen(LogFormatter):
        label = "重新开放评审"

        def format_message(self, log_entry):
            data = log_entry.data
            withdrawn = "，已公布的排名撤回" if data.get("ranking_withdrawn") else ""
            return f"重新开放评审{withdrawn}，理由：{data.get('reason', '')}"
