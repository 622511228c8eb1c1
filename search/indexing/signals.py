"""The one place that listens for content changes and queues the index work they call for (tasks.py).

Only changes to what the public sees queue work: a publish, an unpublish, a move, a delete, a page created live, a
view restriction, and an edit of a snippet or document that live pages show. A draft save (or autosave) changes
nothing live and queues nothing, for this index and for Wagtail's own. Raw saves (loaddata) queue nothing.
"""

import contextlib
import contextvars

from django.db import transaction
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from modelsearch import index as modelsearch_index
from modelsearch import signal_handlers as modelsearch_signals
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from shegong.pages.models import PolicyPage, ProjectPage, StationPage
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization

from .. import lexicon
from ..models import Synonym
from . import sync
from .tasks import flush_elasticsearch, reindex_pages, reindex_subtree

# What Page.save_revision (and an autosave, a lock, a revision's approval) writes to the page row: none of it is
# shown to the public or held in Wagtail's search index (title, not draft_title, is).
DRAFT_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "wagtail_admin_comments",
        "locked",
        "locked_at",
        "locked_by",
    }
)


def only_draft_fields(update_fields):
    return update_fields is not None and set(update_fields) <= DRAFT_FIELDS


_paused = contextvars.ContextVar("shegong_index_paused", default=False)


@contextlib.contextmanager
def paused():
    """Queue no index work inside: for a dry run, whose writes are all rolled back (Elasticsearch would not hear of
    them anyway: it is told only after a commit, tasks.after_commit_flush), so the work would be wasted."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def queue(task, *args):
    if not _paused.get():
        task.enqueue(*args)


def enqueue(page_ids):
    page_ids = sorted(set(page_ids))
    if page_ids:
        queue(reindex_pages, page_ids)


def page_published_or_unpublished(sender, instance, **kwargs):
    enqueue([instance.pk])


def page_created(sender, instance, created, raw=False, **kwargs):
    # A page created live (a copy, a page made in code) sends no page_published.
    if created and not raw and isinstance(instance, Page) and instance.live:
        enqueue([instance.pk])


def page_deleted(sender, instance, **kwargs):
    # The document row went with the page (on_delete=CASCADE); Elasticsearch is told by the task.
    if isinstance(instance, Page) and sync.es_enabled() and not _paused.get():
        sync.queue_for_elasticsearch([instance.pk])
        transaction.on_commit(flush_elasticsearch.enqueue, robust=True)


def page_moved(sender, instance, **kwargs):
    queue(reindex_subtree, instance.pk)


def restriction_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        queue(reindex_subtree, instance.page_id)


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


def collection_restriction_changed(sender, instance, raw=False, **kwargs):
    """A collection restricted or opened: the policies attaching its files, or its sub-collections', change."""
    collection = Collection.objects.filter(pk=instance.collection_id).first()
    if raw or collection is None:
        return
    inside = collection.get_descendants(inclusive=True)
    enqueue(PolicyPage.objects.filter(attachments__document__collection__in=inside).values_list("pk", flat=True))


def snippet_changed(sender, instance, raw=False, **kwargs):
    if raw:
        return
    pages = pages_showing(sender, instance.pk)
    enqueue(pages if isinstance(pages, list) else pages.values_list("pk", flat=True))


def wagtail_index_page_saved(sender, instance, update_fields=None, **kwargs):
    """modelsearch's own handler, for every save but a draft's."""
    if not only_draft_fields(update_fields):
        modelsearch_signals.post_save_signal_handler(instance, update_fields=update_fields, **kwargs)


def narrow_wagtail_index_handlers():
    """modelsearch queues a re-index of a page on every save (connected in wagtail.search's ready(), before this
    app's): swap it, on page models, for the same handler that skips draft saves."""
    for model in modelsearch_index.get_indexed_models():
        if issubclass(model, Page) and post_save.disconnect(modelsearch_signals.post_save_signal_handler, sender=model):
            post_save.connect(wagtail_index_page_saved, sender=model)


def connect():
    narrow_wagtail_index_handlers()
    post_save.connect(page_created, dispatch_uid="shegong_search_page_created")
    page_published.connect(page_published_or_unpublished, dispatch_uid="shegong_search_page_published")
    page_unpublished.connect(page_published_or_unpublished, dispatch_uid="shegong_search_page_unpublished")
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
