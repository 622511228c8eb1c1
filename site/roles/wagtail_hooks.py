from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.pages.models import ProjectPage

from . import audit
from .models import StaffProfile
from .scope import restricted_department, restricted_organization, scope_projects


def hide_unreachable_projects(pages, user):
    if restricted_department(user) is None and restricted_organization(user) is None:
        return pages
    reachable = scope_projects(user, ProjectPage.objects.all()).values("pk")
    return pages.exclude(pk__in=ProjectPage.objects.exclude(pk__in=reachable).values("pk"))


@hooks.register("construct_explorer_page_queryset")
def explorer_shows_reachable_projects(parent_page, pages, request):
    return hide_unreachable_projects(pages, request.user)


@hooks.register("construct_page_chooser_queryset")
def chooser_offers_reachable_projects(pages, request):
    return hide_unreachable_projects(pages, request.user)


@hooks.register("before_copy_page")
def refuse_to_copy_unreachable_project(request, page):
    # The copy view tests the generic Page, not the project's own permission tester.
    if isinstance(page.specific, ProjectPage) and not page.specific.permissions_for_user(request.user).can_edit():
        raise PermissionDenied


class StaffProfileViewSet(SnippetViewSet):
    model = StaffProfile
    icon = "user"
    menu_label = "账号归属"
    add_to_settings_menu = True
    list_display = ["user", "department", "organization"]
    search_fields = ["user__username"]
    panels = [FieldPanel("user"), FieldPanel("department"), FieldPanel("organization")]


register_snippet(StaffProfileViewSet)


@hooks.register("register_admin_urls")
def audit_urls():
    return [
        path("audit/projects/", audit.ProjectAuditIndex.as_view(), name="roles_audit_index"),
        path("audit/projects/<int:page_id>/", audit.ProjectAuditDetail.as_view(), name="roles_audit_detail"),
    ]


class AuditMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(audit.PERMISSION)


@hooks.register("register_admin_menu_item")
def audit_menu_item():
    return AuditMenuItem("项目审计", reverse("roles_audit_index"), icon_name="history", order=900)
