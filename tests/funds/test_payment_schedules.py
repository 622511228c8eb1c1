"""A payment schedule (付款计划) per project decides which payments are anomalies, not a fixed rule."""

import datetime
import decimal

import pytest
from django.core.management import call_command
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from shegong.funds.models import Disbursement, PaymentSchedule
from shegong.pages.models import ProjectMilestone
from shegong.roles.groups import AUDITORS, EDITORS
from tests.factories import DisbursementFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db

ADD_PAYMENT = "wagtailsnippets_funds_disbursement:add"
ADD_SCHEDULE = "wagtailsnippets_funds_paymentschedule:add"


@pytest.fixture
def project(home):
    """Service from 2022-03-01 to 2023-02-28, evaluated (项目评估) on 2023-03-20: the demo's kind of project."""
    project = ProjectPageFactory(
        budget=decimal.Decimal("100000.00"),
        start_date=datetime.date(2022, 3, 1),
        end_date=datetime.date(2023, 2, 28),
    )
    ProjectMilestone.objects.create(page=project, stage="evaluation", reached_on=datetime.date(2023, 3, 20))
    return project


def pay(project, day, amount, kind):
    return DisbursementFactory(project=project, paid_on=day, amount=decimal.Decimal(amount), kind=kind)


def anomalies_page(client):
    return client.get(reverse("funds:anomalies")).content.decode()


def payment_form(project, day, amount, kind, reason=""):
    return {
        "project": project.pk,
        "paid_on": day,
        "kind": kind,
        "amount": amount,
        "note": "",
        "override_reason": reason,
    }


def test_the_40_40_20_schedule_paid_as_agreed_is_no_anomaly(admin_client, project):
    """The finding: the 20% 尾款 paid after 终期评估 (after the service period) was flagged."""
    pay(project, datetime.date(2022, 3, 10), "40000.00", "first")
    pay(project, datetime.date(2022, 9, 5), "40000.00", "midterm")
    # The 尾款 is recorded in the admin, after the evaluation: no reason asked.
    response = admin_client.post(reverse(ADD_PAYMENT), payment_form(project, "2023-04-10", "20000.00", "final"))
    assert response.status_code == 302
    assert Disbursement.objects.count() == 3
    assert "没有超出预算、早于付款计划或不在服务期内的拨付。" in anomalies_page(admin_client)


