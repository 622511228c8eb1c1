"""Reading one value of a row: each function returns a clean Python value or raises RowError.

Messages name their field as `{field}`, which the report fills in with the name the person sees: the JSON
key, or the spreadsheet's column header.
"""

import datetime
import decimal

from shegong.pages.enums import ParticipantKind, ProjectStage

# A text without a length in its model field (a summary, a body) is still held to this many characters, so a
# runaway cell or a pasted file is a row error, not a page nobody can open.
TEXT_LIMIT = 50_000


class RowError(Exception):
    """A row that cannot be imported: the message is for the person who wrote the file."""

    def __init__(self, message, field=None, code="invalid"):
        super().__init__(message)
        self.field = field
        self.code = code


def max_length(model, name):
    return model._meta.get_field(name).max_length or TEXT_LIMIT


def text(row, key, required=False, limit=TEXT_LIMIT):
    value = row.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RowError(f"{{field}}应为文本，收到 {short(value)}", key, "type")
    if "\x00" in value:
        raise RowError("{field}含有空字符（NUL），请删除后重试", key, "nul")
    value = value.strip()
    if required and not value:
        raise RowError("缺少{field}", key, "required")
    if len(value) > limit:
        raise RowError(f"{{field}}过长（{len(value)} 字，上限 {limit}）", key, "too_long")
    return value


def model_text(row, key, model, name=None, required=False):
    """A text for model field `name` (the key by default), held to that field's max_length."""
    return text(row, key, required=required, limit=max_length(model, name or key))


def date(row, key, required=False, name=None):
    """`name` is the field as messages call it, when that is not its key (a value nested in a row)."""
    name = name or key
    value = row.get(key)
    if value in (None, ""):
        if required:
            raise RowError("缺少日期{field}", name, "required")
        return None
    if not isinstance(value, str):
        raise RowError(f"{{field}}日期格式应为 YYYY-MM-DD，收到 {short(value)}", name, "date")
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise RowError(f"{{field}}日期格式应为 YYYY-MM-DD，收到 {short(value)}", name, "date") from None


def amount(row, key, model, name):
    """A sum of money in yuan for a DecimalField: at most two decimals, and as many digits as the field holds."""
    value = row.get(key)
    if isinstance(value, bool) or not isinstance(value, (str, int, float, decimal.Decimal)):
        raise RowError(f'{{field}}应为金额（如 "198000.00"），收到 {short(value)}', key, "amount")
    try:
        result = decimal.Decimal(str(value).replace(",", "").strip())
    except decimal.InvalidOperation:
        raise RowError(f'{{field}}应为金额（如 "198000.00"），收到 {short(value)}', key, "amount") from None
    if not result.is_finite() or result < 0:
        raise RowError(f"{{field}}不能为负数或非数字，收到 {short(value)}", key, "amount")
    if result.as_tuple().exponent < -2:
        raise RowError(f"{{field}}最多保留两位小数，收到 {short(value)}", key, "amount")
    field = model._meta.get_field(name)
    limit = decimal.Decimal(10) ** (field.max_digits - field.decimal_places)
    if result >= limit:
        raise RowError(f"{{field}}过大，收到 {short(value)}（上限 {limit - 1:,} 元）", key, "amount")
    return result.quantize(decimal.Decimal("0.01"))


def count(row, key):
    value = row.get(key) or 0
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < 2**31:
        raise RowError(f"{{field}}应为非负整数，收到 {short(value)}", key, "integer")
    return value


def choice(row, key, choices, required=True, default=None):
    value = row.get(key)
    if value in (None, ""):
        if required and default is None:
            raise RowError("缺少{field}", key, "required")
        return default
    if not isinstance(value, str) or value not in choices.values:
        raise RowError(f"{{field}}的值 {short(value)} 无效，应为：{choices_text(choices)}", key, "choice")
    return value


def string_list(row, key):
    value = row.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError("{field}应为文本列表", key, "type")
    return [text({key: v}, key, limit=100) for v in value if v.strip()]


def choices_text(choices):
    return "、".join(f"{label}（{value}）" for value, label in choices.choices)


def short(value):
    """A value as a message quotes it: its repr, cut short so a 10 MB cell does not become a 10 MB message."""
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def participants(row, model):
    """The "N" of 1+1+1+N: [{"name", "kind"}] as (kind, name) pairs; kind one of ParticipantKind (其他力量 when left out)."""
    items = row.get("participants") or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise RowError('{field}应为 [{"name", "kind"}] 列表', "participants", "type")
    limit = max_length(model, "name")
    result = []
    for item in items:
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RowError("{field}中有一项缺少名称", "participants", "required")
        name = text(item, "name", limit=limit)
        kind = item.get("kind") or ParticipantKind.OTHER
        if kind not in ParticipantKind.values:
            raise RowError(
                f"{{field}}中“{name}”的类型 {short(kind)} 无效，应为：{choices_text(ParticipantKind)}",
                "participants",
                "choice",
            )
        result.append([kind, name])
    return result


def stage_dates(row):
    """{stage: date, or None to clear it} for the stages a row names."""
    dates = row.get("stage_dates")
    if not isinstance(dates, dict):
        raise RowError("{field}应为 {阶段: 日期} 对象", "stage_dates", "type")
    for key in dates:
        if key not in ProjectStage.values:
            raise RowError(
                f"{{field}}中的阶段 {short(key)} 无效，应为：{choices_text(ProjectStage)}", "stage_dates", "choice"
            )
    return {key: date(dates, key, name=f"stage_dates.{key}") for key in ProjectStage.values if key in dates}
