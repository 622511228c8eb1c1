"""What an event tells a subscriber: what changed, where the public sees it, where the API serves it.

Only what the public API shows goes in: never an organization's contacts, a commenter's name, text or
contact, a payment's note, voucher or override reason. Links come from the public address
(`SHEGONG_PUBLIC_URL`), since an event is queued without a request.
"""

from django.urls import reverse
from django.utils import timezone

from shegong.api.links import absolute, api_url, page_url
from shegong.api.urls import router

from .models import Event


def iso(day):
    """A date as YYYY-MM-DD; a record saved from a form or an import may still hold the text it was given."""
    return str(day) if day else None


def payload(event, record_type, pk, html_url, api, data):
    return {
        "event": event.value,
        "occurred_at": timezone.now().isoformat(),
        "type": record_type,
        "id": pk,
        "html_url": html_url,
        "api_url": api,
        "data": data,
    }


def page_payload(event, page):
    specific_class = page.specific_class
    endpoint_path = router.get_object_detail_urlpath(specific_class, page.pk) if specific_class else None
    return payload(
        event,
        specific_class._meta.label if specific_class else "wagtailcore.Page",
        page.pk,
        page_url(page),
        absolute(endpoint_path),
        {"title": page.title, "slug": page.slug},
    )


def organization_payload(event, organization):
    listed = bool(organization.list_status)
    return payload(
        event,
        "snippets.SocialOrganization",
        organization.pk,
        absolute(reverse("redblack:listing")) if listed else None,
        api_url("organizations", organization.pk),
        {
            "name": organization.name,
            "credit_code": organization.credit_code,
            "listing": {
                "status": organization.list_status,
                "status_label": organization.get_list_status_display(),
                "reason": organization.list_reason,
                "listed_on": iso(organization.listed_on),
                "until": iso(organization.list_until),
            },
        },
    )


def payment_payload(event, payment):
    project = payment.project
    return payload(
        event,
        "funds.Disbursement",
        payment.pk,
        page_url(project),
        api_url("projects", project.pk),
        {
            "project": project.pk,
            "paid_on": iso(payment.paid_on),
            "kind": payment.kind,
            "kind_label": payment.get_kind_display(),
            "amount": str(payment.amount),
        },
    )


def update_payload(event, update):
    project = update.project
    return payload(
        event,
        "updates.ImplementationUpdate",
        update.pk,
        page_url(project),
        # A withdrawn update has no record left in the API; its project is what changed.
        api_url("updates", update.pk) if event == Event.UPDATE_PUBLISHED else api_url("projects", project.pk),
        {"project": project.pk, "title": update.title, "happened_on": iso(update.happened_on)},
    )


def comment_payload(event, comment):
    project = comment.project
    return payload(
        event,
        "feedback.Comment",
        comment.pk,
        page_url(project),
        api_url("projects", project.pk),
        {"project": project.pk, "rating": comment.rating},
    )


def stats_payload(event):
    return payload(event, "stats", None, absolute(reverse("stats:statistics")), absolute(reverse("api_stats")), {})
