"""A street station's account (街道社工站) works on its own street's projects and stations, and nothing else."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse

from shegong.pages.enums import StationLevel
from shegong.pages.models import StationIndexPage, StationPage
from shegong.roles.groups import STREETS
from shegong.roles.models import StaffProfile
from tests.factories import CommunityFactory, DepartmentFactory, ProjectPageFactory, StreetFactory, account

pytestmark = pytest.mark.django_db


def station(title, region, level):
    parent = StationIndexPage.objects.first()
    return parent.add_child(instance=StationPage(title=title, slug=f"station-{region.pk}", level=level, region=region))


@pytest.fixture
def two_streets(home):
    ours, theirs = StreetFactory(name="关上街道"), StreetFactory(name="太和街道")
    own_community = CommunityFactory(name="关上社区", parent=ours)
    user = account("guanshang", STREETS)
    StaffProfile.objects.create(user=user, street=ours)
    return {
        "user": user,
        "own_project": ProjectPageFactory(title="关上街道助老项目", street=ours),
        "other_project": ProjectPageFactory(title="太和街道助残项目", street=theirs),
        "own_station": station("关上街道社工站", ours, StationLevel.STREET),
        "own_point": station("关上社区社工点", own_community, StationLevel.COMMUNITY),
        "other_station": station("太和街道社工站", theirs, StationLevel.STREET),
    }


def test_the_street_group_exists_without_publish_rights():
    group = Group.objects.get(name=STREETS)
    assert group.permissions.filter(codename="access_admin").exists()
    assert not group.page_permissions.filter(permission__codename="publish_page").exists()


def test_street_staff_edit_their_street_only(client, two_streets):
    client.force_login(two_streets["user"])
    for key in ["own_project", "own_station", "own_point"]:
        assert client.get(reverse("wagtailadmin_pages:edit", args=[two_streets[key].pk])).status_code == 200, key
    for key in ["other_project", "other_station"]:
        response = client.get(reverse("wagtailadmin_pages:edit", args=[two_streets[key].pk]))
        assert response.status_code in (302, 403, 404), key
        assert two_streets[key].title not in response.content.decode()


def test_street_staff_list_their_street_only(client, two_streets):
    client.force_login(two_streets["user"])
    projects = client.get(reverse("wagtailadmin_explore", args=[two_streets["own_project"].get_parent().pk]))
    stations = client.get(reverse("wagtailadmin_explore", args=[two_streets["own_station"].get_parent().pk]))
    html = projects.content.decode() + stations.content.decode()
    assert "关上街道助老项目" in html and "关上街道社工站" in html and "关上社区社工点" in html
    assert "太和街道助残项目" not in html and "太和街道社工站" not in html
    search = client.get(reverse("wagtailadmin_pages:search"), {"q": "太和"}).content.decode()
    assert "太和街道助残项目" not in search and "太和街道社工站" not in search


def test_a_profile_belongs_to_one_place_only(home):
    user = account("hunhe", STREETS)
    profile = StaffProfile(user=user, street=StreetFactory(name="关上街道"), department=DepartmentFactory())
    with pytest.raises(ValidationError, match="只能归属一个"):
        profile.clean()
