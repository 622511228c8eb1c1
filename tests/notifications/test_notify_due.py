"""`shegong notify_due`, run daily by cron: editors hear of publicity periods about to end."""

import datetime

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone

from shegong.pages.enums import NoticeKind
from tests.factories import NoticePageFactory
from tests.notifications.conftest import recipients

pytestmark = pytest.mark.django_db


def publicity_notice(title, ends_in_days, **kwargs):
    today = timezone.localdate()
    return NoticePageFactory(
        title=title,
        kind=NoticeKind.APPROVAL_PUBLICITY,
        published_on=today - datetime.timedelta(days=5),
        publicity_until=today + datetime.timedelta(days=ends_in_days),
        **kwargs,
    )


def test_editors_get_one_mail_listing_the_periods_ending_soon(people, mailoutbox, settings, committed):
    settings.SHEGONG_PUBLICITY_ENDING_DAYS = 2
    ending = publicity_notice("阳光助老项目立项公示", 1)
    publicity_notice("远未结束的公示", 10)
    publicity_notice("草稿中的公示", 1, live=False)
    with committed():
        call_command("notify_due")
    assert recipients(mailoutbox) == ["bianji@example.com"]
    body = mailoutbox[0].body
    assert "阳光助老项目立项公示" in body and "远未结束的公示" not in body and "草稿中的公示" not in body
    assert reverse("wagtailadmin_pages:edit", args=[ending.pk]) in body


def test_nothing_ending_sends_nothing(people, mailoutbox, committed):
    publicity_notice("远未结束的公示", 10)
    with committed():
        call_command("notify_due", days=3)
    assert mailoutbox == []


def test_a_negative_window_is_refused_in_chinese(people):
    with pytest.raises(CommandError, match="不能为负数"):
        call_command("notify_due", days=-1)
