"""What each content type shows in the API, and how to load it in a fixed number of queries.

Kept here rather than as `api_fields` on the models, so the API's contract lives in one place.
"""

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Prefetch
from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.api import APIField
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from shegong.evaluations.models import Evaluation
from shegong.feedback.models import Comment, Objection
from shegong.pages.models import NoticePage, PolicyPage, ProjectPage, StationPage
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization
from shegong.updates.models import ImplementationUpdate

from .serializers import (
    AttachmentSerializer,
    CategorySerializer,
    DepartmentSerializer,
    FundsField,
    GradeField,
    GradeLabelField,
    ImageSerializer,
    LabelField,
    ListingSerializer,
    MilestoneSerializer,
    ObjectionAnswerSerializer,
    OrganizationSerializer,
    PageLinkSerializer,
    ParticipantSerializer,
    PhotoSerializer,
    RatingField,
    RegionSerializer,
    RenditionsField,
    StageReachedOnField,
    TimelineField,
)


@extend_schema_field(PageLinkSerializer(many=True))
class RelatedProjectsField(serializers.Field):
    """The projects a notice links to, live and public ones only."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, links):
        # One query per response, shared through the serializer context by every notice in it.
        public = self.context.setdefault(
            "public_project_ids", set(ProjectPage.objects.published().values_list("pk", flat=True))
        )
        return [PageLinkSerializer(link.project).data for link in links.all() if link.project_id in public]


@extend_schema_field(ObjectionAnswerSerializer(many=True))
class ObjectionAnswersField(serializers.Field):
    """The notice's answered objections on live, public projects, as the notice page publishes them."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, notice):
        answered = getattr(notice, "answered_objections", None)
        if answered is None:
            answered = notice.objections.answered().select_related("project").order_by("created_at")
        public = self.context.setdefault(
            "public_project_ids", set(ProjectPage.objects.published().values_list("pk", flat=True))
        )
        return [
            {
                "project": PageLinkSerializer(objection.project).data,
                "received_on": timezone.localdate(objection.created_at).isoformat(),
                "outcome": objection.outcome,
                "outcome_label": objection.get_outcome_display(),
                "reply": objection.reply,
            }
            for objection in answered
            if objection.project_id in public
        ]


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class TagNamesField(serializers.Field):
    """Tag names in order; reads the prefetched tags, where Wagtail's own field queries per item."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, tags):
        return sorted(tag.name for tag in tags.all())


def coded(model, name):
    """Whether `name` is a model field with choices: a code whose label consumers need too."""
    try:
        return bool(model._meta.get_field(name).choices)
    except FieldDoesNotExist:
        return False


def with_labels(model, fields):
    """Each coded field followed by its Chinese label, `stage` → `stage_label`."""
    labelled = []
    for field in fields:
        labelled.append(field)
        if isinstance(field, str) and coded(model, field):
            labelled.append(APIField(f"{field}_label", serializer=LabelField(field)))
    return labelled


def label_names(model, names):
    return [label for name in names for label in ([name, f"{name}_label"] if coded(model, name) else [name])]


API_FIELDS = {
    ProjectPage: [
        "code",
        APIField("category", serializer=CategorySerializer(read_only=True)),
        APIField("purchaser", serializer=DepartmentSerializer(read_only=True)),
        APIField("organization", serializer=OrganizationSerializer(read_only=True)),
        APIField("street", serializer=RegionSerializer(read_only=True)),
        APIField("community", serializer=RegionSerializer(read_only=True)),
        "budget",
        "start_date",
        "end_date",
        "stage",
        APIField("stage_reached_on", serializer=StageReachedOnField()),
        "social_worker",
        "summary",
        APIField("image", serializer=ImageSerializer(read_only=True)),
        "body",
        APIField("tags", serializer=TagNamesField()),
        APIField("participants", serializer=ParticipantSerializer(many=True, read_only=True)),
        APIField("milestones", serializer=MilestoneSerializer(many=True, read_only=True)),
        APIField("timeline", serializer=TimelineField()),
        APIField("funds", serializer=FundsField()),
        APIField("rating", serializer=RatingField()),
        APIField("grade", serializer=GradeField()),
        APIField("grade_label", serializer=GradeLabelField()),
    ],
    PolicyPage: [
        "document_number",
        "level",
        "issuer",
        "issued_on",
        "effective_on",
        "status",
        "summary",
        "body",
        APIField("topics", serializer=TagNamesField()),
        APIField("attachments", serializer=AttachmentSerializer(many=True, read_only=True)),
    ],
    NoticePage: [
        "kind",
        "published_on",
        "publicity_until",
        "supervision_phone",
        "supervision_email",
        "source",
        APIField("image", serializer=ImageSerializer(read_only=True)),
        "body",
        APIField("related_projects", serializer=RelatedProjectsField()),
        APIField("objection_answers", serializer=ObjectionAnswersField()),
    ],
    StationPage: [
        "level",
        APIField("region", serializer=RegionSerializer(read_only=True)),
        "address",
        "phone",
        "opened_on",
        "staff_count",
        "services",
        "body",
    ],
    get_image_model(): [APIField("renditions", serializer=RenditionsField())],
    Department: ["name", "short_name", "description", "sort_order"],
    ProjectCategory: ["name", "description", "sort_order"],
    Region: ["name", "level", "code", APIField("parent", serializer=RegionSerializer(read_only=True))],
    SocialOrganization: [
        "name",
        "credit_code",
        "registered_on",
        "rating",
        "description",
        APIField("region", serializer=RegionSerializer(read_only=True)),
        APIField("listing", serializer=ListingSerializer(source="*", read_only=True)),
    ],
    ImplementationUpdate: [
        "title",
        "happened_on",
        "text",
        APIField("project", serializer=PageLinkSerializer(read_only=True)),
        APIField("photos", serializer=PhotoSerializer(many=True, read_only=True)),
    ],
}

API_FIELDS = {model: with_labels(model, fields) for model, fields in API_FIELDS.items()}

# The fields of a listing when the consumer does not name them with `fields=`: with each record's own dates.
LISTING_FIELDS = {
    model: label_names(model, names)
    for model, names in {
        ProjectPage: [
            "code",
            "stage",
            "stage_reached_on",
            "category",
            "purchaser",
            "organization",
            "budget",
            "start_date",
            "end_date",
        ],
        PolicyPage: ["document_number", "level", "issuer", "issued_on", "effective_on", "status"],
        NoticePage: ["kind", "published_on", "publicity_until", "source"],
        StationPage: ["level", "region", "address", "phone"],
    }.items()
}

# Loaded with each listing so its query count does not grow with the page size.
RELATED = {
    ProjectPage: (
        ["locale", "category", "purchaser", "organization", "street", "community", "image"],
        [
            "image__renditions",
            "tags",
            "participants",
            "milestones",
            "disbursements",
            Prefetch(
                "comments",
                queryset=Comment.objects.approved().exclude(rating=None).only("id", "project_id", "rating"),
                to_attr="approved_ratings",
            ),
            Prefetch(
                "evaluations",
                queryset=Evaluation.objects.published().order_by("-evaluated_on", "-pk"),
                to_attr="published_evaluations",
            ),
        ],
    ),
    PolicyPage: (["locale"], ["topics", "attachments__document"]),
    NoticePage: (
        ["locale", "image"],
        [
            "image__renditions",
            "related_projects__project",
            Prefetch(
                "objections",
                queryset=Objection.objects.answered().select_related("project").order_by("created_at"),
                to_attr="answered_objections",
            ),
        ],
    ),
    StationPage: (["locale", "region"], []),
    get_image_model(): ([], ["renditions", "tags"]),
    get_document_model(): ([], ["tags"]),
    Region: (["parent"], []),
    SocialOrganization: (["region"], []),
    ImplementationUpdate: (["project"], ["photos__image__renditions"]),
}


def with_related(queryset):
    select, prefetch = RELATED.get(queryset.model, ([], []))
    return queryset.select_related(*select).prefetch_related(*prefetch)
