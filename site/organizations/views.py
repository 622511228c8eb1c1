from django.db.models import Count
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone

from shegong.pages.listing import paginate
from shegong.pages.models import ProjectPage

from .public import (
    list_notices_of,
    listing_state,
    public_organizations,
    public_projects_of,
    published_evaluations_of,
)


def index(request):
    """All social organizations with their grade, listing and number of public projects."""
    counts = dict(
        ProjectPage.objects.published()
        .values_list("organization")
        .annotate(n=Count("pk"))
        .values_list("organization", "n")
    )
    items = paginate(request, public_organizations().order_by("name"), per_page=50)
    today = timezone.localdate()
    for organization in items:
        organization.public_project_count = counts.get(organization.pk, 0)
        organization.listing_state = listing_state(organization, today)
    return TemplateResponse(
        request, "organizations/index.html", {"page_title": "社会组织", "items": items, "query": ""}
    )


def profile(request, pk):
    organization = get_object_or_404(public_organizations(), pk=pk)
    projects = public_projects_of(organization)
    return TemplateResponse(
        request,
        "organizations/profile.html",
        {
            "page_title": organization.name,
            "page_description": f"{organization.name}的登记信息、评估等级、红黑榜记录及承接的政府购买社会工作服务项目。",
            "organization": organization,
            "listing_state": listing_state(organization),
            "projects": projects,
            "evaluations": published_evaluations_of(organization),
            "list_notices": list_notices_of(organization),
        },
    )
