"""“项目审计”: auditors read every project, drafts included, with its full history, and change nothing."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import PageLogEntry

from shegong.pages.models import ProjectPage

from .groups import AUDIT_PERMISSION


class AuditView(WagtailAdminTemplateMixin, TemplateView):
    header_icon = "history"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(AUDIT_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class ProjectAuditIndex(AuditView):
    template_name = "roles/audit_index.html"
    page_title = "项目审计"

    def get_context_data(self, **kwargs):
        projects = ProjectPage.objects.select_related("purchaser", "organization").order_by("code")
        return super().get_context_data(rows=[(p, p.get_latest_revision_as_object()) for p in projects], **kwargs)


class ProjectAuditDetail(AuditView):
    template_name = "roles/audit_detail.html"
    page_title = "项目审计"

    def dispatch(self, request, page_id):
        self.project = get_object_or_404(ProjectPage, pk=page_id)
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.project.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("roles_audit_index"), "label": self.page_title},
            {"url": "", "label": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        revisions = self.project.revisions.select_related("user").order_by("-created_at")
        return super().get_context_data(
            project=self.project,
            latest=self.project.get_latest_revision_as_object(),
            revisions=[(revision, revision.as_object()) for revision in revisions],
            log_entries=PageLogEntry.objects.filter(page=self.project).select_related("user").order_by("-timestamp"),
            review_scores=self.project.review_scores.all(),
            **kwargs,
        )
