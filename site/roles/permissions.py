from wagtail.models import PagePermissionTester
from wagtail.permission_policies.pages import PagePermissionPolicy

from .groups import AUDIT_PERMISSION
from .scope import exclude_unreachable_projects, may_reach_page


class ScopedPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, emptied on a project (or a station) the account may not reach.

    Every admin view of a page (edit, history, revisions, preview, delete,
    unpublish, lock, move) asks the page for this tester, so one check covers them.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not may_reach_page(user, page):
            self.permissions = set()


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
