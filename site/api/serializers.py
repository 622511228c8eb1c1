"""Nested objects of the API: what a consuming site sees of a related record, and nothing private."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from shegong.evaluations.models import Evaluation, EvaluationGrade
from shegong.feedback.models import ObjectionOutcome
from shegong.funds.models import PaymentKind
from shegong.funds.summary import CENT, Funds
from shegong.pages.enums import ProjectStage
from shegong.pages.models import ProjectMilestone, ProjectParticipant
from shegong.snippets.models import Department, ListStatus, ProjectCategory, Region, SocialOrganization

from .links import absolute

# The rendition sizes a consuming site can ask for, named by use.
RENDITIONS = {"thumbnail": "fill-320x240", "medium": "max-800x600", "large": "max-1600x1200"}
FILTERS = {name: Filter(spec=spec) for name, spec in RENDITIONS.items()}


class LabelField(serializers.CharField):
    """The Chinese label of a coded value, served beside it: `stage_label` beside `stage`."""

    def __init__(self, code_field, **kwargs):
        kwargs.setdefault("source", f"get_{code_field}_display")
        super().__init__(read_only=True, help_text=f"{code_field} 的中文名称", **kwargs)


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "short_name"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectCategory
        fields = ["id", "name"]


class RegionSerializer(serializers.ModelSerializer):
    level_label = LabelField("level")

    class Meta:
        model = Region
        fields = ["id", "name", "level", "level_label", "code"]


class ListingSerializer(serializers.Serializer):
    """The red/black list entry (红黑榜) of an organization; `in_force` says whether it applies today."""

    status = serializers.ChoiceField(source="list_status", choices=ListStatus.choices, read_only=True)
    status_label = LabelField("status", source="get_list_status_display")
    reason = serializers.CharField(source="list_reason", read_only=True)
    listed_on = serializers.DateField(read_only=True, allow_null=True)
    until = serializers.DateField(source="list_until", read_only=True, allow_null=True)
    in_force = serializers.SerializerMethodField()

    def get_in_force(self, organization) -> bool:
        return bool(organization.listing_in_force(timezone.localdate()))


class OrganizationSerializer(serializers.ModelSerializer):
    """An implementing organization as it appears inside a project: never its contact details."""

    rating_label = LabelField("rating")
    listing = ListingSerializer(source="*", read_only=True)

    class Meta:
        model = SocialOrganization
        fields = ["id", "name", "credit_code", "rating", "rating_label", "listing"]


assert not set(OrganizationSerializer.Meta.fields) & set(SocialOrganization.PRIVATE_FIELDS)


class RenditionSerializer(serializers.Serializer):
    url = serializers.URLField()
    width = serializers.IntegerField()
    height = serializers.IntegerField()


class RenditionsSerializer(serializers.Serializer):
    thumbnail = RenditionSerializer()
    medium = RenditionSerializer()
    large = RenditionSerializer()


@extend_schema_field(RenditionsSerializer)
class RenditionsField(serializers.Field):
    """An image's ready-made renditions by use, so a consuming site never resizes."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, image):
        # Prefetched renditions first: get_renditions() would also write each one back to the cache.
        found = image.find_existing_renditions(*FILTERS.values())
        if len(found) < len(FILTERS):
            made = image.get_renditions(*(f for f in FILTERS.values() if f not in found))
            found.update({f: made[f.spec] for f in FILTERS.values() if f not in found})
        request = self.context.get("request")
        return {
            name: {
                "url": absolute(found[f].url, request),
                "width": found[f].width,
                "height": found[f].height,
            }
            for name, f in FILTERS.items()
        }


class ImageSerializer(serializers.ModelSerializer):
    renditions = RenditionsField()

    class Meta:
        model = get_image_model()
        fields = ["id", "title", "width", "height", "renditions"]


class DocumentSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField()

    class Meta:
        model = Document
        fields = ["id", "title", "url"]

    def get_url(self, document) -> str:
        return absolute(document.url, self.context.get("request"))


class ParticipantSerializer(serializers.ModelSerializer):
    kind_label = LabelField("kind")

    class Meta:
        model = ProjectParticipant
        fields = ["name", "kind", "kind_label"]


class MilestoneSerializer(serializers.ModelSerializer):
    stage_label = LabelField("stage")

    class Meta:
        model = ProjectMilestone
        fields = ["stage", "stage_label", "reached_on", "note"]


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(source="display_title")
    document = DocumentSerializer()


