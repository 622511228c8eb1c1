from django.urls import reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects
from shegong.roles.views import scoped_views

from .forms import ModerationForm
from .models import Comment, Objection
from .moderation import ModerationStatus

DECISION = MultiFieldPanel([FieldPanel("status"), FieldPanel("moderation_note")], heading="审核")


class ModerationQueue(SnippetViewSet):
    """A moderation queue: filter by status, read a submission, approve it or reject it with a reason."""

    list_filter = ["status"]
    inspect_view_enabled = True
    copy_view_enabled = False
    ordering = ["-created_at"]


class CommentViewSet(ModerationQueue):
    model = Comment
    icon = "comment"
    menu_label = "项目留言"
    list_display = ["text", "project", "name", "rating", "status", "created_at"]
    list_export = ["project", "name", "text", "rating", "status", "moderation_note", "created_at"]
    search_fields = ["name", "text"]
    edit_handler = ObjectList(
        [
            FieldPanel("project", read_only=True),
            FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("contact", read_only=True)]),
            FieldPanel("text", read_only=True),
            FieldPanel("rating", read_only=True),
            DECISION,
        ],
        base_form_class=ModerationForm,
    )


@scoped_views
class ObjectionViewSet(ModerationQueue):
    """Editors handle every objection; a purchasing department reads those on its own projects."""

    model = Objection
    icon = "warning"
    menu_label = "公示异议"
    list_display = ["project", "name", "notice", "status", "outcome", "created_at"]
    list_filter = ["status", "outcome"]
    list_export = [
        "project",
        "notice",
        "name",
        "contact",
        "text",
        "status",
        "moderation_note",
        "outcome",
        "reply",
        "answered_at",
        "created_at",
    ]
    search_fields = ["name", "text"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("project", read_only=True), FieldPanel("notice", read_only=True)]),
            FieldRowPanel([FieldPanel("name", read_only=True), FieldPanel("contact", read_only=True)]),
            FieldPanel("text", read_only=True),
            DECISION,
            MultiFieldPanel(
                [FieldPanel("outcome"), FieldPanel("reply")],
                heading="处理结果（随公示公开，不含异议人联系方式）",
            ),
        ],
        base_form_class=ModerationForm,
    )

    def get_queryset(self, request):
        return Objection.objects.filter(
            project__in=scope_projects(request.user, ProjectPage.objects.all())
        ).select_related("project", "notice")


class ParticipationGroup(SnippetViewSetGroup):
    items = (CommentViewSet, ObjectionViewSet)
    menu_icon = "comment"
    menu_label = "公众参与"
    menu_name = "participation"
    menu_order = 300


register_snippet(ParticipationGroup)


def pending_list_url(model):
    """The moderation queue of `model`, filtered to what awaits a decision."""
    return reverse(model.snippet_viewset.get_url_name("list")) + "?status=" + ModerationStatus.PENDING


@hooks.register("shegong_work_queue")
def submissions_to_handle(request):
    user = request.user
    if user.has_perm("feedback.change_comment"):
        yield "待审核的项目留言", Comment.objects.pending().count(), pending_list_url(Comment)
    if user.has_perm("feedback.change_objection") or user.has_perm("feedback.view_objection"):
        objections = Objection.objects.awaiting_outcome().filter(
            project__in=scope_projects(user, ProjectPage.objects.all())
        )
        yield "待答复的公示异议", objections.count(), reverse(Objection.snippet_viewset.get_url_name("list"))
