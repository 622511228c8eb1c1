"""`load_demo` shows 项目征集: one open call and an application at each status, made once."""

from io import StringIO

import pytest
from django.core.management import call_command

from shegong.calls.enums import ApplicationStatus
from shegong.calls.models import Application, CallPage

pytestmark = pytest.mark.django_db


def test_load_demo_makes_an_open_call_with_applications_once(home):
    out = StringIO()
    call_command("load_demo", "--story-only", stdout=out)
    assert "项目申报：新建 6 份" in out.getvalue()
    call = CallPage.objects.live().get()
    assert call.is_open()
    statuses = set(Application.objects.filter(call=call).values_list("status", flat=True))
    assert statuses == set(ApplicationStatus)
    approved = Application.objects.get(status=ApplicationStatus.APPROVED)
    assert approved.project is not None and not approved.project.live

    call_command("load_demo", "--story-only", stdout=(again := StringIO()))
    assert "项目申报：新建 0 份" in again.getvalue()
    assert Application.objects.count() == 6
