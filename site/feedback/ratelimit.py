"""A per-address limit on public submissions, counted in the database every worker process shares."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from shegong.ops.clientip import client_ip

from .models import SubmissionCount


def window():
    return datetime.timedelta(seconds=settings.SHEGONG_FEEDBACK_WINDOW)


def used_up(request, scope="feedback"):
    """Whether this address has already used up its window: only a read, so the posts of a flood that is
    already refused cost no write (on SQLite every write waits for the one write lock, readers' too)."""
    return SubmissionCount.objects.filter(
        key=f"{scope}:{client_ip(request)}",
        window_started__gt=timezone.now() - window(),
        count__gte=settings.SHEGONG_FEEDBACK_LIMIT,
    ).exists()


def allow(request, scope="feedback"):
    """Count one submission from this address; False once the window's limit is used up."""
    key = f"{scope}:{client_ip(request)}"
    now = timezone.now()
    window_length = window()
    with transaction.atomic():
        # Every expired window goes, not only this address's: an address is kept no longer than its window.
        SubmissionCount.objects.filter(window_started__lte=now - window_length).delete()
        counter, _ = SubmissionCount.objects.get_or_create(key=key, defaults={"window_started": now})
        # The row lock this UPDATE takes makes a simultaneous submission wait, then count on from this one.
        SubmissionCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        count = SubmissionCount.objects.values_list("count", flat=True).get(pk=counter.pk)
    return count <= settings.SHEGONG_FEEDBACK_LIMIT
