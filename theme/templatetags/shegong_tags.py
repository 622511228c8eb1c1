"""Display helpers of the public site: money, dates, listings and navigation."""

import datetime
from decimal import Decimal, InvalidOperation

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils import timezone
from django.utils.html import format_html

from shegong.funds import money
from shegong.pages.enums import ProjectStage
from shegong.pages.models import NoticePage, ProjectPage

register = template.Library()

MISSING = "—"


def _decimal(value):
    if value is None or value == "":
        return None
    try:
        return Decimal(value)
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def amount(value):
    """1234567 → "1,234,567.00", for columns whose heading already says 元."""
    number = _decimal(value)
    return MISSING if number is None else f"{number:,.2f}"


@register.filter
def yuan(value):
    """1234567 → "1,234,567.00 元"."""
    text = amount(value)
    return text if text == MISSING else f"{text} 元"


@register.filter
def wan(value):
    amount = _decimal(value)
    return MISSING if amount is None else money.wan(amount)


@register.filter
def cn_date(value):
    """date(2022, 3, 1) → "2022年3月1日"."""
    if not isinstance(value, datetime.date):
        return MISSING
    return f"{value.year}年{value.month}月{value.day}日"


@register.simple_tag
def date_span(start, end):
    """A period such as a project's service period: "2022年3月1日 至 2023年2月28日"."""
    if not start and not end:
        return MISSING
    return f"{cn_date(start)} 至 {cn_date(end)}"


@register.filter
def publicity_state(notice):
    """Whether a notice's publicity period is still open today; "" when it has none."""
    if not notice.publicity_until:
        return ""
    return "公示中" if timezone.localdate() <= notice.publicity_until else "公示已结束"


@register.simple_tag
def site_name():
    """The platform's name from settings, so pages that cannot reach the database (500.html) can show it."""
    return settings.WAGTAIL_SITE_NAME


@register.simple_tag(takes_context=True)
def nav_link(context, href, label):
    """A main-navigation link, marked as the current section for the page being read."""
    request = context.get("request")
    path = request.path if request else ""
    current = path == href if href == "/" else path.startswith(href)
    if current:
        return format_html('<a href="{}" aria-current="page">{}</a>', href, label)
    return format_html('<a href="{}">{}</a>', href, label)


@register.simple_tag
def page_numbers(items):
    """Page numbers around the current one, with "…" for the gaps."""
    return list(items.paginator.get_elided_page_range(items.number, on_each_side=2, on_ends=1))


@register.simple_tag
def public_notices_of(project):
    """The project's related notices a citizen may read: live and without a view restriction."""
    return NoticePage.objects.live().public().filter(related_projects__project=project).order_by("-published_on")


@register.simple_tag
def public_projects_of(notice):
    """The notice's related projects a citizen may read: live and without a view restriction."""
    return (
        ProjectPage.objects.published()
        .filter(notice_links__page=notice)
        .select_related("organization", "purchaser")
        .order_by("code")
    )


@register.simple_tag
def lifecycle_steps(project):
    """The project's timeline: each stage current, done, missed or todo against the project's stage.

    A stage before the current one counts as done only with the date it was
    reached; without one (skipped, or never recorded) it is shown as missed.
    """
    current = ProjectStage(project.stage).position
    steps = []
    for step in project.timeline():
        position = step["stage"].position
        if position == current:
            state = "current"
        elif position > current:
            state = "todo"
        else:
            state = "done" if step["reached_on"] else "missed"
        steps.append({**step, "state": state})
    return steps


@register.simple_tag(takes_context=True)
def elder_mode(context):
    """True when this browser chose the 长辈版 (a cookie, so it works without script)."""
    from shegong.navigation.views import DISPLAY_COOKIE, ELDER

    request = context.get("request")
    return bool(request and request.COOKIES.get(DISPLAY_COOKIE) == ELDER)


@register.simple_tag(takes_context=True)
def display_switch_url(context, mode):
    from shegong.navigation.views import display_url

    request = context.get("request")
    return display_url(mode, request) if request else "/"


@register.inclusion_tag("includes/share_meta.html", takes_context=True)
def share_meta(context):
    """<meta name=description> and the Open Graph card (title, summary, image, address) WeChat and other apps show."""
    from shegong.discovery.summary import page_image, page_summary

    request = context.get("request")
    page = context.get("page")
    frame = context.get("settings").navigation.SiteFrame if request and context.get("settings") else None
    site_title = site_name()
    title = context.get("page_title") or (page.seo_title or page.title if page else "") or site_title
    description = (page_summary(page) if page else context.get("page_description", "")) or (
        frame.description if frame else ""
    )
    image = page_image(page) if page else None
    if image:
        image_url = image.get_rendition("fill-600x600").url
    else:
        image_url = static("theme/icons/share.png")
    absolute = request.build_absolute_uri if request else (lambda url: url)
    return {
        "title": title,
        "site_title": site_title,
        "description": description,
        "image_url": absolute(image_url),
        "url": absolute(request.path if request else "/"),
        "type": "article" if page and page.depth > 3 else "website",
    }