def test_the_final_tranche_before_the_evaluation_is_an_anomaly(admin_client, home):
    unevaluated = ProjectPageFactory(
        budget=decimal.Decimal("100000.00"),
        start_date=datetime.date(2022, 3, 1),
        end_date=datetime.date(2023, 2, 28),
    )
    pay(unevaluated, datetime.date(2022, 3, 10), "40000.00", "first")
    pay(unevaluated, datetime.date(2022, 9, 5), "40000.00", "midterm")
    response = admin_client.post(reverse(ADD_PAYMENT), payment_form(unevaluated, "2023-04-10", "20000.00", "final"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "第3期（终期评估后 20%）尚未到期：项目尚未进入“项目评估”阶段" in html and "晚于服务期结束" in html

    # Let through with a reason, it is still listed, with the reason.
    DisbursementFactory(
        project=unevaluated,
        paid_on=datetime.date(2023, 4, 10),
        amount=decimal.Decimal("20000.00"),
        kind="final",
        override_reason="经区民政局同意，评估报告待出具",
    )
    page = anomalies_page(admin_client)
    assert "第3期（终期评估后 20%）尚未到期" in page and "经区民政局同意" in page


@pytest.mark.parametrize(
    "day, amount, words",
    [
        ("2022-05-01", "40000.00", "第2期（中期评估后 40%）2022-08-30 才到期，拨付日期 2022-05-01 早于到期日"),
        ("2022-03-10", "20000.00", "第2期（中期评估后 40%）2022-08-30 才到期"),  # beyond the first tranche's share
    ],
)
def test_a_tranche_paid_before_it_falls_due_is_refused_without_a_reason(admin_client, project, day, amount, words):
    pay(project, datetime.date(2022, 3, 5), "30000.00", "first")
    response = admin_client.post(reverse(ADD_PAYMENT), payment_form(project, day, amount, "midterm"))
    assert response.status_code == 200
    assert words in response.content.decode() and "放行理由" in response.content.decode()
    assert Disbursement.objects.count() == 1


def test_payments_beyond_the_budget_and_outside_the_period_are_still_anomalies(admin_client, project):
    pay(project, datetime.date(2022, 3, 10), "40000.00", "first")
    pay(project, datetime.date(2022, 2, 1), "1000.00", "first")  # before the service (and the signing)
    pay(project, datetime.date(2022, 9, 5), "40000.00", "midterm")
    pay(project, datetime.date(2023, 4, 10), "30000.00", "final")
    page = anomalies_page(admin_client)
    assert "早于服务期开始" in page and "第1期（签约后 40%）2022-03-01 才到期" in page
    assert "累计拨付 111,000.00 元超出预算 100,000.00 元" in page


def schedule_form(project, tranches, **fields):
    return nested_form_data(
        {
            "project": project.pk,
            "signed_on": "",
            "midterm_on": "",
            **fields,
            "tranches": inline_formset(
                [{"share": share, "due": due, "due_on": due_on} for share, due, due_on in tranches]
            ),
        }
    )


def test_an_editor_gives_a_project_its_own_schedule_which_then_decides(client, project):
    client.force_login(account("bianji", EDITORS))
    pay(project, datetime.date(2022, 3, 10), "50000.00", "first")
    pay(project, datetime.date(2022, 12, 5), "50000.00", "final")
    # Under the default 40/40/20 both are anomalies: half on signing, the rest before the evaluation.
    assert anomalies_page(client).count(project.title) == 2

    refused = client.post(
        reverse(ADD_SCHEDULE), schedule_form(project, [("50", "signing", ""), ("40", "date", "2022-12-01")])
    )
    assert refused.status_code == 200 and "各期比例之和须为 100%，现为 90%。" in refused.content.decode()
    refused = client.post(reverse(ADD_SCHEDULE), schedule_form(project, [("50", "signing", ""), ("50", "date", "")]))
    assert refused.status_code == 200 and "拨付条件为“指定日期”时须填写日期。" in refused.content.decode()
    assert not PaymentSchedule.objects.exists()

    accepted = client.post(
        reverse(ADD_SCHEDULE), schedule_form(project, [("50", "signing", ""), ("50", "date", "2022-12-01")])
    )
    assert accepted.status_code == 302
    assert [(t.share, t.due) for t in project.payment_schedule.tranches.all()] == [(50, "signing"), (50, "date")]
    assert "没有超出预算、早于付款计划或不在服务期内的拨付。" in anomalies_page(client)


def test_the_mid_term_date_of_a_schedule_replaces_the_middle_of_the_period(admin_client, project):
    PaymentSchedule.objects.create(project=project, midterm_on=datetime.date(2022, 6, 15)).tranches.create(
        share=100, due="midterm"
    )
    pay(project, datetime.date(2022, 6, 20), "100000.00", "midterm")
    assert project.title not in anomalies_page(admin_client)


def test_the_default_schedule_is_a_setting(admin_client, project, settings):
    pay(project, datetime.date(2022, 3, 10), "100000.00", "first")
    assert project.title in anomalies_page(admin_client)
    settings.SHEGONG_DEFAULT_PAYMENT_SCHEDULE = [("100", "signing")]
    assert project.title not in anomalies_page(admin_client)


def test_a_broken_default_schedule_is_reported_by_the_system_check(settings, capsys):
    settings.SHEGONG_DEFAULT_PAYMENT_SCHEDULE = [("60", "signing"), ("30", "final_evaluation")]
    with pytest.raises(Exception, match="SHEGONG_DEFAULT_PAYMENT_SCHEDULE 无效"):
        call_command("check")


def test_auditors_read_schedules_and_cannot_change_them(client, project):
    schedule = PaymentSchedule.objects.create(project=project)
    client.force_login(account("shenji", AUDITORS))
    assert project.title in client.get(reverse("wagtailsnippets_funds_paymentschedule:list")).content.decode()
    assert client.get(reverse(ADD_SCHEDULE)).status_code in (302, 403)
    client.post(reverse("wagtailsnippets_funds_paymentschedule:delete", args=[schedule.pk]))
    assert PaymentSchedule.objects.exists()
