"""Draft preview for consuming sites: a signed, expiring token names one saved revision.

Django's signing (HMAC with SECRET_KEY, timestamped) makes the token: it cannot be forged, it
expires after SHEGONG_PREVIEW_MAX_AGE seconds, and it needs no table. wagtail-headless-preview
was not used: it needs a mixin on every page model and its tokens never expire.
"""

from django.conf import settings
from django.contrib import messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from wagtail.models import Page, Revision

from .endpoints import PagesEndpoint
from .links import absolute

SALT = "shegong.api.preview"


def make_token(revision):
    return signing.dumps({"page": int(revision.object_id), "revision": revision.pk}, salt=SALT)


def revision_for_token(token):
    """The revision a token names, or None when the token is forged, expired or names nothing."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=settings.SHEGONG_PREVIEW_MAX_AGE)
    except signing.BadSignature:  # SignatureExpired is a BadSignature too
        return None
    return Revision.page_revisions.filter(pk=payload.get("revision"), object_id=str(payload.get("page"))).first()


class PreviewEndpoint(PagesEndpoint):
    """`/api/v2/preview/?token=…`: the draft an editor chose to preview, as the detail endpoint shows it."""

    name = "preview"
    cacheable = False
    known_query_parameters = PagesEndpoint.known_query_parameters | {"token"}

    def get_object(self):
        revision = revision_for_token(self.request.GET.get("token", ""))
        if revision is None:
            raise PermissionDenied("预览链接无效或已过期，请在后台重新生成。")
        return revision.as_object()

    def detail_view(self, request):
        self.check_query_parameters(Page.objects.none())
        return super().detail_view(request, pk=None)

    @classmethod
    def get_urlpatterns(cls):
        return [path("", cls.as_view({"get": "detail_view"}), name="detail")]


def preview_on_client(request, page_id):
    """Admin: send the editor to the consuming site with a token for the page's latest saved draft."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    revision = page.get_latest_revision()
    if revision is None:
        messages.error(request, "该页面还没有保存过的版本，请先保存草稿。")
        return redirect("wagtailadmin_pages:edit", page.pk)
    token = make_token(revision)
    if settings.SHEGONG_PREVIEW_CLIENT_URL:
        return redirect(f"{settings.SHEGONG_PREVIEW_CLIENT_URL}?{urlencode({'token': token})}")
    api_url = absolute(reverse("wagtailapi_v2:preview:detail"), request) + "?" + urlencode({"token": token})
    messages.info(
        request, f"尚未配置对接站点预览地址。预览接口（{settings.SHEGONG_PREVIEW_MAX_AGE // 60} 分钟内有效）：{api_url}"
    )
    return redirect("wagtailadmin_pages:edit", page.pk)
