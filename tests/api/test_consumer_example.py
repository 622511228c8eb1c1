"""docs/examples/consumer.py, run as a consuming site would: over HTTP against a live server, and as a
real webhook receiver that checks each delivery's signature and refuses a replayed one."""

import datetime
import http.server
import importlib.util
import json
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.core.management import call_command

from shegong.webhooks.delivery import sign
from shegong.webhooks.models import Delivery, DeliveryStatus, Subscriber
from tests.factories import DisbursementFactory, NoticePageFactory, ProjectPageFactory, ensure_site_tree

EXAMPLE = Path(__file__).resolve().parents[2] / "docs" / "examples" / "consumer.py"


@pytest.fixture(scope="module")
def consumer():
    spec = importlib.util.spec_from_file_location("consumer", EXAMPLE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def content(transactional_db):
    ensure_site_tree()
    for n, day in enumerate([3, 20, 11]):
        NoticePageFactory(title=f"通知{n}", kind="news", published_on=datetime.date(2023, 5, day))
    funded = ProjectPageFactory(title="银龄守护项目", budget="150000.00", start_date=datetime.date(2022, 3, 1))
    DisbursementFactory(project=funded, amount="60000.00")
    ProjectPageFactory(title="往年项目", start_date=datetime.date(2021, 3, 1))


def test_the_example_builds_its_page_from_the_live_api(consumer, live_server, content):
    page = consumer.build_page(live_server.url + "/api/v2/")
    notices = [line for line in page.splitlines() if line.startswith("<li>")]
    assert [line.split("</a>")[0].rsplit(">", 1)[1] for line in notices] == ["通知1", "通知2", "通知0"]
    assert "2022 年服务项目（共 1 个）" in page
    assert "银龄守护项目" in page and "往年项目" not in page
    assert "<td>150000.00</td><td>60000.00</td>" in page
    # The links it shows are the site's own, under the address it was served at.
    html_url = page.split('<a href="')[1].split('"')[0]
    assert html_url.startswith(live_server.url + "/notices/")
    assert urllib.request.urlopen(html_url).status == 200


@pytest.fixture
def example_receiver(consumer):
    events = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), consumer.receiver("s3cret", events.append))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}/", events
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_the_example_receiver_accepts_signed_deliveries_and_refuses_replays(consumer, home, example_receiver):
    url, events = example_receiver
    Subscriber.objects.create(name="对接站点", url=url, secret="s3cret", on_records=False)
    NoticePageFactory(title="新通知").save_revision().publish()
    call_command("deliver_webhooks")
    assert [event["data"]["title"] for event in events] == ["新通知"]
    assert Delivery.objects.get().status == DeliveryStatus.DELIVERED

    # A captured delivery, sent again after the tolerance window, is refused.
    delivery = Delivery.objects.get()
    body = json.dumps({"delivery": delivery.pk, **delivery.payload}, ensure_ascii=False).encode()
    stale = sign("s3cret", body, int(time.time()) - consumer.TOLERANCE_SECONDS - 60)
    request = urllib.request.Request(url, data=body, headers={"X-Shegong-Signature": stale})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request)
    assert refused.value.code == 403
    forged = sign("another secret", body, int(time.time()))
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(urllib.request.Request(url, data=body, headers={"X-Shegong-Signature": forged}))
    assert refused.value.code == 403
    assert len(events) == 1


def test_signature_checks(consumer):
    body = b'{"event": "page.published"}'
    now = 1_800_000_000
    header = sign("s3cret", body, now)
    assert consumer.verify_signature("s3cret", header, body, now=now + 299)
    assert not consumer.verify_signature("s3cret", header, body, now=now + 301)
    assert not consumer.verify_signature("s3cret", header, body + b" ", now=now)
    assert not consumer.verify_signature("s3cret", "sha256=abc", body, now=now)
    assert not consumer.verify_signature("s3cret", "", body, now=now)
