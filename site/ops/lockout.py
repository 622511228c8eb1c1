"""The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE), and the early refusal that sends it."""

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_credentials
from django.conf import settings
from django.shortcuts import render
from django.urls import reverse


def locked_out(request, original_response=None, credentials=None):
    minutes = max(1, round(settings.AXES_COOLOFF_TIME.total_seconds() / 60))
    return render(
        request, "ops/locked_out.html", {"minutes": minutes, "failure_limit": settings.AXES_FAILURE_LIMIT}, status=429
    )


class LockedOutLoginMiddleware:
    """A guesser keeps posting once locked out. django-axes would refuse each post only after the login view has
    run (session, form, the login page rendered and thrown away), about 18 ms of CPU; asked here first, before the
    session is read, a locked-out post costs the lockout query and a small page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            settings.AXES_ENABLED
            and request.method == "POST"
            and request.path_info == reverse("wagtailadmin_login")
            and not AxesProxyHandler.is_allowed(request, get_credentials(request.POST.get("username")))
        ):
            return locked_out(request)
        return self.get_response(request)
