from urllib.parse import urlencode

from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from wagtail.models import Site

from shegong.pages.models import ContentPage

DISPLAY_COOKIE = "display"
ELDER = "elder"
ONE_YEAR = 365 * 24 * 60 * 60


def site_tree(request):
    """网站地图: the site's live public pages as nested lists (index pages without their items, which the listings show)."""
    site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
    home = site.root_page
    sections = [
        (section, section.get_children().live().public().type(ContentPage))
        for section in home.get_children().live().public().specific()
    ]
    return TemplateResponse(
        request, "navigation/site_tree.html", {"page_title": "网站地图", "home": home, "sections": sections}
    )


def disclosure(request):
    """信息公开: where each kind of information the platform discloses is found."""
    return TemplateResponse(request, "navigation/disclosure.html", {"page_title": "信息公开"})


def display_mode(request, mode):
    """长辈版 on or off, remembered in a cookie for a year, then back to the page the citizen was reading."""
    target = request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "/"
    response = redirect(target)
    if mode == ELDER:
        response.set_cookie(DISPLAY_COOKIE, ELDER, max_age=ONE_YEAR, samesite="Lax", secure=request.is_secure())
    else:
        response.delete_cookie(DISPLAY_COOKIE, samesite="Lax")
    return response


def display_url(mode, request):
    return f"{reverse('navigation:display', args=[mode])}?{urlencode({'next': request.get_full_path()})}"
