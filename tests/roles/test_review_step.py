"""Department staff publish through a review step (Wagtail's workflow); editors approve."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS
from tests.admin_forms import admin_form
from tests.factories import DepartmentFactory, ProjectPageFactory, account

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_and_draft(home):
    civil = DepartmentFactory(name="官渡区民政局")
    draft = ProjectPageFactory(title="阳光助老项目", purchaser=civil, live=False)
    return account("minzheng", DEPARTMENT_STAFF, department=civil), draft


def edit(client, page, **changes):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    data = admin_form(client, url, form_id="page-edit-form")
    data.update(changes)
    return client.post(url, data)


def test_department_staff_cannot_publish_directly(client, staff_and_draft):
    staff, draft = staff_and_draft
    client.force_login(staff)
    form = client.get(reverse("wagtailadmin_pages:edit", args=[draft.pk])).content.decode()
    assert 'name="action-publish"' not in form and 'name="action-submit"' in form
    edit(client, draft, title="阳光助老项目（修改）", **{"action-publish": "1"})
    draft.refresh_from_db()
    assert not draft.live and draft.get_latest_revision_as_object().title == "阳光助老项目（修改）"


def test_submitted_page_goes_live_when_an_editor_approves(client, staff_and_draft):
    staff, draft = staff_and_draft
    client.force_login(staff)
    edit(client, draft, title="阳光助老项目（送审）", **{"action-submit": "1"})
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(draft.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    draft.refresh_from_db()
    assert not draft.live

    editor = account("bianji", EDITORS)
    client.force_login(editor)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "阳光助老项目（送审）" in dashboard  # Wagtail's “等待您审核” panel
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[draft.pk, "approve", task_state.pk]), {"comment": ""}
    )
    assert response.status_code in (200, 302)
    draft.refresh_from_db()
    assert draft.live and draft.title == "阳光助老项目（送审）"
