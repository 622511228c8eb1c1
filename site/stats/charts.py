"""Horizontal bar charts as inline SVG, drawn on the server: no script, no CDN, readable without styles."""

from django.utils.html import format_html, format_html_join

ROW = 28
LABEL_WIDTH = 170
BAR_WIDTH = 330
WIDTH = LABEL_WIDTH + BAR_WIDTH + 270  # room for "预算 1,234.5 万元，已拨付 1,234.5 万元"
LABEL_CHARS = 12


def short(label):
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def bar_chart(title, rows, describe):
    """`rows` are (label, value, part): `part` (may be None) is drawn darker inside the bar, e.g. spent within budget.

    `describe(value, part)` gives the text written after each bar and read by screen readers.
    """
    if not rows:
        return format_html('<p class="chart-empty">{}：暂无数据</p>', title)
    top = max(value for _, value, _ in rows) or 1
    height = ROW * len(rows) + 8
    bars = []
    for i, (label, value, part) in enumerate(rows):
        y = 4 + i * ROW
        width = round(BAR_WIDTH * float(value) / float(top), 1)
        part_bar = ""
        if part:
            part_width = round(BAR_WIDTH * float(min(part, value) if value else part) / float(top), 1)
            part_bar = format_html(
                '<rect class="bar-part" x="{}" y="{}" width="{}" height="{}" fill="#b3261e"/>',
                LABEL_WIDTH, y + 4, part_width, ROW - 10,
            )
        bars.append(format_html(
            '<g><title>{}：{}</title>'
            '<text x="{}" y="{}" text-anchor="end" font-size="13">{}</text>'
            '<rect class="bar" x="{}" y="{}" width="{}" height="{}" fill="#f2b8b5"/>{}'
            '<text x="{}" y="{}" font-size="12">{}</text></g>',
            label, describe(value, part),
            LABEL_WIDTH - 8, y + ROW / 2 + 4, short(label),
            LABEL_WIDTH, y + 4, width, ROW - 10, part_bar,
            LABEL_WIDTH + width + 6, y + ROW / 2 + 4, describe(value, part),
        ))
    return format_html(
        '<figure class="chart"><figcaption>{}</figcaption>'
        '<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{}" viewBox="0 0 {} {}" width="100%" '
        'style="max-width:{}px" font-family="sans-serif">{}</svg></figure>',
        title, title, WIDTH, height, WIDTH, format_html_join("", "{}", ((bar,) for bar in bars)),
    )


def wan(amount):
    """Yuan as 万元 with one decimal, how budgets are spoken of."""
    return f"{float(amount) / 10000:,.1f} 万元"


def count_chart(title, totals):
    return bar_chart(title, [(t.label, t.projects, None) for t in totals], lambda value, _: f"{value} 个")


def funds_chart(title, totals):
    return bar_chart(
        title, [(t.label, t.funds.budget, t.funds.spent) for t in totals],
        lambda budget, spent: f"预算 {wan(budget)}，已拨付 {wan(spent or 0)}",
    )


def coverage_chart(title, coverage):
    return bar_chart(
        title, [(row.street.name, row.communities, row.covered) for row in coverage if row.communities],
        lambda communities, covered: f"{covered or 0}/{communities} 个社区有服务点",
    )


def figure_charts(figures):
    """(heading, [charts]) for each grouping, then station coverage; the public page and the admin panel show these."""
    sections = []
    for by, (label, group_totals) in figures.groups.items():
        charts = [count_chart(f"各{label}项目数", group_totals)]
        if by != "stage":
            charts.append(funds_chart(f"各{label}项目资金（浅色为预算，深色为已拨付）", group_totals))
        sections.append((f"按{label}", charts))
    sections.append(("社工站点覆盖", [coverage_chart("各街道社区服务点覆盖（浅色为社区总数，深色为已设服务点的社区）", figures.coverage)]))
    return sections
