"""Admin views narrowed to the projects an account may reach."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from wagtail.admin.views.pages.history import PageHistoryView
from wagtail.admin.views.pages.listing import ExplorableIndexView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page

from .groups import AUDIT_PERMISSION
from .scope import may_reach_page, may_reach_project


class ProjectScopedObjectMixin:
    """For snippet views of records that belong to a project (`project` FK): another
    department's or organization's record is a 404, whatever the URL."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not may_reach_project(self.request.user, obj.project):
            raise Http404
        return obj


def scoped_views(viewset_class):
    """Give every object view of a SnippetViewSet the project scope."""
    viewset_class.copy_view_enabled = False  # a copy form would show the original's content
    for name in [
        "edit_view_class",
        "delete_view_class",
        "history_view_class",
        "inspect_view_class",
        "usage_view_class",
    ]:
        base = getattr(viewset_class, name)
        setattr(viewset_class, name, type(f"Scoped{base.__name__}", (ProjectScopedObjectMixin, base), {}))
    return viewset_class


class ProjectExplorerView(ExplorableIndexView):
    """The page explorer under a project, refused when the account may not reach that project.

    Wagtail only checks that the page lies under the account's explorable root,
    and the header names the page; shegong.pages.views.ProjectPageViewSet
    routes the explorer of projects and of the project section here.
    """

    def get(self, request, parent_page_id=None):
        if parent_page_id and not may_reach_page(request.user, get_object_or_404(Page, pk=parent_page_id)):
            raise Http404
        return super().get(request, parent_page_id)


class AuditableHistoryView(PageHistoryView):
    """A page's history (/admin/pages/N/history/), open to auditors too.

    Wagtail shows it only to those who may edit or publish the page; auditors do neither, yet
    whole-process disclosure to the discipline, finance and audit bodies means they read every page's
    history. What they can do from there (revert, edit) still asks the page's permission tester.
    """

    def is_auditor(self):
        return self.request.user.is_active and self.request.user.has_perm(AUDIT_PERMISSION)

    def user_has_any_permission(self, permissions):
        return self.is_auditor() or super().user_has_any_permission(permissions)

    def get_object(self):
        if self.is_auditor():
            return get_object_or_404(self.model, id=self.pk).specific
        return super().get_object()


class AuditablePageViewSet(PageViewSet):
    """The admin views of every page type: Wagtail's, with the history auditors may read."""

    history_view_class = AuditableHistoryView
