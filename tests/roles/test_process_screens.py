"""Each role on the process's admin screens (申报、路演评审、资金、评估、异议): the screens its work needs open,
every screen that would let it change someone else's work refused.

The screens are reached as each account would: by address, signed in, without following the admin's own
redirect (Wagtail answers a refused admin screen with a redirect to the dashboard and a message).
"""

import pytest
from django.urls import reverse

from shegong.calls.models import Application
from shegong.funds.models import Disbursement
from shegong.roles.groups import AUDITORS, DEPARTMENT_STAFF, EDITORS, EXPERTS, ORGANIZATIONS, STREETS
from shegong.roles.models import StaffProfile
from tests.factories import DepartmentFactory, OrganizationFactory, ProjectPageFactory, StreetFactory, account
from tests.reviews.factories import RubricFactory, under_review

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(home):
    street, department = StreetFactory(name="关上街道"), DepartmentFactory(name="官渡区民政局")
    organization = OrganizationFactory(name="官渡区暖阳社工中心")
    rubric = RubricFactory()
    application = under_review(rubric.call, organization=organization, title="四点半课堂")
    project = ProjectPageFactory(
        title="关上街道助老项目", street=street, purchaser=department, organization=organization
    )
    street_account = account("guanshang", STREETS)
    StaffProfile.objects.create(user=street_account, street=street)
    return {
        "accounts": {
            EDITORS: account("bianji", EDITORS),
            EXPERTS: account("zhuanjia", EXPERTS),
            STREETS: street_account,
            ORGANIZATIONS: account("nuanyang", ORGANIZATIONS, organization=organization),
            DEPARTMENT_STAFF: account("minzheng", DEPARTMENT_STAFF, department=department),
            AUDITORS: account("shenji", AUDITORS),
        },
        "call": rubric.call,
        "application": application,
        "project": project,
    }


def screens(world):
    application, call = world["application"], world["call"]
    return {
        "我的评审": reverse("reviews:mine"),
        "评审排名": reverse("reviews:ranking", args=[call.pk]),
        "评审结论": reverse("reviews:decide", args=[application.pk]),
        "分配专家": reverse("wagtailsnippets_reviews_assignment:add"),
        "申报详情": reverse(Application.snippet_viewset.get_url_name("inspect"), args=[application.pk]),
        "登记拨付": reverse(Disbursement.snippet_viewset.get_url_name("add")),
        "资金异常": reverse("funds:anomalies"),
        "登记评估": reverse("wagtailsnippets_evaluations_evaluation:add"),
        "起草评估结果公示": reverse("evaluations_draft_notice"),
        "编辑项目": reverse("wagtailadmin_pages:edit", args=[world["project"].pk]),
    }


# What each role's work needs; every other screen of `screens` is refused to it.
OPENS = {
    EDITORS: {
        "评审排名",
        "评审结论",
        "分配专家",
        "申报详情",
        "登记拨付",
        "资金异常",
        "登记评估",
        "起草评估结果公示",
        "编辑项目",
    },
    EXPERTS: {"我的评审"},
    STREETS: {"编辑项目"},
    ORGANIZATIONS: {"申报详情"},
    DEPARTMENT_STAFF: {"资金异常", "编辑项目", "登记评估"},  # evaluations of their own projects
    AUDITORS: {"申报详情", "评审排名", "资金异常"},  # they read everything and change nothing
}


@pytest.mark.parametrize("role", list(OPENS))
def test_each_role_reaches_the_screens_of_its_own_work_only(client, world, role):
    client.force_login(world["accounts"][role])
    reached = {name for name, url in screens(world).items() if client.get(url).status_code == 200}
    assert reached == OPENS[role]


@pytest.mark.parametrize("role", [EXPERTS, STREETS, ORGANIZATIONS, DEPARTMENT_STAFF, AUDITORS])
def test_only_an_editor_records_the_approval(client, world, role):
    client.force_login(world["accounts"][role])
    application = world["application"]
    client.post(reverse("reviews:decide", args=[application.pk]), {"outcome": "approved", "reason": "越权"})
    client.post(reverse("calls_application_decide", args=[application.pk]), {"status": "rejected", "reason": "越权"})
    application.refresh_from_db()
    assert application.get_status_display() == "路演评审" and not hasattr(application, "review_decision")
