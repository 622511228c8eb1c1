from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.feedback.forms import ModerationForm
from shegong.feedback.moderation import ModerationStatus
from shegong.feedback.wagtail_hooks import pending_list_url
from shegong.pages.models import ProjectPage
from shegong.roles.scope import scope_projects
from shegong.roles.views import scoped_views

from .models import ImplementationUpdate, UpdateLogEntry

MODERATE = "updates.moderate_implementationupdate"


class UpdateForm(ModerationForm):
    """Offers only the projects the account may reach; an organization's edit goes back to review."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = scope_projects(
            self.for_user, ProjectPage.objects.order_by("-first_published_at")
        )

    def save(self, commit=True):
        if not self.for_user.has_perm(MODERATE):
            self.instance.status = ModerationStatus.PENDING
            self.instance.record_moderation(None)
        if self.instance.submitted_by_id is None:
            self.instance.submitted_by = self.for_user
        return super().save(commit)


@scoped_views
class ImplementationUpdateViewSet(SnippetViewSet):
    model = ImplementationUpdate
    icon = "doc-full-inverse"
    menu_label = "实施动态"
    menu_order = 305
    add_to_admin_menu = True
    inspect_view_enabled = True
    list_display = ["title", "project", "happened_on", "status", "moderation_note"]
    list_filter = ["status", "happened_on"]
    list_export = ["project", "title", "happened_on", "text", "status", "moderation_note"]
    search_fields = ["title", "text"]
    edit_handler = ObjectList(
        [
            FieldPanel("project"),
            FieldRowPanel([FieldPanel("title"), FieldPanel("happened_on")]),
            FieldPanel("text"),
            InlinePanel("photos", label="照片"),
            MultiFieldPanel(
                [FieldPanel("status", permission=MODERATE), FieldPanel("moderation_note", permission=MODERATE)],
                heading="审核（由编辑填写）",
            ),
        ],
        base_form_class=UpdateForm,
    )

    def get_queryset(self, request):
        return ImplementationUpdate.objects.filter(
            project__in=scope_projects(request.user, ProjectPage.objects.all())
        ).select_related("project")


register_snippet(ImplementationUpdateViewSet)


@hooks.register("register_log_actions")
def log_updates_apart(actions):
    # Site history shows whatever a log model's viewable_by_user allows; ModelLogEntry's allows every update.
    actions.register_model(ImplementationUpdate, UpdateLogEntry)


@hooks.register("shegong_work_queue")
def updates_to_moderate(request):
    if request.user.has_perm(MODERATE):
        yield "待审核的实施动态", ImplementationUpdate.objects.pending().count(), pending_list_url(ImplementationUpdate)
