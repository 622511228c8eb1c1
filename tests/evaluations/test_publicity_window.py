"""The publicity period in calendar or working days; working days follow the official holiday arrangement."""

import datetime

import pytest

from shegong.lifecycle.windows import publicity_end
from shegong.pages.models import NoticePage
from tests.factories import ProjectPageFactory
from tests.lifecycle.test_stage_changes import change

pytestmark = pytest.mark.django_db

# 2026: National Day and Mid-Autumn holiday 10月1日–7日, Saturday 10月10日 a make-up working day (调休).
EVE_OF_NATIONAL_DAY = datetime.date(2026, 9, 30)


def test_calendar_days_count_every_day():
    assert publicity_end(EVE_OF_NATIONAL_DAY, 7, "calendar") == datetime.date(2026, 10, 7)


def test_working_days_skip_the_holiday_and_count_the_make_up_saturday():
    # 10月8日 (Thu), 9日 (Fri), 10日 (Sat, 调休), 12日 (Mon), 13日 (Tue).
    assert publicity_end(EVE_OF_NATIONAL_DAY, 5, "working") == datetime.date(2026, 10, 13)


def test_an_ordinary_week_skips_the_weekend():
    friday = datetime.date(2026, 11, 6)
    assert publicity_end(friday, 5, "working") == datetime.date(2026, 11, 13)


def test_a_year_the_calendar_does_not_know_follows_the_days_listed_in_settings(settings):
    new_year = datetime.date(2027, 1, 1)
    # Without a list, weekends only: Friday 1 January counts as a working day.
    assert publicity_end(datetime.date(2026, 12, 31), 1, "working") == new_year
    settings.SHEGONG_HOLIDAYS = [new_year]
    settings.SHEGONG_MAKEUP_WORKDAYS = [datetime.date(2027, 1, 2)]
    assert publicity_end(datetime.date(2026, 12, 31), 1, "working") == datetime.date(2027, 1, 2)


def test_the_drafted_notice_uses_the_configured_count_and_says_so(admin_client, home, settings):
    settings.SHEGONG_PUBLICITY_DAY_COUNT = "working"
    settings.SHEGONG_PUBLICITY_DAYS = 5
    project = ProjectPageFactory(stage="review")
    change(admin_client, project, "publicity", EVE_OF_NATIONAL_DAY.isoformat())
    notice = NoticePage.objects.get(related_projects__project=project)
    assert notice.publicity_until == datetime.date(2026, 10, 13)
    text = str(notice.get_latest_revision_as_object().body[0].value)
    assert "2026年09月30日 至 2026年10月13日" in text and "5 个工作日" in text
