"""The early refusal of a flood of public form posts."""

from django.shortcuts import render

from shegong.feedback import ratelimit
from shegong.feedback.views import TOO_OFTEN


class UsedUpFeedbackMiddleware:
    """An address that has used up its feedback window keeps posting while it floods. The feedback view would
    refuse each post after one read, but only once the session, the CSRF check and the project were loaded, and
    with the site's full page (about 17 ms of CPU a post); asked here first, a post costs that read and a
    small page with the same message."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method == "POST" and request.path_info.startswith("/feedback/") and ratelimit.used_up(request):
            return render(request, "ops/too_often.html", {"message": TOO_OFTEN}, status=429)
        return self.get_response(request)
