"""Citizens and organizations read a call on the public site; the open ones are listed in 通知公告."""

import datetime

import pytest
from django.utils import timezone

from shegong.pages.models import NoticeIndexPage
from tests.calls.factories import ApplicationFactory, CallPageFactory
from tests.factories import CategoryFactory

pytestmark = pytest.mark.django_db


def test_a_call_shows_its_dates_ceiling_and_materials(client, home):
    call = CallPageFactory(title="2027 年为老服务项目征集公告", categories=[CategoryFactory(name="为老服务")])
    page = client.get(call.url).content.decode()
    assert "征集中" in page
    assert "为老服务" in page
    assert "200,000.00 元" in page
    assert "项目申报书、机构登记证书" in page


def test_the_notices_section_lists_open_calls_only(client, home):
    CallPageFactory(title="正在征集的公告")
    CallPageFactory(title="已截止的公告", closes_on=timezone.localdate() - datetime.timedelta(days=1))
    CallPageFactory(title="尚未发布的公告", live=False)
    page = client.get(NoticeIndexPage.objects.get().url).content.decode()
    assert "正在征集的公告" in page
    assert "已截止的公告" not in page
    assert "尚未发布的公告" not in page


def test_nothing_of_the_applications_is_public(client, home):
    application = ApplicationFactory(title="某机构尚未提交的申报草稿")
    page = client.get(application.call.url).content.decode()
    assert application.title not in page
    assert application.organization.name not in page
