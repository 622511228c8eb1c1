"""Every public change reaches subscribers, with its public and API addresses; nothing private ever does."""

import json

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from shegong.webhooks.models import Delivery, Subscriber
from tests.factories import CommentFactory, DisbursementFactory, OrganizationFactory, ProjectPageFactory, UpdateFactory

from .receiver import Receiver

pytestmark = pytest.mark.django_db

BASE = "https://shegong.example.gov.cn"


@pytest.fixture
def receiver(settings):
    settings.SHEGONG_PUBLIC_URL = BASE + "/"
    with Receiver() as running:
        yield running


@pytest.fixture
def subscriber(receiver):
    return Subscriber.objects.create(name="区政府门户网站", url=receiver.url, secret="s3cret")


@pytest.fixture
def project(home):
    page = ProjectPageFactory(title="银龄守护项目")
    page.save_revision().publish()
    return page


def delivered(receiver):
    """The events received since the last call, in order."""
    call_command("deliver_webhooks")
    events = [json.loads(request["body"]) for request in receiver.requests]
    receiver.requests.clear()
    return events


def only(events, name):
    [event] = [e for e in events if e["event"] == name]
    return event


def test_red_black_list_change_is_announced_without_contacts(subscriber, receiver):
    organization = OrganizationFactory(
        name="春晖社工", contact_person="联系人丁", contact_phone="13900000001", address="保密路99号"
    )
    delivered(receiver)
    organization.list_status, organization.list_reason, organization.listed_on = "black", "虚报服务人次", "2023-05-01"
    organization.save()
    event = only(delivered(receiver), "organization.changed")
    assert event["html_url"] == f"{BASE}/redblack/"
    assert event["api_url"] == f"{BASE}/api/v2/organizations/{organization.pk}/"
    assert event["data"]["listing"] == {
        "status": "black",
        "status_label": "黑榜",
        "reason": "虚报服务人次",
        "listed_on": "2023-05-01",
        "until": None,
    }
    for secret in ("联系人丁", "13900000001", "保密路99号"):
        assert secret not in json.dumps(event, ensure_ascii=False)
    pk = organization.pk
    organization.delete()
    assert only(delivered(receiver), "organization.deleted")["id"] == pk


def test_payment_is_announced_without_internal_notes(project, subscriber, receiver):
    delivered(receiver)
    payment = DisbursementFactory(
        project=project, kind="final", amount="5000.00", note="内部备注甲", override_reason="超出服务期经主任同意"
    )
    events = delivered(receiver)
    event = only(events, "payment.changed")
    assert event["html_url"] == f"{BASE}/projects/{project.slug}/"
    assert event["api_url"] == f"{BASE}/api/v2/projects/{project.pk}/"
    assert (event["data"]["kind"], event["data"]["kind_label"], event["data"]["amount"]) == ("final", "尾款", "5000.00")
    assert only(events, "stats.changed")["api_url"] == f"{BASE}/api/v2/stats/"
    text = json.dumps(events, ensure_ascii=False)
    assert "内部备注甲" not in text and "超出服务期" not in text
    pk = payment.pk
    payment.delete()
    assert only(delivered(receiver), "payment.deleted")["id"] == pk


def test_updates_are_announced_once_approved(project, subscriber, receiver):
    delivered(receiver)
    update = UpdateFactory(project=project, title="入户探访独居老人", status="pending")
    assert delivered(receiver) == []  # awaiting moderation: nobody hears of it
    update.status = "approved"
    update.save()
    event = only(delivered(receiver), "update.published")
    assert event["api_url"] == f"{BASE}/api/v2/updates/{update.pk}/"
    assert event["html_url"] == f"{BASE}/projects/{project.slug}/"
    assert event["data"]["title"] == "入户探访独居老人"
    update.status, update.moderation_note = "rejected", "照片含未成年人正脸"
    update.save()
    withdrawn = only(delivered(receiver), "update.withdrawn")
    assert "照片含未成年人正脸" not in json.dumps(withdrawn, ensure_ascii=False)


def test_comments_are_announced_once_approved_without_who_wrote_them(project, subscriber, receiver):
    delivered(receiver)
    comment = CommentFactory(
        project=project, name="王阿姨", contact="13800000002", text="待审核的留言内容", status="pending", rating=4
    )
    assert delivered(receiver) == []
    comment.status = "approved"
    comment.save()
    event = only(delivered(receiver), "comment.published")
    assert event["api_url"] == f"{BASE}/api/v2/projects/{project.pk}/"
    assert event["data"] == {"project": project.pk, "rating": 4}
    text = json.dumps(event, ensure_ascii=False)
    assert "王阿姨" not in text and "13800000002" not in text
    pk = comment.pk
    comment.delete()
    assert only(delivered(receiver), "comment.withdrawn")["id"] == pk


def test_nothing_is_announced_about_a_private_project(home, subscriber, receiver):
    page = ProjectPageFactory(title="内部项目")
    delivered(receiver)  # its organization, made with it
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.save_revision().publish()
    DisbursementFactory(project=page)
    UpdateFactory(project=page, status="approved")
    CommentFactory(project=page, status="approved")
    assert delivered(receiver) == []


def test_statistics_change_is_announced_once_per_batch(home, subscriber, receiver):
    for n in range(3):
        ProjectPageFactory(title=f"项目{n}").save_revision().publish()
    events = delivered(receiver)
    assert [e["event"] for e in events].count("page.published") == 3
    assert [e["event"] for e in events].count("stats.changed") == 1
    assert only(events, "stats.changed")["html_url"] == f"{BASE}/stats/"


def test_a_subscriber_may_take_page_events_only(home, receiver):
    Subscriber.objects.create(name="只要页面", url=receiver.url, on_records=False)
    OrganizationFactory(name="春晖社工")
    ProjectPageFactory().save_revision().publish()
    assert [e["event"] for e in delivered(receiver)] == ["page.published"]
    assert Delivery.objects.count() == 1
