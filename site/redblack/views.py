from django.shortcuts import render
from django.utils import timezone

from shegong.snippets.models import ListStatus, SocialOrganization

# Only public registration facts; contact details never leave the admin.
PUBLIC_FIELDS = ["pk", "name", "credit_code", "rating", "list_status", "list_reason", "listed_on", "list_until"]


def listing(request):
    """红黑榜: organizations whose red or black listing is in force today."""
    today = timezone.localdate()
    listed = SocialOrganization.objects.listed_on(today).only(*PUBLIC_FIELDS).order_by("-listed_on", "name")
    return render(
        request,
        "redblack/listing.html",
        {
            "page_title": "社会组织红黑榜",
            "page_description": "社会组织红榜、黑榜名单，含列入理由、列入日期和有效期。",
            "today": today,
            "red": [o for o in listed if o.list_status == ListStatus.RED],
            "black": [o for o in listed if o.list_status == ListStatus.BLACK],
        },
    )