class PageLinkSerializer(serializers.Serializer):
    """A link to another page: enough to show it and to fetch it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()


class ObjectionAnswerSerializer(serializers.Serializer):
    """An answered objection as the notice publishes it: the answer, never who objected or how to reach them."""

    project = PageLinkSerializer()
    received_on = serializers.DateField(help_text="收到异议的日期")
    outcome = serializers.ChoiceField(choices=ObjectionOutcome.choices)
    outcome_label = LabelField("outcome")
    reply = serializers.CharField(help_text="答复")


class PaymentSerializer(serializers.Serializer):
    """A disbursement as the project page shows it: no voucher, note or override reason, which stay in the admin."""

    paid_on = serializers.DateField()
    kind = serializers.ChoiceField(choices=PaymentKind.choices, help_text="first 首期款 / midterm 中期款 / final 尾款")
    kind_label = LabelField("kind")
    amount = serializers.DecimalField(max_digits=14, decimal_places=2)


class FundsSerializer(serializers.Serializer):
    budget = serializers.DecimalField(max_digits=14, decimal_places=2, help_text="项目预算（元）")
    spent = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="已拨付（元）")
    remaining = serializers.DecimalField(max_digits=16, decimal_places=2, help_text="结余（元），超拨时为负数")
    percent = serializers.DecimalField(
        max_digits=20, decimal_places=1, allow_null=True, help_text="拨付比例（%）；预算为 0 时为 null"
    )
    payments = PaymentSerializer(many=True, help_text="拨付记录，按日期")


@extend_schema_field(FundsSerializer)
class FundsField(serializers.Field):
    """Budget, spent, remaining and percentage, with the payments: what the project page's 资金动态 shows."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, project):
        # Written out rather than through FundsSerializer, which documents it: a serializer per project per
        # listing costs more than the rest of the project's fields. Decimals are strings, as DRF writes them.
        payments = sorted(project.disbursements.all(), key=lambda payment: (payment.paid_on, payment.pk))
        funds = Funds(project.budget, sum(payment.amount for payment in payments))
        return {
            "budget": str(funds.budget),
            "spent": str(funds.spent),
            "remaining": str(funds.remaining),
            "percent": None if funds.percent is None else str(funds.percent),
            "payments": [
                {
                    "paid_on": p.paid_on.isoformat(),
                    "kind": p.kind,
                    "kind_label": p.get_kind_display(),
                    "amount": str(p.amount.quantize(CENT)),
                }
                for p in payments
            ],
        }


class TimelineStepSerializer(serializers.Serializer):
    stage = serializers.ChoiceField(choices=ProjectStage.choices)
    stage_label = LabelField("stage")
    reached_on = serializers.DateField(allow_null=True, help_text="最近一次进入该阶段的日期；尚未进入时为 null")


@extend_schema_field(TimelineStepSerializer(many=True))
class TimelineField(serializers.Field):
    """Every stage in order with the date it was last reached, as the project page's 项目进程 shows."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, project):
        return [
            {
                "stage": step["stage"].value,
                "stage_label": step["stage"].label,
                "reached_on": step["reached_on"] and step["reached_on"].isoformat(),
            }
            for step in project.timeline()
        ]


@extend_schema_field(serializers.DateField(allow_null=True))
class StageReachedOnField(serializers.Field):
    """The date the project reached its current stage, from the same timeline."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, project):
        reached = next(step["reached_on"] for step in project.timeline() if step["stage"] == project.stage)
        return reached and reached.isoformat()


class RatingSerializer(serializers.Serializer):
    average = serializers.FloatField(allow_null=True, help_text="平均分（1–5，两位小数）；无人评分时为 null")
    count = serializers.IntegerField(help_text="评分人数")


@extend_schema_field(RatingSerializer)
class RatingField(serializers.Field):
    """The public's average rating, from approved comments only."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, project):
        # Listings load the approved ratings up front (fields.RELATED); a preview's draft asks for them.
        ratings = getattr(project, "approved_ratings", None)
        if ratings is None:
            ratings = project.comments.approved().exclude(rating=None)
        scores = [comment.rating for comment in ratings]
        return {"average": round(sum(scores) / len(scores), 2) if scores else None, "count": len(scores)}


def published_result(project):
    """The project's latest evaluation published with its 评估结果公示, or None: a draft result never shows."""
    # Listings load the published results up front (fields.RELATED); a single project or a preview asks here.
    results = getattr(project, "published_evaluations", None)
    if results is None:
        results = Evaluation.objects.published().filter(project=project).order_by("-evaluated_on", "-pk")[:1]
    return next(iter(results), None)


@extend_schema_field(serializers.ChoiceField(choices=EvaluationGrade.choices, allow_null=True))
class GradeField(serializers.Field):
    """The grade of the latest published evaluation; null before any is published."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, project):
        result = published_result(project)
        return result and result.grade


@extend_schema_field(serializers.CharField(allow_null=True, help_text="grade 的中文名称"))
class GradeLabelField(GradeField):
    def to_representation(self, project):
        result = published_result(project)
        return result and result.get_grade_display()


class PhotoSerializer(serializers.Serializer):
    caption = serializers.CharField()
    image = ImageSerializer()
