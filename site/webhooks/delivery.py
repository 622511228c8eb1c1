"""Sends queued deliveries: signed JSON POSTs, retried with exponential backoff, each attempt logged.

The signature covers a timestamp and the body, `t=<unix time>,v1=<HMAC-SHA256 of "t.body">`, as Stripe's
does: a receiver that refuses old timestamps cannot be fooled by a captured delivery sent again later.
Each attempt is signed afresh, so a retry is not mistaken for a replay.
"""

import datetime
import hashlib
import hmac
import json
import time

import requests
from django.conf import settings
from django.db import transaction
from django.utils import timezone

from .models import Delivery, DeliveryStatus

SIGNATURE_HEADER = "X-Shegong-Signature"


def sign(secret, body: bytes, timestamp: int) -> str:
    mac = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={mac}"


def backoff(attempts):
    """Seconds before the next try after `attempts` failed ones: base, 2×base, 4×base…"""
    return settings.SHEGONG_WEBHOOK_RETRY_BASE_SECONDS * 2 ** (attempts - 1)


def attempt(delivery, session=requests):
    body = json.dumps({"delivery": delivery.pk, **delivery.payload}, ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json; charset=utf-8",
        "User-Agent": "Shegong-Webhooks/1",
        "X-Shegong-Event": delivery.event,
        "X-Shegong-Delivery": str(delivery.pk),
        SIGNATURE_HEADER: sign(delivery.subscriber.secret, body, int(time.time())),
    }
    delivery.attempts += 1
    try:
        response = session.post(
            delivery.subscriber.url,
            data=body,
            headers=headers,
            timeout=settings.SHEGONG_WEBHOOK_TIMEOUT_SECONDS,
            allow_redirects=False,
        )
    except requests.RequestException as e:
        delivery.response_status, delivery.last_error = None, f"{type(e).__name__}: {e}"[:2000]
    else:
        delivery.response_status = response.status_code
        delivery.last_error = "" if response.ok else response.text[:2000]
    now = timezone.now()
    if delivery.response_status and 200 <= delivery.response_status < 300:
        delivery.status, delivery.delivered_at = DeliveryStatus.DELIVERED, now
    elif delivery.attempts >= settings.SHEGONG_WEBHOOK_MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        delivery.next_attempt_at = now + datetime.timedelta(seconds=backoff(delivery.attempts))
    delivery.save()
    return delivery


def deliver_due(limit=100):
    """Attempt each due delivery once; returns them. Rows are claimed with SKIP LOCKED where supported."""
    done = []
    for pk in list(Delivery.objects.due().order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:limit]):
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update(skip_locked=True)
                .due()
                .select_related("subscriber")
                .filter(pk=pk)
                .first()
            )
            if delivery:
                done.append(attempt(delivery))
    return done
