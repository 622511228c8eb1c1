import datetime
from decimal import Decimal

from shegong.theme.templatetags.shegong_tags import amount, cn_date, date_span, wan, yuan


def test_yuan_groups_thousands_with_two_decimals():
    assert yuan(Decimal("1234567")) == "1,234,567.00 元"
    assert yuan(0) == "0.00 元"


def test_amount_is_the_bare_number_for_columns_headed_in_yuan():
    assert amount(Decimal("336800.5")) == "336,800.50"


def test_wan_reads_large_sums_in_ten_thousands():
    assert wan(Decimal("5904000")) == "590.4 万元"
    assert wan(Decimal("82000000")) == "8,200 万元"


def test_missing_values_show_a_dash_not_an_error():
    assert yuan(None) == "—"
    assert wan("not a number") == "—"
    assert cn_date(None) == "—"
    assert date_span(None, None) == "—"


def test_dates_read_the_chinese_way():
    assert cn_date(datetime.date(2022, 3, 1)) == "2022年3月1日"
    assert date_span(datetime.date(2022, 3, 1), datetime.date(2023, 2, 28)) == "2022年3月1日 至 2023年2月28日"
