"""The search parameters, validated once for the search page and the API."""

import re

from rest_framework import serializers

from .engines.query import FILTER_FIELDS, Sort
from .service import CHOICES

MAX_QUERY_CHARS = 200
MAX_PAGE = 1000
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class QueryTextField(serializers.CharField):
    """Control characters (NUL included) are dropped rather than refused: they are never meant."""

    def to_internal_value(self, data):
        return _CONTROL.sub(" ", super().to_internal_value(data)).strip()


def choice(name, label):
    return serializers.ChoiceField(
        choices=list(CHOICES[name].items()),
        required=False,
        label=label,
        error_messages={"invalid_choice": f"“{{input}}”不是有效的{label}，可选：{'、'.join(CHOICES[name])}。"},
    )


def text(label):
    return serializers.CharField(
        required=False, max_length=200, label=label, error_messages={"max_length": f"{label}不能超过 200 个字符。"}
    )


class SearchParamsSerializer(serializers.Serializer):
    q = QueryTextField(
        required=False,
        allow_blank=True,
        default="",
        trim_whitespace=True,
        max_length=MAX_QUERY_CHARS,
        label="检索词",
        error_messages={"max_length": f"检索词太长：最多 {MAX_QUERY_CHARS} 个字符。"},
    )
    type = choice("type", "内容类型")
    level = choice("level", "政策层级")
    issuer = text("发文机关")
    status = choice("status", "效力状态")
    category = text("项目类别")
    department = text("购买部门")
    organization = text("承接社会组织")
    street = text("街道")
    stage = choice("stage", "项目阶段")
    kind = choice("kind", "公告类型")
    year = serializers.IntegerField(
        required=False,
        min_value=1949,
        max_value=2100,
        label="年度",
        error_messages={
            "invalid": "年度须为四位数字。",
            "min_value": "年度不能早于 1949。",
            "max_value": "年度不能晚于 2100。",
        },
    )
    date_from = serializers.DateField(
        required=False, label="起始日期", error_messages={"invalid": "起始日期格式应为 YYYY-MM-DD。"}
    )
    date_to = serializers.DateField(
        required=False, label="截止日期", error_messages={"invalid": "截止日期格式应为 YYYY-MM-DD。"}
    )
    sort = serializers.ChoiceField(
        choices=[(Sort.RELEVANCE, "相关度"), (Sort.NEWEST, "最新")],
        default=Sort.RELEVANCE,
        label="排序",
        error_messages={"invalid_choice": "排序只能是 relevance（相关度）或 newest（最新）。"},
    )
    page = serializers.IntegerField(
        default=1,
        min_value=1,
        max_value=MAX_PAGE,
        label="页码",
        error_messages={
            "invalid": "页码须为正整数。",
            "min_value": "页码须为正整数。",
            "max_value": f"页码不能超过 {MAX_PAGE}。",
        },
    )
    page_size = serializers.IntegerField(
        default=10,
        min_value=1,
        max_value=50,
        label="每页条数",
        error_messages={
            "invalid": "每页条数须为 1–50 的整数。",
            "min_value": "每页条数须为 1–50 的整数。",
            "max_value": "每页条数须为 1–50 的整数。",
        },
    )

    def validate(self, attrs):
        if attrs.get("date_from") and attrs.get("date_to") and attrs["date_from"] > attrs["date_to"]:
            raise serializers.ValidationError({"date_to": "截止日期不能早于起始日期。"})
        return attrs

    def search_kwargs(self):
        data = self.validated_data
        filters = {name: [data[name]] for name in FILTER_FIELDS if data.get(name) not in (None, "")}
        return {
            "q": data["q"],
            "filters": filters,
            "date_from": data.get("date_from"),
            "date_to": data.get("date_to"),
            "sort": data["sort"],
            "page": data["page"],
            "page_size": data["page_size"],
        }


def error_message(errors) -> str:
    """All validation errors as one Chinese sentence per field."""
    return " ".join(str(message) for messages in errors.values() for message in messages)
