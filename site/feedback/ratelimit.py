"""A per-IP limit on public submissions, counted in Django's cache."""

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    # Deployments behind a reverse proxy must make the proxy set REMOTE_ADDR (e.g. gunicorn --forwarded-allow-ips).
    return request.META.get("REMOTE_ADDR", "unknown")


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
