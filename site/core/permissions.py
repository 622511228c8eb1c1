"""The admin's permission policies: the page tree narrowed to what an account may reach, and records only the
system writes."""

from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import register_permission_policy

from shegong.roles.groups import AUDIT_PERMISSION
from shegong.roles.scope import exclude_unreachable_projects, may_reach_page


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Staff with the model's view permission may read its records; nobody adds, changes or deletes them in the
    admin, whatever permissions a group was given."""

    def user_has_permission(self, user, action):
        return action not in ("add", "change", "delete") and super().user_has_permission(user, action)


def register_read_only(model):
    register_permission_policy(model, ReadOnlyPolicy(model))


class ScopedPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permission policy, without the projects the account may not reach.

    Department staff hold page permissions on the whole project section; every
    admin listing of pages — the explorer and its sidebar (the admin page API),
    page search, site history, the aging, locked and workflow reports — asks this
    policy which pages they may see, so the narrowing here covers them all.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return exclude_unreachable_projects(super().instances_user_has_any_permission_for(user, actions), user)

    def explorable_instances(self, user):
        if user.is_active and user.has_perm(AUDIT_PERMISSION):
            # Auditors hold no page permissions yet read every page: its history in the site history
            # report, its place in the admin page API. Acting on a page still asks the page's tester.
            return self.model._default_manager.all()
        return exclude_unreachable_projects(super().explorable_instances(user), user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return super().user_has_any_permission_for_instance(user, actions, instance) and may_reach_page(user, instance)
