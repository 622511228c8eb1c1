"""The figures of the statistics page and the admin panel: one source for both."""

from dataclasses import dataclass

from shegong.funds.summary import GROUPINGS, all_totals
from shegong.pages.enums import StationLevel
from shegong.pages.models import ProjectPage, StationPage
from shegong.snippets.models import Region, RegionLevel


@dataclass
class StreetCoverage:
    street: Region
    street_station: bool
    communities: int
    covered: int

    @property
    def percent(self):
        return round(self.covered * 100 / self.communities) if self.communities else None


def station_coverage():
    """Per street: has it a street-level station, and how many of its communities have a community-level one."""
    stations = StationPage.objects.live().public()
    streets_with_station = set(stations.filter(level=StationLevel.STREET).values_list("region_id", flat=True))
    covered_communities = set(stations.filter(level=StationLevel.COMMUNITY).values_list("region_id", flat=True))
    communities = {}
    for community_id, street_id in Region.objects.filter(level=RegionLevel.COMMUNITY).values_list("pk", "parent_id"):
        communities.setdefault(street_id, []).append(community_id)
    return [
        StreetCoverage(
            street,
            street.pk in streets_with_station,
            len(communities.get(street.pk, [])),
            sum(1 for c in communities.get(street.pk, []) if c in covered_communities),
        )
        for street in Region.objects.filter(level=RegionLevel.STREET).order_by("name")
    ]


@dataclass
class Figures:
    project_count: int
    budget: object
    spent: object
    groups: dict  # grouping key → (label, [Total])
    coverage: list

    @property
    def streets_with_station(self):
        return sum(1 for row in self.coverage if row.street_station)

    @property
    def communities(self):
        return sum(row.communities for row in self.coverage)

    @property
    def covered_communities(self):
        return sum(row.covered for row in self.coverage)


def public_figures():
    projects = ProjectPage.objects.published()
    by_grouping = all_totals(projects)
    totals = projects.totals()
    return Figures(
        project_count=totals["count"],
        budget=totals["budget"],
        spent=totals["spent"],
        groups={by: (label, by_grouping[by]) for by, (label, _) in GROUPINGS.items()},
        coverage=station_coverage(),
    )
