"""Publish, unpublish and delete of a public page become queued deliveries, in the editor's transaction.

Nothing here talks to a subscriber: `shegong deliver_webhooks` does, out of band, so an editor's
save never waits on a consuming site.
"""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from django.utils import timezone
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from .models import Delivery, Event, Subscriber


def is_public(page):
    """A page under a view restriction (its own or an ancestor's) is not announced."""
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def enqueue(event, page):
    subscribers = [s for s in Subscriber.objects.filter(active=True) if s.wants(event)]
    if not subscribers or not is_public(page):
        return
    payload = {
        "event": event.value,
        "occurred_at": timezone.now().isoformat(),
        "page": {
            "id": page.pk,
            "type": page.specific_class._meta.label if page.specific_class else "wagtailcore.Page",
            "title": page.title,
            "slug": page.slug,
            "url_path": page.url_path,
        },
    }
    Delivery.objects.bulk_create(Delivery(subscriber=s, event=event, payload=payload) for s in subscribers)


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    enqueue(Event.PUBLISHED, instance)


# Wagtail unpublishes a live page it is about to delete (its own pre_delete handler, which runs after
# ours); that unpublish is part of the delete, announced once as page.deleted.
_being_deleted = set()


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if instance.pk in _being_deleted:
        _being_deleted.discard(instance.pk)
    else:
        enqueue(Event.UNPUBLISHED, instance)


@receiver(pre_delete, sender=Page)
def on_deleted(sender, instance, **kwargs):
    # Only pages consumers could have seen; a never-published draft's deletion is nobody's business.
    if instance.live:
        _being_deleted.add(instance.pk)
        enqueue(Event.DELETED, instance)
