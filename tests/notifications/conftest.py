import datetime
import decimal

import pytest
from django.utils import timezone

from shegong.pages.enums import NoticeKind
from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS
from tests.factories import DepartmentFactory, NoticePageFactory, OrganizationFactory, ProjectPageFactory, account


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Tests run inside one transaction that never commits: `with committed():` runs, at its end, what the
    code inside left to run once its transaction commits — the mail."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def people(home):
    """One account per role, the department staff of two departments; the project belongs to 民政局."""
    civil, other = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="官渡区教育体育局")
    org = OrganizationFactory(name="官渡区阳光社工中心")
    project = ProjectPageFactory(
        title="阳光助老项目",
        purchaser=civil,
        organization=org,
        budget=decimal.Decimal("100000.00"),
        start_date=datetime.date(2022, 3, 1),
        end_date=datetime.date(2023, 2, 28),
    )
    return {
        "project": project,
        "editor": account("bianji", EDITORS),
        "auditor": account("shenji", AUDITORS),
        "civil": account("minzheng", DEPARTMENT_STAFF, department=civil),
        "other": account("jiaoyu", DEPARTMENT_STAFF, department=other),
        "org": account("jigou", ORGANIZATIONS, organization=org),
    }


@pytest.fixture
def publicity(people):
    """The project's 立项公示, open today and for five more days."""
    today = timezone.localdate()
    notice = NoticePageFactory(
        title="阳光助老项目立项公示",
        kind=NoticeKind.APPROVAL_PUBLICITY,
        published_on=today,
        publicity_until=today + datetime.timedelta(days=5),
    )
    notice.related_projects.create(project=people["project"])
    notice.save()  # a page's related rows are kept in memory until the page is saved
    return notice


def recipients(mailoutbox):
    return sorted(address for message in mailoutbox for address in message.to)
