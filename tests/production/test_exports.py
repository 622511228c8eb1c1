"""Spreadsheets from the admin never carry a live formula: text a citizen or editor typed starting with
=, +, - or @ is exported as text (a leading apostrophe), in every Wagtail export."""

import io

import pytest
from openpyxl import load_workbook

from shegong.feedback.models import Comment
from tests.factories import OrganizationFactory, ProjectPageFactory

ATTACK = "=cmd|' /C calc'!A0"


@pytest.fixture
def planted(home):
    project = ProjectPageFactory(title='=HYPERLINK("http://evil.example","点我")')
    Comment.objects.create(project=project, name="@SUM(1+1)", text=ATTACK, rating=5)
    OrganizationFactory(name="+官渡区社工中心")
    return project


def cells_of_csv(response):
    return b"".join(response.streaming_content).decode("utf-8-sig")


def test_comment_export_csv_and_xlsx(admin_client, planted):
    text = cells_of_csv(admin_client.get("/admin/snippets/feedback/comment/?export=csv"))
    assert "'" + ATTACK in text and "'@SUM(1+1)" in text
    assert "\n=" not in text and ",=" not in text

    workbook = load_workbook(io.BytesIO(admin_client.get("/admin/snippets/feedback/comment/?export=xlsx").getvalue()))
    values = [cell.value for row in workbook.active.iter_rows() for cell in row]
    assert "'" + ATTACK in values
    assert not any(isinstance(v, str) and v.startswith(("=", "+", "@")) for v in values)


def test_snippet_export(admin_client, planted):
    text = cells_of_csv(admin_client.get("/admin/snippets/snippets/socialorganization/?export=csv"))
    assert "'+官渡区社工中心" in text


def test_report_export(admin_client, planted):
    """A Wagtail report (the project funds report, a ReportView) goes through the same rule."""
    text = cells_of_csv(admin_client.get("/admin/funds/projects/?export=csv"))
    assert "'=HYPERLINK" in text
