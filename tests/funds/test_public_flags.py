"""The public funds block says plainly when a project is over budget or behind its payment schedule."""

import datetime
import decimal

import pytest

from tests.factories import DisbursementFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(home):
    # Signed 2022-03-01, mid-term 2022-08-30: under 40/40/20 the first two tranches (80,000) are long due.
    return ProjectPageFactory(
        budget=decimal.Decimal("100000.00"), start_date=datetime.date(2022, 3, 1), end_date=datetime.date(2023, 2, 28)
    )


def funds_block(client, project):
    html = client.get(project.url).content.decode()
    return html[html.index('class="project-funds"') :]


def pay(project, day, amount, **kwargs):
    DisbursementFactory(project=project, paid_on=day, amount=decimal.Decimal(amount), **kwargs)


def test_a_project_paid_as_scheduled_carries_no_flag(client, project):
    pay(project, datetime.date(2022, 3, 10), "40000.00")
    pay(project, datetime.date(2022, 9, 10), "40000.00", kind="midterm")
    block = funds_block(client, project)
    assert "80,000.00" in block and "20,000.00" in block
    assert "超出预算" not in block and "拨付滞后" not in block


def test_a_project_behind_its_schedule_is_flagged_with_the_shortfall(client, project):
    pay(project, datetime.date(2022, 3, 10), "40000.00")
    block = funds_block(client, project)
    assert "拨付滞后" in block and "应拨付 80,000.00 元" in block and "尚有 40,000.00 元未拨付" in block
    assert "超出预算" not in block


def test_a_project_over_budget_is_flagged_with_the_excess(client, project):
    pay(project, datetime.date(2022, 3, 10), "40000.00")
    pay(project, datetime.date(2022, 9, 10), "70000.00", kind="midterm", override_reason="追加服务经区财政局批准")
    block = funds_block(client, project)
    assert "超出预算" in block and "超出项目预算 10,000.00 元" in block
    assert "拨付滞后" not in block and "追加服务经区财政局批准" not in block  # the reason stays in the admin
