"""Consuming sites are told of publish, unpublish and delete by signed POSTs, retried until they answer."""

import datetime
import hashlib
import hmac
import json
import re
import time

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from shegong.webhooks.models import Delivery, DeliveryStatus, Subscriber
from tests.factories import ProjectPageFactory

from .receiver import Receiver

pytestmark = pytest.mark.django_db


@pytest.fixture
def receiver():
    with Receiver() as running:
        yield running


@pytest.fixture
def subscriber(receiver):
    # Page events only here; the other records' events are tested in test_webhook_events.py.
    return Subscriber.objects.create(name="区政府门户网站", url=receiver.url, secret="s3cret", on_records=False)


def deliver():
    call_command("deliver_webhooks")


def test_publish_is_queued_then_delivered_signed(home, subscriber, receiver):
    page = ProjectPageFactory(title="新发布的项目", live=False)
    page.save_revision().publish()
    assert receiver.requests == []  # the editor's publish did not call the subscriber
    assert Delivery.objects.get().status == DeliveryStatus.PENDING

    before = int(time.time())
    deliver()
    [request] = receiver.requests
    timestamp, mac = re.fullmatch(r"t=(\d+),v1=([0-9a-f]{64})", request["headers"]["X-Shegong-Signature"]).groups()
    assert before <= int(timestamp) <= time.time()
    expected = hmac.new(b"s3cret", timestamp.encode() + b"." + request["body"], hashlib.sha256).hexdigest()
    assert hmac.compare_digest(mac, expected)
    event = json.loads(request["body"])
    assert event["event"] == request["headers"]["X-Shegong-Event"] == "page.published"
    assert event["id"] == page.pk and event["data"]["title"] == "新发布的项目"
    assert event["html_url"] == f"http://127.0.0.1:8000/projects/{page.slug}/"
    assert event["api_url"] == f"http://127.0.0.1:8000/api/v2/projects/{page.pk}/"
    assert "url_path" not in request["body"].decode()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.DELIVERED, 1, 200)


def test_unpublish_and_delete_events(home, subscriber, receiver):
    page = ProjectPageFactory()
    page.unpublish()
    page.save_revision().publish()
    page.delete()
    deliver()
    events = [json.loads(r["body"])["event"] for r in receiver.requests]
    assert events == ["page.unpublished", "page.published", "page.deleted"]


def test_subscriber_chooses_its_events(home, receiver):
    Subscriber.objects.create(
        name="只收删除", url=receiver.url, on_published=False, on_unpublished=False, on_records=False
    )
    page = ProjectPageFactory()
    page.save_revision().publish()
    page.delete()
    deliver()
    assert [json.loads(r["body"])["event"] for r in receiver.requests] == ["page.deleted"]
    assert Delivery.objects.count() == 1


def test_failures_are_retried_with_backoff_then_given_up(home, subscriber, receiver, settings):
    settings.SHEGONG_WEBHOOK_RETRY_BASE_SECONDS = 30
    settings.SHEGONG_WEBHOOK_MAX_ATTEMPTS = 3
    receiver.replies = [503, 500, 502]
    ProjectPageFactory().save_revision().publish()

    deliver()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.PENDING, 1, 503)
    wait = delivery.next_attempt_at - timezone.now()
    assert datetime.timedelta(seconds=25) < wait <= datetime.timedelta(seconds=30)

    deliver()  # not due yet: nothing sent
    assert len(receiver.requests) == 1

    Delivery.objects.update(next_attempt_at=timezone.now())
    deliver()
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert datetime.timedelta(seconds=55) < delivery.next_attempt_at - timezone.now() <= datetime.timedelta(seconds=60)

    Delivery.objects.update(next_attempt_at=timezone.now())
    deliver()
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.response_status) == (DeliveryStatus.FAILED, 3, 502)
    assert len(receiver.requests) == 3


def test_a_later_success_after_failures(home, subscriber, receiver):
    receiver.replies = [500]
    ProjectPageFactory().save_revision().publish()
    deliver()
    Delivery.objects.update(next_attempt_at=timezone.now())
    deliver()
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.DELIVERED, 2)
    assert receiver.requests[0]["body"] == receiver.requests[1]["body"]  # the same event, re-sent


def test_unreachable_subscriber_is_logged(home, receiver):
    with Receiver() as gone:
        dead_url = gone.url
    Subscriber.objects.create(name="已下线站点", url=dead_url, on_records=False)
    ProjectPageFactory().save_revision().publish()
    deliver()
    delivery = Delivery.objects.get()
    assert delivery.status == DeliveryStatus.PENDING and delivery.response_status is None
    assert "ConnectionError" in delivery.last_error


def test_private_pages_are_not_announced(home, subscriber, receiver):
    page = ProjectPageFactory(title="内部项目")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    page.save_revision().publish()
    deliver()
    assert receiver.requests == []


def test_delivery_log_is_visible_and_read_only_in_the_admin(admin_client, home, subscriber, receiver):
    ProjectPageFactory(title="日志里的项目").save_revision().publish()
    deliver()
    listing = admin_client.get("/admin/snippets/webhooks/delivery/")
    assert listing.status_code == 200 and "已送达" in listing.content.decode()
    delivery = Delivery.objects.get()
    inspect = admin_client.get(f"/admin/snippets/webhooks/delivery/inspect/{delivery.pk}/")
    assert "日志里的项目" in inspect.content.decode()
    assert admin_client.get("/admin/snippets/webhooks/delivery/add/").status_code in (302, 403)
    assert admin_client.get(f"/admin/snippets/webhooks/delivery/edit/{delivery.pk}/").status_code in (302, 403)
