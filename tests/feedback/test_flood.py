"""A comment flood that is already refused costs the site a read per post, never a write."""

import pytest
from django.urls import reverse

from shegong.feedback.models import Comment, SubmissionCount
from tests.factories import ProjectPageFactory

pytestmark = pytest.mark.usefixtures("home")


def test_posts_past_the_limit_are_refused_before_anything_is_written(client, settings):
    settings.SHEGONG_FEEDBACK_LIMIT = 3
    url = reverse("feedback:comment", args=[ProjectPageFactory().pk])
    codes = [
        client.post(url, {"name": "刷屏", "text": f"广告{n}"}, REMOTE_ADDR="10.0.0.9").status_code for n in range(8)
    ]
    assert codes == [302] * 3 + [429] * 5
    refused = client.post(url, {"name": "刷屏", "text": "广告"}, REMOTE_ADDR="10.0.0.9")
    assert refused.status_code == 429 and "提交过于频繁" in refused.content.decode()
    assert Comment.objects.count() == 3
    # The address's count stops at the limit: the refused posts were not counted, so they wrote nothing.
    assert SubmissionCount.objects.get().count == 3
