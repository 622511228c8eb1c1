"""The admin views of project pages: the explorer narrowed to the account's projects, and editing, reverting
and approving held back when the project may not go live."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import cached_property
from wagtail.admin.views.pages.edit import EditView
from wagtail.admin.views.pages.revisions import RevisionsRevertView
from wagtail.admin.views.pages.workflow import WorkflowActionView

from shegong.lifecycle.going_live import NotPublishable
from shegong.roles.views import AuditablePageViewSet, ProjectExplorerView

from .models import ProjectPage


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
