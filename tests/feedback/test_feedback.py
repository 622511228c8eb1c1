"""Citizens comment and rate on the project page; moderators approve or reject in the admin."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from shegong.feedback.models import Comment
from shegong.feedback.moderation import ModerationStatus
from shegong.pages.enums import ProjectStage
from tests.admin_forms import post_form
from tests.factories import CommentFactory, ProjectPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_rate_limit():
    cache.clear()


def form_action(client, project):
    page = client.get(project.url).content.decode()
    action = reverse("feedback:comment", args=[project.pk])
    assert f'action="{action}"' in page
    return action, page


def moderate(admin_client, comment, **decision):
    return post_form(admin_client, reverse("wagtailsnippets_feedback_comment:edit", args=[comment.pk]), **decision)


def test_a_comment_waits_for_moderation_then_shows_escaped_without_contact(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.IMPLEMENTATION)
    action, page = form_action(client, project)
    assert 'name="rating"' not in page  # no rating before evaluation
    response = client.post(
        action, {"name": "<b>王</b>", "contact": "13900001111", "text": "<script>alert(1)</script>很好", "rating": "1"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.status == ModerationStatus.PENDING and comment.rating is None
    shown = client.get(response["Location"]).content.decode()
    assert "留言已提交" in shown and "alert(1)" not in shown

    queue = admin_client.get(reverse("wagtailsnippets_feedback_comment:list"), {"status": "pending"}).content.decode()
    assert "很好" in queue
    assert moderate(admin_client, comment, status="approved").status_code == 302
    comment.refresh_from_db()
    assert comment.moderated_by.username == "editor"

    page = client.get(project.url).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;很好" in page and "<script>alert(1)" not in page
    assert "&lt;b&gt;王&lt;/b&gt;" in page and "13900001111" not in page


def test_rejecting_needs_a_reason_and_rejected_comments_stay_hidden(admin_client, home, client):
    comment = CommentFactory(text="这条留言含有广告")
    response = moderate(admin_client, comment, status="rejected", moderation_note="")
    assert response.status_code == 200 and "驳回须填写理由" in response.content.decode()
    assert moderate(admin_client, comment, status="rejected", moderation_note="含广告").status_code == 302
    comment.refresh_from_db()
    assert comment.status == ModerationStatus.REJECTED
    assert "这条留言含有广告" not in client.get(comment.project.url).content.decode()


def test_ratings_from_evaluation_on_are_averaged_over_approved_comments(admin_client, home, client):
    project = ProjectPageFactory(stage=ProjectStage.EVALUATION)
    action, page = form_action(client, project)
    assert 'name="rating"' in page
    for name, rating in [("甲", "5"), ("乙", "4"), ("丙", "1")]:
        assert client.post(action, {"name": name, "text": "评价", "rating": rating}).status_code == 302
    assert client.post(action, {"name": "丁", "text": "评价", "rating": "9"}).status_code == 400
    for comment in Comment.objects.exclude(name="丙"):
        moderate(admin_client, comment, status="approved")
    page = client.get(project.url).content.decode()
    assert "4.5" in page and "2 人评分" in page


def test_bad_input_is_a_clear_400(home, client):
    project = ProjectPageFactory()
    response = client.post(reverse("feedback:comment", args=[project.pk]), {"name": "", "text": ""})
    assert response.status_code == 400
    text = response.content.decode()
    assert "提交的内容有误" in text and "称呼：必需字段" in text and "留言内容：必需字段" in text
    assert client.get(reverse("feedback:comment", args=[project.pk])).status_code == 405
    assert client.post(reverse("feedback:comment", args=[999999]), {"name": "a", "text": "b"}).status_code == 404


def test_drafts_take_no_comments(home, client):
    draft = ProjectPageFactory(live=False)
    assert client.post(reverse("feedback:comment", args=[draft.pk]), {"name": "a", "text": "b"}).status_code == 404


def test_the_honeypot_swallows_bots(home, client):
    project = ProjectPageFactory()
    response = client.post(
        reverse("feedback:comment", args=[project.pk]),
        {"name": "bot", "text": "buy now", "website": "http://spam.example"},
    )
    assert response.status_code == 302 and not Comment.objects.exists()


def test_one_address_is_limited_per_window(home, client, settings):
    settings.SHEGONG_FEEDBACK_LIMIT = 3
    project = ProjectPageFactory()
    url = reverse("feedback:comment", args=[project.pk])
    codes = [client.post(url, {"name": "甲", "text": f"第{n}条"}, REMOTE_ADDR="10.0.0.7").status_code for n in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert client.post(url, {"name": "乙", "text": "别的地址"}, REMOTE_ADDR="10.0.0.8").status_code == 302
    assert Comment.objects.count() == 4
