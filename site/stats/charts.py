"""Horizontal bar charts drawn on the server as HTML rows: labels and values are real text at the page's own size,
so they stay readable at every width; only the bar itself is a small SVG, hidden from screen readers since the
text beside it says the same. Each chart carries its figures as a table too. No script, no CDN, no inline styles.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from shegong.funds.money import wan

BAR_UNITS = 100  # the bar's SVG viewBox is 100 wide: widths are percentages of the largest value


@dataclass
class Bar:
    label: str
    value: object
    part: object
    text: str
    width: float
    part_width: float


@dataclass
class Chart:
    title: str
    bars: list
    value_heading: str
    part_heading: str = ""
    value_legend: str = ""
    part_legend: str = ""
    table_values: list = None
    # The coverage chart's figures are in the coverage table below it, with more columns.
    own_table: bool = True

    def __str__(self):
        return render_to_string("stats/chart.html", {"chart": self})

    def __html__(self):
        return mark_safe(str(self))


def bar_chart(title, rows, describe, value_heading, part_heading="", legends=("", ""), value_text=str):
    """`rows` are (label, value, part): `part` (may be None) is drawn darker inside the bar, e.g. spent within budget.

    `describe(value, part)` gives the text written beside each bar.
    """
    top = float(max((value for _, value, _ in rows), default=0) or 1)
    bars = []
    for label, value, part in rows:
        width = round(BAR_UNITS * float(value) / top, 1)
        part_width = round(BAR_UNITS * float(min(part, value) if value else part) / top, 1) if part else 0
        bars.append(Bar(label, value, part, describe(value, part), width, part_width))
    return Chart(
        title,
        bars,
        value_heading,
        part_heading,
        *legends,
        table_values=[
            (bar.label, value_text(bar.value), value_text(bar.part or 0) if part_heading else None) for bar in bars
        ],
    )


def count_chart(title, totals):
    return bar_chart(
        title, [(t.label, t.projects, None) for t in totals], lambda value, _: f"{value} 个", "项目数（个）"
    )


def funds_chart(title, totals):
    return bar_chart(
        title,
        [(t.label, t.funds.budget, t.funds.spent) for t in totals],
        lambda budget, spent: f"预算 {wan(budget)}，已拨付 {wan(spent or 0)}",
        "预算（万元）",
        "已拨付（万元）",
        ("预算", "已拨付"),
        value_text=lambda amount: wan(amount).removesuffix(" 万元"),
    )


def coverage_chart(title, coverage):
    chart = bar_chart(
        title,
        [(row.street.name, row.communities, row.covered) for row in coverage if row.communities],
        lambda communities, covered: f"{covered or 0}/{communities} 个社区有服务点",
        "社区总数（个）",
        "设有服务点的社区（个）",
        ("社区总数", "已设服务点的社区"),
    )
    chart.own_table = False
    return chart


def figure_charts(figures):
    """(heading, [charts]) for each grouping, then station coverage; the public page and the admin panel show these."""
    sections = []
    for by, (label, group_totals) in figures.groups.items():
        charts = [count_chart(f"各{label}项目数", group_totals)]
        if by != "stage":
            charts.append(funds_chart(f"各{label}项目资金", group_totals))
        sections.append((f"按{label}", charts))
    sections.append(("社工站点覆盖", [coverage_chart("各街道社区服务点覆盖", figures.coverage)]))
    return sections
