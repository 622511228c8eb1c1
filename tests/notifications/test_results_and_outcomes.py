"""Organizations hear of their evaluation results, objectors and departments of an objection's outcome."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from shegong.feedback.models import Objection
from shegong.pages.enums import NoticeKind
from shegong.roles.groups import ORGANIZATIONS
from tests.admin_forms import post_form
from tests.factories import NoticePageFactory, OrganizationFactory, ProjectPageFactory, account

from .conftest import recipients

pytestmark = pytest.mark.django_db


def results_notice(*projects, kind=NoticeKind.EVALUATION_PUBLICITY):
    today = timezone.localdate()
    notice = NoticePageFactory(
        title="2022年度社会工作服务项目评估结果公示",
        kind=kind,
        published_on=today,
        publicity_until=today + datetime.timedelta(days=7),
        live=False,
    )
    for project in projects:
        notice.related_projects.create(project=project)
    notice.save()
    return notice


def test_each_listed_organization_hears_once_when_the_results_notice_goes_live(people, mailoutbox, committed):
    sunshine = people["project"]
    second = ProjectPageFactory(title="阳光儿童之家", organization=sunshine.organization)
    other_org = OrganizationFactory(name="官渡区彩云社工中心")
    third = ProjectPageFactory(title="彩云助残项目", organization=other_org)
    caiyun = account("caiyun", ORGANIZATIONS, organization=other_org)
    account("bystander", ORGANIZATIONS, organization=OrganizationFactory(name="未参评的机构"))
    notice = results_notice(sunshine, second, third)

    with committed():
        notice.save_revision().publish()
    assert recipients(mailoutbox) == sorted([people["org"].email, caiyun.email])
    to_sunshine = next(mail for mail in mailoutbox if mail.to == [people["org"].email])
    assert "评估结果" in to_sunshine.subject
    assert "阳光助老项目" in to_sunshine.body and "阳光儿童之家" in to_sunshine.body
    assert "彩云助残项目" not in to_sunshine.body
    notice.refresh_from_db()
    assert notice.full_url in to_sunshine.body

    mailoutbox.clear()
    with committed():
        notice.save_revision().publish()  # a correction, published again
    assert mailoutbox == []


def test_other_notices_going_live_tell_no_organization(people, mailoutbox, committed):
    notice = results_notice(people["project"], kind=NoticeKind.APPROVAL_PUBLICITY)
    with committed():
        notice.save_revision().publish()
    assert people["org"].email not in recipients(mailoutbox)


def file_objection(client, project, contact):
    response = client.post(
        reverse("feedback:objection", args=[project.pk]),
        {"name": "李四", "contact": contact, "text": "该机构去年项目未按期完成。"},
    )
    assert response.status_code == 302
    return Objection.objects.get()


def answer(client, objection, **changes):
    url = reverse("wagtailsnippets_feedback_objection:edit", args=[objection.pk])
    return post_form(client, url, **changes)


REPLY = "经核实，该机构上年度项目已按期结项。"


def test_the_objector_and_the_department_hear_the_outcome(client, people, publicity, mailoutbox, committed):
    objection = file_objection(client, people["project"], "电话 13912345678，邮箱 lisi@example.org")
    mailoutbox.clear()
    client.force_login(people["editor"])

    with committed():
        response = answer(
            client,
            objection,
            status="approved",
            moderation_note="内部记录：异议人系竞争机构员工",
            outcome="verified",
            reply=REPLY,
        )
    assert response.status_code == 302
    assert recipients(mailoutbox) == sorted(["lisi@example.org", people["civil"].email])
    to_objector = next(mail for mail in mailoutbox if mail.to == ["lisi@example.org"])
    assert "异议处理结果" in to_objector.subject
    assert "已核实" in to_objector.body and REPLY in to_objector.body
    assert "竞争机构" not in to_objector.body and "/admin/" not in to_objector.body
    assert publicity.full_url in to_objector.body

    to_department = next(mail for mail in mailoutbox if mail.to == [people["civil"].email])
    assert "异议处理结果" in to_department.subject
    assert reverse("wagtailsnippets_feedback_objection:inspect", args=[objection.pk]) in to_department.body

    mailoutbox.clear()
    with committed():
        answer(client, objection, moderation_note="再次核对，无变化")
    assert mailoutbox == []  # the outcome did not change: nobody is told twice


def test_an_objector_who_left_only_a_phone_number_gets_no_mail(client, people, publicity, mailoutbox, committed):
    objection = file_objection(client, people["project"], "13912345678")
    mailoutbox.clear()
    client.force_login(people["editor"])
    with committed():
        answer(client, objection, status="approved", outcome="not_accepted", reply="异议超出公示期。")
    assert recipients(mailoutbox) == [people["civil"].email]
