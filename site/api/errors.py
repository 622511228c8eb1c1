"""Wagtail's API v2 and Django answer bad requests in English; consumers read them in Chinese.

Each known message is matched and rewritten with its details (the field, the number) kept. A message
not known here (a new Wagtail release) still reaches the consumer, behind a Chinese sentence.
"""

import re

CJK = re.compile(r"[\u4e00-\u9fff]")

TRANSLATIONS = [
    (r"limit cannot be higher than (\d+)", r"limit 不能大于 \1。"),
    (
        r"(limit|offset|child_of|descendant_of|ancestor_of|translation_of) must be a positive integer",
        r"\1 须为非负整数。",
    ),
    (r"unknown fields: (.*)", r"没有这些字段：\1。"),
    (r"fields error: (.*)", r"fields 参数有误：\1"),
    (r"'(.*)' does not support nested fields", r"字段 \1 不能再选子字段。"),
    (r"'(.*)' cannot be negated", r"字段 \1 不能用 - 排除。"),
    (r"'(.*)' must be in the first position", r"\1 须写在 fields 的最前面。"),
    (r"additional fields with '\*' doesn't make sense", r"fields 中 * 已包含全部字段，不能再加字段。"),
    (r"negated fields with '_' doesn't make sense", r"fields 中 _ 表示不含任何字段，不能再用 - 排除。"),
    (r"unexpected char '(.)' at position (\d+)", r"fields 第 \2 个字符“\1”有误。"),
    (r"unexpected whitespace at position (\d+)", r"fields 第 \1 个字符是空格，请去掉。"),
    (r"unexpected end of input.*", r"fields 的括号没有配对。"),
    (r"cannot order by '(.*)' \(unknown field\)", r"不能按 \1 排序：没有这个字段。"),
    (r"cannot order by '(.*)' \(invalid field\)", r"不能按 \1 排序。"),
    (r"cannot order by '(.*)' while searching.*", r"检索时不能按 \1 排序。"),
    (r"cannot filter by '(.*)' while searching.*", r"检索时不能按 \1 筛选。"),
    (r"random ordering with offset is not supported", r"随机排序不能与 offset 同用。"),
    (r"random ordering cannot be combined with other fields", r"随机排序不能与其他排序字段同用。"),
    (r"filtering by tag with a search query is not supported", r"检索时不能按标签筛选。"),
    (r"filtering by descendant_of with child_of is not supported", r"descendant_of 与 child_of 不能同用。"),
    (r"(parent|ancestor|descendant|translation_of) page doesn't exist", r"所指的页面不存在。"),
    (r"type doesn't exist", r"没有这种页面类型。"),
    (r"search is disabled", r"未开放检索。"),
    (r"expected 'true' or 'false', got '(.*)'", r"须为 true 或 false，收到的是“\1”。"),
    (r"field filter error\. '(.*)' is not a valid value for (\w+).*", r"“\1”不是 \2 的有效值。"),
    (r"field filter error\. null characters are not allowed for (\w+)", r"\1 中不能有空字符。"),
    (r"query parameter is not an operation or a recognised field: (.*)", r"不支持的查询参数：\1"),
    (r"No .* matches the given query\.?|not found", r"没有这条记录。"),
]
COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in TRANSLATIONS]

FALLBACK = {404: "没有这条记录或地址", 403: "无权访问", 405: "只支持 GET 请求"}


def in_chinese(message, status):
    if CJK.search(message):
        return message
    for pattern, replacement in COMPILED:
        if pattern.fullmatch(message):
            return pattern.sub(replacement, message)
    return f"{FALLBACK.get(status, '请求有误')}（{message}）。"
