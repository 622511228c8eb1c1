"""Nested objects of the API: what a consuming site sees of a related record, and nothing private."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from wagtail.documents.models import Document
from wagtail.images import get_image_model
from wagtail.images.models import Filter

from shegong.pages.models import ProjectMilestone, ProjectParticipant
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization

# The rendition sizes a consuming site can ask for, named by use.
RENDITIONS = {"thumbnail": "fill-320x240", "medium": "max-800x600", "large": "max-1600x1200"}
FILTERS = {name: Filter(spec=spec) for name, spec in RENDITIONS.items()}


class DepartmentSerializer(serializers.ModelSerializer):
    class Meta:
        model = Department
        fields = ["id", "name", "short_name"]


class CategorySerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectCategory
        fields = ["id", "name"]


class RegionSerializer(serializers.ModelSerializer):
    class Meta:
        model = Region
        fields = ["id", "name", "level", "code"]


class ListingSerializer(serializers.Serializer):
    """The red/black list entry (红黑榜) of an organization; `in_force` says whether it applies today."""

    status = serializers.ChoiceField(source="list_status", choices=["", "red", "black"], read_only=True)
    reason = serializers.CharField(source="list_reason", read_only=True)
    listed_on = serializers.DateField(read_only=True, allow_null=True)
    until = serializers.DateField(source="list_until", read_only=True, allow_null=True)
    in_force = serializers.SerializerMethodField()

    def get_in_force(self, organization) -> bool:
        return bool(organization.listing_in_force(timezone.localdate()))


class OrganizationSerializer(serializers.ModelSerializer):
    """An implementing organization as it appears inside a project: never its contact details."""

    listing = ListingSerializer(source="*", read_only=True)

    class Meta:
        model = SocialOrganization
        fields = ["id", "name", "credit_code", "rating", "listing"]


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
                "url": request.build_absolute_uri(found[f].url) if request else found[f].url,
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
        request = self.context.get("request")
        return request.build_absolute_uri(document.url) if request else document.url


class ParticipantSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectParticipant
        fields = ["name", "kind"]


class MilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = ProjectMilestone
        fields = ["stage", "reached_on", "note"]


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(source="display_title")
    document = DocumentSerializer()


class PageLinkSerializer(serializers.Serializer):
    """A link to another page: enough to show it and to fetch it."""

    id = serializers.IntegerField()
    title = serializers.CharField()
    slug = serializers.CharField()
