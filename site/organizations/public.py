"""What a citizen may read about a social organization: registration facts, listing, public projects. Never contacts."""

from django.db import models
from django.utils import timezone

from shegong.evaluations.models import Evaluation
from shegong.pages.enums import NoticeKind
from shegong.pages.models import NoticePage, ProjectPage
from shegong.snippets.models import SocialOrganization

PUBLIC_FIELDS = [
    "pk",
    "name",
    "credit_code",
    "registered_on",
    "rating",
    "description",
    "region",
    "list_status",
    "list_reason",
    "listed_on",
    "list_until",
]


def public_organizations():
    return SocialOrganization.objects.only(*PUBLIC_FIELDS).select_related("region")


def public_projects_of(organization):
    return (
        ProjectPage.objects.published()
        .filter(organization=organization)
        .select_related("category", "street")
        .order_by("-start_date", "code")
    )


def published_evaluations_of(organization):
    """The grades of the organization's public projects, each published with its 评估结果公示."""
    return (
        Evaluation.objects.published()
        .filter(project__in=public_projects_of(organization))
        .select_related("project", "notice")
        .order_by("-evaluated_on")
    )


def list_notices_of(organization):
    """红黑榜公示 notices that name the organization: its list history as it was published."""
    return (
        NoticePage.objects.live()
        .public()
        .filter(kind=NoticeKind.LIST_PUBLICITY)
        .filter(models.Q(title__contains=organization.name) | models.Q(search_description__contains=organization.name))
        .order_by("-published_on")
    )


def listing_state(organization, today=None):
    """ "在有效期内", "已到期", "未生效" or "" for an organization never listed."""
    today = today or timezone.localdate()
    if not organization.list_status:
        return ""
    if organization.listing_in_force(today):
        return "在有效期内"
    if organization.listed_on and organization.listed_on > today:
        return "未生效"
    return "已到期"
