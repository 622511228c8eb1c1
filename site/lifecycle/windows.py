"""How long a publicity notice stays open: calendar days, or working days on the Chinese official calendar.

Working days come from `chinesecalendar`, which carries the State Council's holiday arrangement year by year,
调休 make-up working days included. A year it does not know yet (the arrangement is announced each November)
follows SHEGONG_HOLIDAYS / SHEGONG_MAKEUP_WORKDAYS when the operator lists its days there, else weekends only.
"""

import datetime

import chinese_calendar
from django.conf import settings
from django.db import models


class DayCount(models.TextChoices):
    CALENDAR = "calendar", "自然日"
    WORKING = "working", "工作日"


def publicity_days():
    return int(getattr(settings, "SHEGONG_PUBLICITY_DAYS", 7))


def day_count():
    return DayCount(getattr(settings, "SHEGONG_PUBLICITY_DAY_COUNT", DayCount.CALENDAR))


def is_working_day(day):
    if day in set(getattr(settings, "SHEGONG_MAKEUP_WORKDAYS", ())):
        return True
    if day in set(getattr(settings, "SHEGONG_HOLIDAYS", ())):
        return False
    try:
        return chinese_calendar.is_workday(day)
    except NotImplementedError:  # a year the library has no arrangement for
        return day.weekday() < 5


def publicity_end(start, days=None, count=None):
    """The last day of a publicity period that opens on `start` and runs `days` days after it."""
    days = publicity_days() if days is None else days
    count = day_count() if count is None else DayCount(count)
    if count == DayCount.CALENDAR:
        return start + datetime.timedelta(days=days)
    day = start
    while days > 0:
        day += datetime.timedelta(days=1)
        days -= is_working_day(day)
    return day


def window_label():
    """ "7 个自然日" or "5 个工作日": how the site counts the period, for the notice's text."""
    return f"{publicity_days()} 个{day_count().label}"
