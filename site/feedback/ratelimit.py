"""A per-address limit on public submissions, counted in the cache every worker process shares."""

from django.conf import settings
from django.core.cache import cache

from shegong.ops.clientip import client_ip


def allow(request, scope="feedback"):
    """Count one submission from this IP; False once the window's limit is used up."""
    key = f"shegong:{scope}:{client_ip(request)}"
    window = settings.SHEGONG_FEEDBACK_WINDOW
    if cache.add(key, 1, window):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, window)
        return True
    return count <= settings.SHEGONG_FEEDBACK_LIMIT
