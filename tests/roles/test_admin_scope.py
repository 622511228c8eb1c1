"""Every admin path a department's staff or a social organization's account can reach names only their own
projects: the explorer and its sidebar (the admin page API), page search, reports and their exports, the
dashboard, the choosers. Each path is tried as an editor too, who must see the other project there — so an
absent title means the path was narrowed, not that it never lists projects."""

import json

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow

from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS, ORGANIZATIONS
from tests.factories import DepartmentFactory, OrganizationFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene(home):
    """Two departments, two organizations; the other side's project is live, edited, locked and in moderation."""
    civil, youth = DepartmentFactory(name="官渡区民政局"), DepartmentFactory(name="共青团官渡区委")
    jia, yi = OrganizationFactory(name="甲社工中心"), OrganizationFactory(name="乙社工中心")
    own = ProjectPageFactory(title="民政局甲中心的助老项目", purchaser=civil, organization=jia)
    other = ProjectPageFactory(title="团区委乙中心的青少年项目", purchaser=youth, organization=yi)
    youth_staff = account("tuanqu", DEPARTMENT_STAFF, department=youth)
    for project, author in ((own, None), (other, youth_staff)):
        # Department staff no longer publish themselves (an editor approves in the workflow); the log keeps the author.
        project.save_revision(user=author, log_action=True).publish(user=author, skip_permission_checks=True)
    other = ProjectPage.objects.get(pk=other.pk)
    other.save_revision(user=youth_staff, log_action=True)  # a pending edit
    Workflow.objects.get().start(other, youth_staff)
    ProjectPage.objects.filter(pk=other.pk).update(locked=True, locked_by=youth_staff, locked_at=timezone.now())
    return {"civil": civil, "jia": jia, "own": own, "other": other, "index": ProjectIndexPage.objects.get()}


def listing_paths(scene, home):
    index, other = scene["index"].pk, scene["other"].pk
    return [
        reverse("wagtailadmin_explore", args=[index]),
        reverse("wagtailadmin_explore", args=[index]) + "?q=项目",
        reverse("wagtailadmin_pages:search") + "?q=项目",
        reverse("wagtailadmin_pages:type_use", args=["pages", "projectpage"]),
        f"/admin/api/main/pages/?child_of={index}&for_explorer=1",
        f"/admin/api/main/pages/?child_of={index}",
        f"/admin/api/main/pages/?descendant_of={home.pk}",
        "/admin/api/main/pages/?search=青少年",
        f"/admin/api/main/pages/{other}/",
        reverse("wagtailadmin_reports:locked_pages"),
        reverse("wagtailadmin_reports:locked_pages") + "?export=csv",
        reverse("wagtailadmin_reports:site_history"),
        reverse("wagtailadmin_reports:site_history") + "?export=csv",
        reverse("wagtailadmin_reports:aging_pages"),
        reverse("wagtailadmin_reports:aging_pages") + "?export=csv",
        reverse("wagtailadmin_reports:workflow"),
        reverse("wagtailadmin_reports:workflow") + "?export=csv",
        reverse("wagtailadmin_reports:workflow_tasks"),
        reverse("wagtailadmin_reports:workflow_tasks") + "?export=csv",
        reverse("wagtailadmin_reports:page_types_usage"),
        reverse("wagtailadmin_choose_page_child", args=[index]),
        reverse("wagtailadmin_choose_page_search") + "?q=项目",
    ]


def body(response):
    """The text a user would read: an export's rows, a modal's HTML, a page."""
    if response.streaming:
        return b"".join(response.streaming_content).decode()
    if response.headers.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    return response.content.decode()


def seen(client, url):
    return body(client.get(url, follow=True))


def test_an_editor_sees_the_other_project_on_every_path(client, scene, home):
    """The control: these paths do list projects."""
    client.force_login(account("bianji", EDITORS))
    for url in listing_paths(scene, home):
        assert scene["other"].title in seen(client, url), url


def test_department_staff_see_only_their_departments_projects(client, scene, home):
    client.force_login(account("minzheng", DEPARTMENT_STAFF, department=scene["civil"]))
    for url in listing_paths(scene, home) + [reverse("wagtailadmin_home")]:
        assert scene["other"].title not in seen(client, url), url
    for url in [
        reverse("wagtailadmin_explore", args=[scene["index"].pk]),
        reverse("wagtailadmin_pages:search") + "?q=项目",
        f"/admin/api/main/pages/?child_of={scene['index'].pk}&for_explorer=1",
    ]:
        assert scene["own"].title in seen(client, url), url
    assert client.get(f"/admin/api/main/pages/{scene['other'].pk}/").status_code == 404


def test_a_social_organization_sees_only_its_own_projects(client, scene, home):
    client.force_login(account("jia", ORGANIZATIONS, organization=scene["jia"]))
    for url in listing_paths(scene, home) + [reverse("wagtailadmin_home")]:
        assert scene["other"].title not in seen(client, url), url
    assert scene["own"].title in seen(client, reverse("wagtailadmin_choose_page_search") + "?q=项目")
