"""A per-address limit on public submissions, counted in the database every worker process shares."""

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from shegong.ops.clientip import client_ip

from .models import SubmissionCount


def allow(request, scope="feedback"):
    """Count one submission from this address; False once the window's limit is used up."""
    key = f"{scope}:{client_ip(request)}"
    now = timezone.now()
    window = datetime.timedelta(seconds=settings.SHEGONG_FEEDBACK_WINDOW)
    with transaction.atomic():
        # Every expired window goes, not only this address's: an address is kept no longer than its window.
        SubmissionCount.objects.filter(window_started__lte=now - window).delete()
        counter, _ = SubmissionCount.objects.get_or_create(key=key, defaults={"window_started": now})
        # The row lock this UPDATE takes makes a simultaneous submission wait, then count on from this one.
        SubmissionCount.objects.filter(pk=counter.pk).update(count=F("count") + 1)
        count = SubmissionCount.objects.values_list("count", flat=True).get(pk=counter.pk)
    return count <= settings.SHEGONG_FEEDBACK_LIMIT
