"""HTTP caching for consumers: ETag, Last-Modified, Cache-Control, and 304 on a conditional GET."""

import hashlib

from django.conf import settings
from django.db.models import Max
from django.template.response import SimpleTemplateResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail.log_actions import registry as log_action_registry


class ConditionalGetMixin:
    """For API views: validators on every successful GET, answered with 304 when the client is current.

    The ETag is the hash of the rendered body, so it changes whenever the answer does. Last-Modified
    is the latest entry of every registered audit log model (publish, unpublish, delete, snippet and
    implementation update edits): coarse, site-wide, but never later than a change a consumer has not seen.
    """

    cacheable = True

    def last_modified(self):
        return max(
            (
                latest
                for log in log_action_registry.get_log_entry_models()
                if (latest := log.objects.aggregate(latest=Max("timestamp"))["latest"])
            ),
            default=None,
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if not self.cacheable:
            patch_cache_control(response, private=True, no_store=True)
            return response
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        if isinstance(response, SimpleTemplateResponse):  # a JSON answer; a CSV download is already content
            response.render()
        response["ETag"] = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        modified = self.last_modified()
        if modified:
            response["Last-Modified"] = http_date(modified.timestamp())
        patch_cache_control(response, public=True, max_age=settings.SHEGONG_API_MAX_AGE)
        patch_vary_headers(response, ["Accept"])
        return get_conditional_response(
            request, etag=response["ETag"], last_modified=modified and int(modified.timestamp()), response=response
        )
