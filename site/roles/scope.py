"""Which projects an admin account may reach.

Superusers and editors reach every project. A department staff member reaches
the projects their department buys; a social organization's account the
projects it implements. Auditors read everything and change nothing.
"""

from django.apps import apps

from .groups import DEPARTMENT_STAFF, ORGANIZATIONS


def _profile(user):
    if not user.is_authenticated:
        return None
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError.
    return getattr(user, "staff_profile", None)


def _in_group(user, name):
    cache = "_shegong_groups"
    if not hasattr(user, cache):
        setattr(user, cache, set(user.groups.values_list("name", flat=True)))
    return name in getattr(user, cache)


def restricted_department(user):
    """The department a department staff member is limited to; None when not limited.

    A staff member with no department set is limited to nothing (id 0 matches no row).
    """
    if user.is_superuser or not _in_group(user, DEPARTMENT_STAFF):
        return None
    profile = _profile(user)
    return profile.department_id if profile and profile.department_id else 0


def restricted_organization(user):
    """The organization a social organization's account is limited to; None when not limited."""
    if user.is_superuser or not _in_group(user, ORGANIZATIONS):
        return None
    profile = _profile(user)
    return profile.organization_id if profile and profile.organization_id else 0


def scope_projects(user, queryset):
    """Narrow a ProjectPage queryset to what `user` may reach."""
    department = restricted_department(user)
    if department is not None:
        queryset = queryset.filter(purchaser_id=department)
    organization = restricted_organization(user)
    if organization is not None:
        queryset = queryset.filter(organization_id=organization)
    return queryset


def is_restricted(user):
    return restricted_department(user) is not None or restricted_organization(user) is not None


def exclude_unreachable_projects(pages, user):
    """Narrow a queryset of pages of any type: other pages stay, unreachable projects go."""
    if not is_restricted(user):
        return pages
    # Looked up, not imported: the pages app imports this module for its permission tester.
    ProjectPage = apps.get_model("pages", "ProjectPage")
    reachable = scope_projects(user, ProjectPage.objects.all()).values("pk")
    return pages.exclude(pk__in=ProjectPage.objects.exclude(pk__in=reachable).values("pk"))


def may_reach_project(user, project):
    department = restricted_department(user)
    if department is not None and project.purchaser_id != department:
        return False
    organization = restricted_organization(user)
    return organization is None or project.organization_id == organization


def may_reach_page(user, page):
    """Any page but a project the account may not reach."""
    if not is_restricted(user):
        return True
    ProjectPage = apps.get_model("pages", "ProjectPage")
    if not issubclass(page.specific_class or object, ProjectPage):
        return True
    return may_reach_project(user, page if isinstance(page, ProjectPage) else page.specific)
