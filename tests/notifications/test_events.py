"""Who is told by mail when work arrives, and that each mail links to the screen where it is handled."""

import re

import pytest
from django.db import transaction
from django.urls import reverse

from shegong.feedback.models import Comment, Objection
from shegong.feedback.moderation import ModerationStatus
from shegong.updates.models import ImplementationUpdate
from tests.admin_forms import post_form
from tests.notifications.conftest import recipients

pytestmark = pytest.mark.django_db

BASE = "https://admin.shegong.example.cn"


@pytest.fixture(autouse=True)
def public_address(settings):
    settings.SHEGONG_PUBLIC_URL = BASE


def link(message):
    return re.search(r"https?://\S+", message.body).group(0)


def test_a_citizens_comment_tells_the_editors_with_a_link_to_moderate_it(people, client, mailoutbox, committed):
    project = people["project"]
    with committed():
        response = client.post(reverse("feedback:comment", args=[project.pk]), {"name": "王女士", "text": "服务很好"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert recipients(mailoutbox) == ["bianji@example.com"]
    message = mailoutbox[0]
    assert "待审核" in message.subject and "阳光助老项目" in message.body
    assert link(message) == BASE + reverse("wagtailsnippets_feedback_comment:edit", args=[comment.pk])


def test_an_objection_tells_editors_and_the_purchasing_department_only(
    people, publicity, client, mailoutbox, committed
):
    project = people["project"]
    with committed():
        response = client.post(
            reverse("feedback:objection", args=[project.pk]),
            {"name": "李先生", "contact": "13800000000", "text": "有异议"},
        )
    assert response.status_code == 302
    objection = Objection.objects.get()
    assert recipients(mailoutbox) == ["bianji@example.com", "minzheng@example.com"]
    for message in mailoutbox:
        assert "公示异议" in message.subject and "13800000000" not in message.body
    links = {message.to[0]: link(message) for message in mailoutbox}
    assert links["bianji@example.com"].endswith(reverse("wagtailsnippets_feedback_objection:edit", args=[objection.pk]))
    inspect = reverse("wagtailsnippets_feedback_objection:inspect", args=[objection.pk])
    assert links["minzheng@example.com"].endswith(inspect)
    # The department's link opens: it reads the objection on its own project.
    client.force_login(people["civil"])
    assert "有异议" in client.get(inspect).content.decode()


def test_an_update_tells_editors_when_it_enters_review_not_at_each_save(people, client, mailoutbox, committed):
    project, org = people["project"], people["org"]
    client.force_login(org)
    add = reverse("wagtailsnippets_updates_implementationupdate:add")
    with committed():
        response = post_form(client, add, project=str(project.pk), title="第一次入户探访", text="走访独居老人 12 户。")
    assert response.status_code == 302
    update = ImplementationUpdate.objects.get()
    assert recipients(mailoutbox) == ["bianji@example.com"]
    edit = reverse("wagtailsnippets_updates_implementationupdate:edit", args=[update.pk])
    assert link(mailoutbox[0]).endswith(edit)

    # The editor approves it: nothing new to moderate, nobody is mailed.
    client.force_login(people["editor"])
    with committed():
        assert post_form(client, edit, status=ModerationStatus.APPROVED).status_code == 302
    assert len(mailoutbox) == 1

    # The organization changes it: back in review, the editors are told again.
    client.force_login(org)
    with committed():
        assert post_form(client, edit, text="走访独居老人 15 户。").status_code == 302
    update.refresh_from_db()
    assert update.status == ModerationStatus.PENDING
    assert len(mailoutbox) == 2


def test_an_anomalous_payment_tells_auditors_and_the_department(people, client, mailoutbox, committed):
    project = people["project"]
    client.force_login(people["editor"])
    add = reverse("wagtailsnippets_funds_disbursement:add")
    regular = {"project": project.pk, "paid_on": "2022-04-01", "kind": "first", "amount": "40000.00"}
    with committed():
        assert client.post(add, regular).status_code == 302
    assert mailoutbox == []

    over = {**regular, "paid_on": "2022-05-01", "amount": "70000.00", "override_reason": "区政府专题会议同意预拨"}
    with committed():
        assert client.post(add, over).status_code == 302
    assert recipients(mailoutbox) == ["minzheng@example.com", "shenji@example.com"]
    message = mailoutbox[0]
    assert "资金拨付异常" in message.subject and "超出预算" in message.body and "区政府专题会议同意预拨" in message.body
    assert link(message) == BASE + reverse("funds:anomalies")


def test_nothing_is_sent_when_the_save_is_rolled_back(people, mailoutbox, committed):
    with committed(), pytest.raises(RuntimeError), transaction.atomic():
        Comment.objects.create(project=people["project"], name="王女士", text="服务很好")
        raise RuntimeError
    assert mailoutbox == []


def test_inactive_accounts_are_not_mailed(people, client, mailoutbox, committed):
    people["editor"].is_active = False
    people["editor"].save()
    with committed():
        client.post(reverse("feedback:comment", args=[people["project"].pk]), {"name": "王女士", "text": "服务很好"})
    assert Comment.objects.count() == 1 and mailoutbox == []
