"""The one place that listens for content changes and re-indexes what they affect."""

from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from shegong.pages.models import PolicyPage, ProjectPage, StationPage
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization

from . import lexicon
from .models import Synonym
from .sync import queue_for_elasticsearch, reindex_pages


def page_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        reindex_pages([instance.pk])


def page_deleted(sender, instance, **kwargs):
    # The document row goes with the page (on_delete=CASCADE); Elasticsearch is told here.
    if isinstance(instance, Page):
        queue_for_elasticsearch([instance.pk])


def page_moved(sender, instance, **kwargs):
    reindex_pages([instance.pk, *instance.get_descendants().values_list("pk", flat=True)])


def restriction_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page:
        reindex_pages([page.pk, *page.get_descendants().values_list("pk", flat=True)])


def pages_showing(model, pk):
    """The pages that display a snippet, by the fields they show it in."""
    if model is Department:
        return ProjectPage.objects.filter(purchaser_id=pk)
    if model is SocialOrganization:
        return ProjectPage.objects.filter(organization_id=pk)
    if model is ProjectCategory:
        return ProjectPage.objects.filter(category_id=pk)
    if model is Region:
        projects = ProjectPage.objects.filter(Q(street_id=pk) | Q(community_id=pk))
        stations = StationPage.objects.filter(Q(region_id=pk) | Q(region__parent_id=pk))
        return list(projects.values_list("pk", flat=True)) + list(stations.values_list("pk", flat=True))
    return PolicyPage.objects.filter(attachments__document_id=pk)


def collection_restriction_changed(sender, instance, **kwargs):
    """A collection restricted or opened: the policies attaching its files, or its sub-collections', change."""
    collections = Collection.objects.filter(pk=instance.collection_id).first()
    if collections is None:
        return
    inside = collections.get_descendants(inclusive=True)
    reindex_pages(PolicyPage.objects.filter(attachments__document__collection__in=inside).values_list("pk", flat=True))


def snippet_changed(sender, instance, **kwargs):
    pages = pages_showing(sender, instance.pk)
    reindex_pages(pages if isinstance(pages, list) else pages.values_list("pk", flat=True))


def connect():
    post_save.connect(page_changed, dispatch_uid="shegong_search_page_saved")
    page_published.connect(page_changed, dispatch_uid="shegong_search_page_published")
    page_unpublished.connect(page_changed, dispatch_uid="shegong_search_page_unpublished")
    post_delete.connect(page_deleted, dispatch_uid="shegong_search_page_deleted")
    post_page_move.connect(page_moved, dispatch_uid="shegong_search_page_moved")
    for signal in (post_save, post_delete):
        signal.connect(
            restriction_changed, sender=PageViewRestriction, dispatch_uid=f"shegong_search_restriction_{signal}"
        )
    for model in (Department, SocialOrganization, ProjectCategory, Region, get_document_model()):
        post_save.connect(snippet_changed, sender=model, dispatch_uid=f"shegong_search_{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(
            collection_restriction_changed,
            sender=CollectionViewRestriction,
            dispatch_uid=f"shegong_search_collection_restriction_{signal}",
        )
    for signal in (post_save, post_delete):
        signal.connect(lexicon.forget, sender=Synonym, dispatch_uid=f"shegong_search_synonyms_{signal}")
