"""Absolute links in API answers and webhook payloads, all from one public address.

`SHEGONG_PUBLIC_URL` names where the site is reached (https://shegong.example.gov.cn); unset, the
request's own scheme and host are used, so links work wherever the site runs. Wagtail's own fields
use the Site record instead (http://localhost/… on most installs), so the meta fields are replaced here.
"""

from django.conf import settings
from django.urls import reverse
from rest_framework.fields import Field, SkipField
from wagtail.api.v2.serializers import (
    BaseSerializer,
    PageAliasOfField,
    PageHtmlUrlField,
    PageParentField,
    PageSerializer,
    get_serializer_class,
)
from wagtail.documents.api.v2.serializers import DocumentSerializer
from wagtail.documents.models import AbstractDocument
from wagtail.images.api.v2.serializers import ImageSerializer


def public_base(request=None):
    """The scheme and host consumers reach the site at, without a trailing slash."""
    if settings.SHEGONG_PUBLIC_URL:
        return settings.SHEGONG_PUBLIC_URL.rstrip("/")
    if request is not None:
        return f"{request.scheme}://{request.get_host()}"
    # No request (a webhook is queued by an editor's save in a worker or a command): the admin's own address.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/")


def absolute(path, request=None):
    if path is None or path.startswith(("http://", "https://")):
        return path
    return public_base(request) + path


def page_url(page, request=None):
    """A page's public address, or None for a page outside any site."""
    parts = page.get_url_parts(request)
    if not parts or parts[2] is None:
        return None
    return absolute(parts[2], request)


def api_url(endpoint, pk=None, request=None):
    """The address of an endpoint's listing, or of one record's detail when `pk` is given."""
    name = f"wagtailapi_v2:{endpoint}:" + ("listing" if pk is None else "detail")
    return absolute(reverse(name, args=[] if pk is None else [pk]), request)


class PublicDetailUrlField(Field):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def get_attribute(self, instance):
        path = self.context["router"].get_object_detail_urlpath(type(instance), instance.pk)
        if not path:
            raise SkipField
        return absolute(path, self.context.get("request"))

    def to_representation(self, url):
        return url


class PublicHtmlUrlField(PageHtmlUrlField):
    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        return page_url(page, self.context.get("request"))


class PublicFileUrlField(Field):
    """A document's or an image's file, as an absolute address."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, file_record):
        # A document's url is its serve view (which checks collection privacy); an image has only its file.
        url = file_record.url if isinstance(file_record, AbstractDocument) else file_record.file.url
        return absolute(url, self.context.get("request"))


class PublicPageLinkMixin:
    """A parent or original page, linked with the public addresses too."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, page):
        fields = ["id", "type", "detail_url", "html_url", "title"]
        serializer_class = get_serializer_class(type(page), fields, meta_fields=fields[1:4], base=PublicPageSerializer)
        return serializer_class(context=self.context).to_representation(page)


class PublicParentField(PublicPageLinkMixin, PageParentField):
    pass


class PublicAliasOfField(PublicPageLinkMixin, PageAliasOfField):
    pass


class PublicSerializer(BaseSerializer):
    detail_url = PublicDetailUrlField()


class PublicPageSerializer(PageSerializer):
    detail_url = PublicDetailUrlField()
    html_url = PublicHtmlUrlField()
    parent = PublicParentField()
    alias_of = PublicAliasOfField()


class PublicDocumentSerializer(DocumentSerializer):
    detail_url = PublicDetailUrlField()
    download_url = PublicFileUrlField()


class PublicImageSerializer(ImageSerializer):
    detail_url = PublicDetailUrlField()
    download_url = PublicFileUrlField()
