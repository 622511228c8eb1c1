"""Reusable records shown by the pages; one module per record kind."""

from .categories import ProjectCategory
from .departments import Department
from .organizations import ListStatus, OrganizationRating, SocialOrganization
from .regions import Region, RegionLevel

__all__ = [
    "Department",
    "ListStatus",
    "OrganizationRating",
    "ProjectCategory",
    "Region",
    "RegionLevel",
    "SocialOrganization",
]
