"""A purchasing department records and reads the evaluations of its own projects, and only those."""

import pytest
from django.urls import reverse

from shegong.evaluations.models import Evaluation
from shegong.roles.groups import DEPARTMENT_STAFF, ORGANIZATIONS
from tests.factories import DepartmentFactory, EvaluationFactory, OrganizationFactory, ProjectPageFactory, account

from .queue import work_queue
from .test_results import record

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_evaluations_evaluation:list"


@pytest.fixture
def scene(home):
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    own = ProjectPageFactory(title="民政局的助老项目", purchaser=civil)
    other = ProjectPageFactory(title="团区委的青少年项目", purchaser=youth)
    theirs = EvaluationFactory(project=other, agency="别家评估机构")
    return {
        "own": own,
        "other": other,
        "theirs": theirs,
        "staff": account("minzheng", DEPARTMENT_STAFF, department=civil),
    }


def test_department_staff_record_and_read_their_own_projects_evaluations(client, scene):
    client.force_login(scene["staff"])
    assert record(client, scene["own"], agency="云南省社会工作评估中心").status_code == 302
    mine = Evaluation.objects.get(project=scene["own"])
    assert mine.agency == "云南省社会工作评估中心"

    listing = client.get(reverse(LIST_URL)).content.decode()
    assert "民政局的助老项目" in listing and "团区委的青少年项目" not in listing
    viewset = Evaluation.snippet_viewset
    assert client.get(reverse(viewset.get_url_name("edit"), args=[mine.pk])).status_code == 200
    for view in ("edit", "delete", "history"):
        assert client.get(reverse(viewset.get_url_name(view), args=[scene["theirs"].pk])).status_code == 404, view
    assert work_queue(scene["staff"])["待公示的评估结果"][0] == 1


def test_department_staff_cannot_record_another_departments_project(client, scene):
    client.force_login(scene["staff"])
    response = record(client, scene["other"], kind="midterm")
    assert response.status_code == 200 and "只能为本部门的项目登记评估结果" in response.content.decode()
    assert Evaluation.objects.filter(project=scene["other"]).count() == 1


def test_organizations_neither_read_nor_record_evaluations(client, scene):
    org = account("jigou", ORGANIZATIONS, organization=OrganizationFactory())
    client.force_login(org)
    assert client.get(reverse(LIST_URL)).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_evaluations_evaluation:add")).status_code in (302, 403)
