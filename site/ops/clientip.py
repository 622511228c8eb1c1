"""The address a request came from, for rate limits and login lockouts."""

import ipaddress

from django.conf import settings


def client_ip(request):
    """The socket address; behind SHEGONG_TRUSTED_PROXY_COUNT reverse proxies, the address the outermost
    trusted proxy received the request from. Each proxy appends its peer to X-Forwarded-For, so that address
    is the count-th from the right; anything left of it was written by the client and is ignored."""
    remote = request.META.get("REMOTE_ADDR") or "0.0.0.0"
    count = settings.SHEGONG_TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < count:
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
