"""Which projects an admin account may reach.

Superusers and editors reach every project. A department staff member reaches
the projects their department buys; a social organization's account the
projects it implements; a street station's account the projects and the social
work stations of its street. Auditors read everything and change nothing.
"""

from django.apps import apps
from django.db.models import Q

from .groups import DEPARTMENT_STAFF, ORGANIZATIONS, STREETS


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


def restricted_street(user):
    """The street a street station's account is limited to; None when not limited."""
    if user.is_superuser or not _in_group(user, STREETS):
        return None
    profile = _profile(user)
    return profile.street_id if profile and profile.street_id else 0


def scope_projects(user, queryset):
    """Narrow a ProjectPage queryset to what `user` may reach."""
    department = restricted_department(user)
    if department is not None:
        queryset = queryset.filter(purchaser_id=department)
    organization = restricted_organization(user)
    if organization is not None:
        queryset = queryset.filter(organization_id=organization)
    street = restricted_street(user)
    if street is not None:
        queryset = queryset.filter(street_id=street)
    return queryset


def scope_stations(user, queryset):
    """Narrow a StationPage queryset: a street's account reaches its street station and its community points."""
    street = restricted_street(user)
    if street is not None:
        queryset = queryset.filter(Q(region_id=street) | Q(region__parent_id=street))
    return queryset


def is_restricted(user):
    return any(
        restricted is not None
        for restricted in [restricted_department(user), restricted_organization(user), restricted_street(user)]
    )


def exclude_unreachable_projects(pages, user):
    """Narrow a queryset of pages of any type: other pages stay, unreachable projects and stations go."""
    if not is_restricted(user):
        return pages
    # Looked up, not imported: the pages app imports this module for its permission tester.
    ProjectPage, StationPage = apps.get_model("pages", "ProjectPage"), apps.get_model("pages", "StationPage")
    for model, scope in [(ProjectPage, scope_projects), (StationPage, scope_stations)]:
        reachable = scope(user, model.objects.all()).values("pk")
        pages = pages.exclude(pk__in=model.objects.exclude(pk__in=reachable).values("pk"))
    return pages


def may_reach_project(user, project):
    department = restricted_department(user)
    if department is not None and project.purchaser_id != department:
        return False
    organization = restricted_organization(user)
    if organization is not None and project.organization_id != organization:
        return False
    street = restricted_street(user)
    return street is None or project.street_id == street


def may_reach_station(user, station):
    street = restricted_street(user)
    return street is None or street in (station.region_id, station.region.parent_id)


def may_reach_page(user, page):
    """Any page but a project or a station the account may not reach."""
    if not is_restricted(user):
        return True
    ProjectPage, StationPage = apps.get_model("pages", "ProjectPage"), apps.get_model("pages", "StationPage")
    specific_class = page.specific_class or object
    if issubclass(specific_class, ProjectPage):
        return may_reach_project(user, page if isinstance(page, ProjectPage) else page.specific)
    if issubclass(specific_class, StationPage):
        return may_reach_station(user, page if isinstance(page, StationPage) else page.specific)
    return True
