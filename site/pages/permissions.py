from wagtail.models import PagePermissionTester

from shegong.roles.scope import may_reach_page


class ScopedPermissionTester(PagePermissionTester):
    """Wagtail's page permissions, emptied on a project (or a station) the account may not reach.

    Every admin view of a page (edit, history, revisions, preview, delete,
    unpublish, lock, move) asks the page for this tester, so one check covers them.
    """

    def __init__(self, user, page):
        super().__init__(user, page)
        if user.is_active and not user.is_superuser and not may_reach_page(user, page):
            self.permissions = set()
