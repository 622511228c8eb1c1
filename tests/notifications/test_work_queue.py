"""The 待办 panel on the admin dashboard: each role sees the counts of its own work, linked to where it is done."""

import datetime
import decimal
import re

import pytest
from django.urls import reverse

from shegong.feedback.moderation import ModerationStatus
from shegong.funds.models import Disbursement
from tests.factories import CommentFactory, DepartmentFactory, ObjectionFactory, ProjectPageFactory, UpdateFactory

pytestmark = pytest.mark.django_db


def work_queue(client, user):
    """{label: (count, url)} as the panel shows it to `user`."""
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    html = response.content.decode()
    panel = html[html.index('id="work-queue"') :]
    panel = panel[: panel.index("</section>")]
    rows = re.findall(r'<a href="([^"]+)">([^<]+)</a></td>\s*<td>(\d+)</td>', panel)
    return {label: (int(count), url.replace("&amp;", "&")) for url, label, count in rows}


def test_editors_see_what_waits_for_moderation_and_the_count_moves(people, client):
    project = people["project"]
    first, _ = CommentFactory(project=project), CommentFactory(project=project)
    CommentFactory(project=project, status=ModerationStatus.APPROVED)
    UpdateFactory(project=project)
    queue = work_queue(client, people["editor"])
    assert queue["待审核的项目留言"] == (2, reverse("wagtailsnippets_feedback_comment:list") + "?status=pending")
    assert queue["待审核的实施动态"][0] == 1
    assert "待答复的公示异议" not in queue  # none filed: zero counts are hidden

    # The link lists exactly those comments; approving one moves the count.
    listing = client.get(queue["待审核的项目留言"][1]).content.decode()
    assert listing.count(reverse("wagtailsnippets_feedback_comment:edit", args=[first.pk])) >= 1
    first.status = ModerationStatus.APPROVED
    first.save()
    assert work_queue(client, people["editor"])["待审核的项目留言"][0] == 1


def test_department_staff_see_objections_on_their_own_projects_only(people, client):
    ObjectionFactory(project=people["project"])
    ObjectionFactory(project=ProjectPageFactory(purchaser=DepartmentFactory(name="官渡区教育体育局")))
    CommentFactory(project=people["project"])
    assert work_queue(client, people["editor"])["待答复的公示异议"][0] == 2
    assert work_queue(client, people["civil"]) == {
        "待答复的公示异议": (1, work_queue(client, people["editor"])["待答复的公示异议"][1])
    }
    assert work_queue(client, people["org"]) == {}


def test_auditors_see_flagged_payments(people, client):
    project = people["project"]
    Disbursement.objects.create(
        project=project, paid_on=datetime.date(2022, 4, 1), kind="first", amount=decimal.Decimal("40000.00")
    )
    assert "被标记为异常的资金拨付" not in work_queue(client, people["auditor"])
    Disbursement.objects.create(
        project=project,
        paid_on=datetime.date(2022, 4, 2),
        kind="midterm",
        amount=decimal.Decimal("70000.00"),
        override_reason="特批",
    )
    assert work_queue(client, people["auditor"])["被标记为异常的资金拨付"] == (1, reverse("funds:anomalies"))
    assert "被标记为异常的资金拨付" not in work_queue(client, people["org"])


def test_editors_see_publicity_periods_ending_soon(people, publicity, client, settings):
    settings.SHEGONG_PUBLICITY_ENDING_DAYS = 2
    assert "2 天内结束的公示" not in work_queue(client, people["editor"])  # ends in five days
    settings.SHEGONG_PUBLICITY_ENDING_DAYS = 5
    assert work_queue(client, people["editor"])["5 天内结束的公示"][0] == 1
    assert "5 天内结束的公示" not in work_queue(client, people["org"])
