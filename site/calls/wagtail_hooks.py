from django.http import Http404
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.roles.scope import restricted_organization

from . import views
from .applications import ACCEPT_ACTION, STATUS_ACTION, SUBMIT_ACTION
from .enums import ApplicationStatus
from .filters import ApplicationFilterSet
from .forms import ApplicationForm
from .models import Application
from .scope import CHECK_PERMISSION, ApplicationScopedObjectMixin, may_download, scope_applications


class ApplicationViewSet(SnippetViewSet):
    """项目申报: an organization's account sees and edits its own drafts; editors check every application."""

    model = Application
    icon = "form"
    menu_label = "项目申报"
    menu_order = 305
    add_to_admin_menu = True
    copy_view_enabled = False  # a copy would carry another submission's status and history
    inspect_view_enabled = True
    inspect_view_class = views.ApplicationInspectView
    edit_view_class = views.ApplicationEditView
    # Status, reasons and the duplicate check are drawn by the template: the matches only for the staff who check.
    inspect_view_fields = [
        *["call", "organization", "title", "category", "content", "street", "community", "social_worker"],
        *["start_date", "end_date", "budget", "created_at"],
    ]
    list_display = ["title", "organization", "call", "status", "submitted_at"]
    search_fields = ["title", "content"]
    ordering = ["-submitted_at", "-created_at"]
    filterset_class = ApplicationFilterSet
    edit_handler = ObjectList(
        [
            FieldPanel("call"),
            FieldPanel("organization"),
            FieldRowPanel([FieldPanel("title"), FieldPanel("category")]),
            FieldPanel("content"),
            MultiFieldPanel(
                [
                    FieldRowPanel([FieldPanel("street"), FieldPanel("community")]),
                    FieldPanel("social_worker"),
                    InlinePanel("participants", label="参与力量（N）"),
                ],
                heading="“1+1+1+N”联合申报",
            ),
            FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            MultiFieldPanel(
                [FieldPanel("budget"), InlinePanel("budget_lines", label="预算明细", min_num=0)],
                heading="预算（明细合计须等于申请预算）",
            ),
            InlinePanel("attachments", label="申报材料（PDF、Word 或图片）"),
        ],
        base_form_class=ApplicationForm,
    )

    def get_queryset(self, request):
        return scope_applications(request.user, Application.objects.select_related("call", "organization"))


for name in ["delete_view_class", "history_view_class", "usage_view_class"]:
    base = getattr(ApplicationViewSet, name)
    setattr(ApplicationViewSet, name, type(f"Scoped{base.__name__}", (ApplicationScopedObjectMixin, base), {}))

register_snippet(ApplicationViewSet)


@hooks.register("register_admin_urls")
def application_action_urls():
    return [
        path("calls/applications/<int:pk>/submit/", views.SubmitView.as_view(), name="calls_application_submit"),
        path("calls/applications/<int:pk>/decide/", views.DecideView.as_view(), name="calls_application_decide"),
    ]


@hooks.register("register_log_actions")
def register_application_actions(actions):
    @actions.register_action(SUBMIT_ACTION)
    class Submit(LogFormatter):
        label = "提交申报"

        def format_message(self, log_entry):
            return "提交申报"

    @actions.register_action(STATUS_ACTION)
    class Move(LogFormatter):
        label = "审查"

        def format_message(self, log_entry):
            data = log_entry.data
            message = f"状态由“{data['from']}”变更为“{data['to']}”"
            return f"{message}，理由：{data['reason']}" if data.get("reason") else message

    @actions.register_action(ACCEPT_ACTION)
    class Accept(LogFormatter):
        label = "立项"

        def format_message(self, log_entry):
            data = log_entry.data
            if "title" in data:  # on the project
                return f"由“{data['organization']}”的申报“{data['title']}”立项"
            return f"立项，项目编号 {data['code']}"


@hooks.register("construct_document_chooser_queryset")
def organizations_choose_their_own_documents(documents, request):
    """An organization's account may upload application materials; it chooses among its own organization's
    collection (shegong.calls.collections)."""
    organization = restricted_organization(request.user)
    if organization is None:
        return documents
    return documents.filter(collection__organization_materials__organization_id=organization)


@hooks.register("before_serve_document")
def application_materials_stay_internal(document, request):
    # Wagtail serves every document to anyone with its link; these carry organizations' internal papers.
    if not may_download(request.user, document):
        raise Http404


@hooks.register("shegong_work_queue")
def application_work(request):
    user = request.user
    index = reverse("wagtailsnippets_calls_application:list")
    if user.has_perm(CHECK_PERMISSION) and restricted_organization(user) is None:
        waiting = [ApplicationStatus.SUBMITTED, ApplicationStatus.FORMAL_CHECK]
        count = Application.objects.filter(status__in=waiting).count()
        query = "&".join(f"status={status}" for status in waiting)
        yield "待形式审查的申报", count, f"{index}?{query}"
    if restricted_organization(user):
        drafts = scope_applications(user, Application.objects.filter(status=ApplicationStatus.DRAFT)).count()
        yield "尚未提交的申报草稿", drafts, f"{index}?status={ApplicationStatus.DRAFT}"
