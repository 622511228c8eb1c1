"""The public page cache serves citizens what they would get anyway, and nothing else: a publish or
unpublish shows at once, and drafts, previews, form posts and signed-in editors never go through it."""

import pytest
from django.core.cache import cache
from django.test import Client, override_settings
from django.urls import reverse
from wagtail.models import PageViewRestriction

from shegong.feedback.models import Comment
from shegong.feedback.moderation import ModerationStatus
from tests.factories import NoticePageFactory, ProjectPageFactory

pytestmark = pytest.mark.usefixtures("home")


@pytest.fixture(autouse=True)
def page_cache():
    cache.clear()
    with override_settings(SHEGONG_PAGE_CACHE_SECONDS=60):
        yield


def test_a_published_change_shows_at_once(client):
    notice = NoticePageFactory(title="关于开展社区义诊活动的通知")
    assert "社区义诊活动" in client.get(notice.url).content.decode()

    notice.title = "关于社区义诊活动改期的通知"
    notice.save_revision().publish()
    assert "改期" in client.get(notice.url).content.decode()

    notice.unpublish()
    assert client.get(notice.url).status_code == 404


def test_a_draft_never_reaches_a_citizen(client):
    notice = NoticePageFactory(title="关于开展社区义诊活动的通知")
    client.get(notice.url)
    notice.title = "草稿：尚未审核的标题"
    notice.save_revision()  # saved, not published
    assert "草稿" not in client.get(notice.url).content.decode()


def test_the_cache_answers_without_the_database(client, django_assert_max_num_queries):
    notice = NoticePageFactory(title="关于开展社区义诊活动的通知")
    first = client.get(notice.url).content
    with django_assert_max_num_queries(0):
        assert client.get(notice.url).content == first


def test_what_a_signed_in_editor_sees_is_never_kept_for_citizens(admin_client):
    """A page for signed-in users only: the editor's 200 must not become the citizen's answer."""
    client = Client()  # the citizen (admin_client is the signed-in `client` fixture)
    notice = NoticePageFactory(title="内部工作安排（仅限登录用户）")
    PageViewRestriction.objects.create(page=notice, restriction_type=PageViewRestriction.LOGIN)
    assert "内部工作安排" in admin_client.get(notice.url).content.decode()
    citizen = client.get(notice.url)
    assert citizen.status_code == 302 and "/login/" in citizen["Location"]
    assert "内部工作安排" in admin_client.get(notice.url).content.decode()


def test_a_citizens_search_leaves_the_cached_pages_in_place(client, django_assert_max_num_queries):
    """Each search is counted for 热搜: a write, but not content, so every other page stays cached."""
    notice = NoticePageFactory(title="关于开展社区义诊活动的通知")
    first = client.get(notice.url).content
    assert client.get("/search/", {"q": "义诊"}).status_code == 200
    with django_assert_max_num_queries(0):
        assert client.get(notice.url).content == first


def test_a_comment_awaiting_moderation_leaves_the_cached_pages_in_place(client, django_assert_max_num_queries):
    """A flood of comments would otherwise make every citizen's next pages render afresh, once per comment."""
    project = ProjectPageFactory(title="长者助餐服务项目")
    first = client.get(project.url).content
    sent = client.post(
        reverse("feedback:comment", args=[project.pk]), {"name": "居民王女士", "text": "助餐点的饭菜很合口味。"}
    )
    assert sent.status_code == 302
    with django_assert_max_num_queries(0):
        assert client.get(project.url).content == first

    comment = Comment.objects.get()
    comment.status = ModerationStatus.APPROVED
    comment.save()  # approved: now it is content, shown at once
    assert "助餐点的饭菜很合口味" in client.get(project.url).content.decode()
