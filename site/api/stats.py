"""Project counts, budget and paid-out (已拨付) totals, and policy counts: public pages only."""

from django.db.models import Count
from django.db.models.functions import ExtractYear
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from shegong.pages.enums import PolicyLevel, ProjectStage
from shegong.pages.models import PolicyPage, ProjectPage

from .caching import ConditionalGetMixin
from .descriptions import ENDPOINTS


class TotalSerializer(serializers.Serializer):
    key = serializers.CharField(allow_null=True, help_text="年度、部门编号、类别编号或阶段代码；未填写时为 null")
    label = serializers.CharField(help_text="显示名称")
    count = serializers.IntegerField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="预算合计（元）")
    spent = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="已拨付合计（元）")


class ProjectStatsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    budget = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="预算合计（元）")
    spent = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="已拨付合计（元）")
    by_year = TotalSerializer(many=True)
    by_department = TotalSerializer(many=True)
    by_category = TotalSerializer(many=True)
    by_stage = TotalSerializer(many=True)


class LevelCountSerializer(serializers.Serializer):
    key = serializers.ChoiceField(choices=PolicyLevel.choices)
    label = serializers.CharField()
    count = serializers.IntegerField()


class PolicyStatsSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    by_level = LevelCountSerializer(many=True)


class StatsSerializer(serializers.Serializer):
    projects = ProjectStatsSerializer()
    policies = PolicyStatsSerializer()


UNSET = "未填写"


def totals(projects, key, label=None):
    return [
        {
            "key": row[key],
            "label": str(row[label] if label else row[key]) if row[key] is not None else UNSET,
            "count": row["count"],
            "budget": row["budget"],
            "spent": row["spent"],
        }
        for row in projects.totals_by(key, *([label] if label else []))
    ]


class StatsAPIView(ConditionalGetMixin, APIView):
    """Totals over the published, public projects and policies."""

    def projects(self):
        return ProjectPage.objects.published()

    def policies(self):
        return PolicyPage.objects.live().public()

    @extend_schema(
        responses=StatsSerializer,
        operation_id="stats",
        tags=["stats"],
        summary=ENDPOINTS["stats"][0],
        description=ENDPOINTS["stats"][1],
    )
    def get(self, request):
        projects = self.projects()
        overall = projects.totals()
        stage_labels = dict(ProjectStage.choices)
        by_stage = [{**row, "label": stage_labels.get(row["key"], row["label"])} for row in totals(projects, "stage")]
        level_counts = dict(self.policies().values_list("level").annotate(count=Count("pk")))
        data = {
            "projects": {
                "count": overall["count"],
                "budget": overall["budget"],
                "spent": overall["spent"],
                "by_year": totals(projects.annotate(year=ExtractYear("start_date")), "year"),
                "by_department": totals(projects, "purchaser_id", "purchaser__name"),
                "by_category": totals(projects, "category_id", "category__name"),
                "by_stage": by_stage,
            },
            "policies": {
                "count": sum(level_counts.values()),
                "by_level": [
                    {"key": level.value, "label": level.label, "count": level_counts.get(level.value, 0)}
                    for level in PolicyLevel
                ],
            },
        }
        return Response(StatsSerializer(data).data)
