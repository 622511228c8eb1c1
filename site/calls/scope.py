"""Which applications an admin account may reach: a social organization's account only its own."""

from django.http import Http404

from shegong.roles.scope import restricted_organization

from .collections import collection_organization

CHECK_PERMISSION = "calls.check_application"


def scope_applications(user, queryset):
    organization = restricted_organization(user)
    return queryset if organization is None else queryset.filter(organization_id=organization)


def may_reach_application(user, application):
    organization = restricted_organization(user)
    return organization is None or application.organization_id == organization


class ApplicationScopedObjectMixin:
    """Another organization's application is a 404, whatever the URL."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        if not may_reach_application(self.request.user, obj):
            raise Http404
        return obj


def may_download(user, document):
    """Application materials are for the staff who handle applications and the organization that filed them."""
    organization = collection_organization(document)
    if organization is None:
        return True
    if not (user.is_authenticated and user.has_perm("calls.view_application")):
        return False
    restricted = restricted_organization(user)
    return restricted is None or restricted == organization
