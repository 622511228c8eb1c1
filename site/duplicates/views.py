from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.views.pages.workflow import WorkflowActionView

from shegong.lifecycle.going_live import NotPublishable
from shegong.pages.models import ProjectPage
from shegong.roles.scope import may_reach_project
from shegong.roles.views import AuditablePageViewSet, ProjectExplorerView

from .detection import unconfirmed_duplicates
from .forms import ConfirmationForm
from .models import confirm

CONFIRM = "duplicates.add_duplicateconfirmation"


def may_confirm(user, project):
    """Editors confirm; whoever merely publishes the project (a department's staff) cannot vouch for it."""
    return user.has_perm(CONFIRM) and project.permissions_for_user(user).can_publish()


def confirm_distinct(request, page_id):
    """The editor states, with a reason, that a project flagged as a likely duplicate is not one."""
    page = get_object_or_404(ProjectPage, pk=page_id)
    if not may_confirm(request.user, page):
        raise PermissionDenied
    # The latest draft is what the editor is about to publish.
    draft = page.get_latest_revision_as_object()
    matches = unconfirmed_duplicates(draft)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if not matches:
        messages.success(request, f"“{draft.title}”没有待确认的相似项目。")
        return redirect(edit_url)
    form = ConfirmationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirm(page, matches, form.cleaned_data["reason"], request.user)
        messages.success(request, f"已确认“{draft.title}”不是重复申报，现在可以发布。")
        return redirect(edit_url)
    return TemplateResponse(
        request, "duplicates/confirm.html", {"page": draft, "matches": matches, "form": form, "edit_url": edit_url}
    )


def earlier_project(request, match):
    """How the message names one earlier project, and where its button leads (None: no button).

    Another department's or organization's draft stays unnamed: its title is not theirs to read.
    """
    project = match.project
    if may_reach_project(request.user, project):
        url, label = reverse("wagtailadmin_pages:edit", args=[project.pk]), f"查看已有项目 {project.code}"
    elif project.live:
        url, label = project.get_url(request), f"查看已发布项目 {project.code}"
    else:
        return f"（另一尚未发布的项目，{match.reason}）", None
    return f"“{project.title}”（{project.code}，{match.reason}）", url and messages.button(url, label)


def hold_back_message(request, project, matches):
    named = [earlier_project(request, m) for m in matches]
    buttons = [button for _, button in named if button]
    if project.pk and may_confirm(request.user, project):
        buttons.append(messages.button(reverse("duplicates_confirm", args=[project.pk]), "确认不是重复申报"))
    earlier = "、".join(text for text, _ in named)
    messages.error(
        request, f"“{project.title}”可能重复申报已有项目{earlier}，编辑确认并填写理由后才能发布。", buttons=buttons
    )


def refused_url(request, refused):
    """Tell the user why publishing was refused, and send them to the project's edit view."""
    refused.tell(request)
    return reverse("wagtailadmin_pages:edit", args=[refused.project.pk])


class HoldBackApproval:
    """Approving a workflow's last task publishes the page: a project that may not go live stays in moderation."""

    def perform_workflow_action(self):
        try:
            return super().perform_workflow_action()
        except NotPublishable as refused:
            return redirect(refused_url(self.request, refused))


class ProjectEditView(HoldBackApproval, EditView):
    pass


class ProjectRevertView(HoldBackApproval, RevisionsRevertView):
    pass


class ProjectWorkflowActionView(WorkflowActionView):
    """The approve button of the dashboard and of the workflow modal."""

    def post(self, request, *args, **kwargs):
        try:
            return super().post(request, *args, **kwargs)
        except NotPublishable as refused:
            url = refused_url(request, refused)
            if request.headers.get("x-requested-with") == "XMLHttpRequest":
                return self.render_modal_json(request, {"step": "success", "redirect": url})
            return redirect(url)


class ProjectPageViewSet(AuditablePageViewSet):
    """The admin views of project pages. Wagtail keeps one viewset per page type, so the roles' scope
    (the explorer) is wired here beside the publication check (editing, reverting, approving)."""

    model = ProjectPage
    index_view_class = ProjectExplorerView
    edit_view_class = ProjectEditView
    revisions_revert_view_class = ProjectRevertView
    workflow_action_view_class = ProjectWorkflowActionView

    @cached_property
    def parent_models(self):
        # Exploring a project (it never has children) still shows its title in the header.
        return [*super().parent_models, ProjectPage]
