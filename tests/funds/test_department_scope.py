"""A purchasing department reads the funds and the objections of its own projects, and no one else's."""

import datetime
import decimal

import pytest
from django.urls import reverse

from shegong.funds.models import Disbursement
from shegong.roles.groups import DEPARTMENT_STAFF
from tests.factories import DepartmentFactory, DisbursementFactory, ObjectionFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_departments(home):
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    own = ProjectPageFactory(title="民政局的助老项目", code="GD-2022-101", purchaser=civil)
    other = ProjectPageFactory(title="团区委的青少年项目", code="GD-2022-202", purchaser=youth)
    payments = {
        project: DisbursementFactory(project=project, amount=decimal.Decimal("120000.00"), override_reason="特批预拨")
        for project in [own, other]
    }
    objections = {
        project: ObjectionFactory(project=project, text=f"对{project.title}有异议") for project in [own, other]
    }
    return account("minzheng", DEPARTMENT_STAFF, department=civil), own, other, payments, objections


def test_department_reads_its_own_payments_and_reports_only(client, two_departments):
    staff, own, other, payments, _ = two_departments
    client.force_login(staff)
    for url in [
        reverse("wagtailsnippets_funds_disbursement:list"),
        reverse("funds:projects"),
        reverse("funds:anomalies"),
        reverse("funds:totals", args=["purchaser"]),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "团区委的青少年项目" not in html and "共青团官渡区委" not in html, url
    assert "民政局的助老项目" in client.get(reverse("funds:anomalies")).content.decode()

    other_edit = reverse("wagtailsnippets_funds_disbursement:edit", args=[payments[other].pk])
    assert client.get(other_edit).status_code in (302, 403, 404)


def test_department_cannot_record_or_change_payments(client, two_departments):
    staff, own, _, payments, _ = two_departments
    client.force_login(staff)
    client.post(
        reverse("wagtailsnippets_funds_disbursement:add"),
        {"project": own.pk, "paid_on": "2022-04-01", "kind": "first", "amount": "1.00"},
    )
    client.post(
        reverse("wagtailsnippets_funds_disbursement:edit", args=[payments[own].pk]),
        {"project": own.pk, "paid_on": "2022-04-01", "kind": "first", "amount": "1.00", "override_reason": "x"},
    )
    assert Disbursement.objects.count() == 2
    assert Disbursement.objects.get(project=own).amount == decimal.Decimal("120000.00")
    assert Disbursement.objects.get(project=own).paid_on == datetime.date(2022, 4, 1)


def test_department_reads_objections_on_its_own_projects_only(client, two_departments):
    staff, own, other, _, objections = two_departments
    client.force_login(staff)
    listing = client.get(reverse("wagtailsnippets_feedback_objection:list")).content.decode()
    assert "民政局的助老项目" in listing and "团区委的青少年项目" not in listing
    own_url = reverse("wagtailsnippets_feedback_objection:inspect", args=[objections[own].pk])
    other_url = reverse("wagtailsnippets_feedback_objection:inspect", args=[objections[other].pk])
    assert "对民政局的助老项目有异议" in client.get(own_url).content.decode()
    response = client.get(other_url)
    assert response.status_code in (302, 403, 404) and "对团区委的青少年项目有异议" not in response.content.decode()
    # Reading is not handling: the decision stays with the editors.
    edit = reverse("wagtailsnippets_feedback_objection:edit", args=[objections[own].pk])
    client.post(edit, {"status": "rejected", "moderation_note": "部门自行驳回"})
    objections[own].refresh_from_db()
    assert objections[own].status == "pending"
