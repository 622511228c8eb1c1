"""The work-queue items a user's dashboard would show, read through the same hook the panel reads."""

from django.test import RequestFactory
from wagtail import hooks


def work_queue(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return {
        label: (count, url) for hook in hooks.get_hooks("shegong_work_queue") for label, count, url in hook(request)
    }
