"""Every change of public content becomes queued deliveries, in the editor's own transaction.

Pages (publish, unpublish, delete), organizations and the red/black list, payments, and implementation
updates and comments once approved; the statistics change with projects, policies and payments.
Nothing here talks to a subscriber: `shegong deliver_webhooks` does, out of band, so an editor's save
never waits on a consuming site.
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished

from shegong.feedback.models import Comment
from shegong.feedback.moderation import ModerationStatus
from shegong.funds.models import Disbursement
from shegong.pages.models import PolicyPage, ProjectPage
from shegong.snippets.models import SocialOrganization
from shegong.updates.models import ImplementationUpdate

from . import payloads
from .models import Delivery, DeliveryStatus, Event, Subscriber

# Page types whose publication changes the figures of /api/v2/stats/ and the public statistics page.
COUNTED_PAGES = (ProjectPage, PolicyPage)


def is_public(page):
    """A page under a view restriction (its own or an ancestor's) is not announced."""
    return not PageViewRestriction.objects.filter(page__in=page.get_ancestors(inclusive=True)).exists()


def is_public_project(project_id):
    return ProjectPage.objects.published().filter(pk=project_id).exists()


def subscribers_for(event):
    return [s for s in Subscriber.objects.filter(active=True) if s.wants(event)]


def enqueue(event, build_payload):
    subscribers = subscribers_for(event)
    if subscribers:
        payload = build_payload(event)
        Delivery.objects.bulk_create(Delivery(subscriber=s, event=event, payload=payload) for s in subscribers)


def stats_changed():
    """One stats.changed waiting per subscriber is enough: a subscriber refetches the figures once."""
    waiting = Delivery.objects.filter(event=Event.STATS_CHANGED, status=DeliveryStatus.PENDING, attempts=0)
    subscribers = [s for s in subscribers_for(Event.STATS_CHANGED) if not waiting.filter(subscriber=s).exists()]
    if subscribers:
        payload = payloads.stats_payload(Event.STATS_CHANGED)
        Delivery.objects.bulk_create(
            Delivery(subscriber=s, event=Event.STATS_CHANGED, payload=payload) for s in subscribers
        )


def page_event(event, page):
    if not is_public(page):
        return
    enqueue(event, lambda e: payloads.page_payload(e, page))
    if issubclass(page.specific_class or Page, COUNTED_PAGES):
        stats_changed()


@receiver(page_published)
def on_published(sender, instance, **kwargs):
    page_event(Event.PUBLISHED, instance)


# Wagtail unpublishes a live page it is about to delete (its own pre_delete handler, which runs after
# ours); that unpublish is part of the delete, announced once as page.deleted.
_being_deleted = set()


@receiver(page_unpublished)
def on_unpublished(sender, instance, **kwargs):
    if instance.pk in _being_deleted:
        _being_deleted.discard(instance.pk)
    else:
        page_event(Event.UNPUBLISHED, instance)


@receiver(pre_delete, sender=Page)
def on_deleted(sender, instance, **kwargs):
    # Only pages consumers could have seen; a never-published draft's deletion is nobody's business.
    if instance.live:
        _being_deleted.add(instance.pk)
        page_event(Event.DELETED, instance)


# Organizations are all public (their contacts are not, and stay out of the payload).
@receiver(post_save, sender=SocialOrganization)
def on_organization_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        enqueue(Event.ORGANIZATION_CHANGED, lambda e: payloads.organization_payload(e, instance))


@receiver(post_delete, sender=SocialOrganization)
def on_organization_deleted(sender, instance, **kwargs):
    enqueue(Event.ORGANIZATION_DELETED, lambda e: payloads.organization_payload(e, instance))


# Payments are public on a public project's page, whatever their amount or date.
@receiver(post_save, sender=Disbursement)
def on_payment_saved(sender, instance, raw=False, **kwargs):
    if not raw and is_public_project(instance.project_id):
        enqueue(Event.PAYMENT_CHANGED, lambda e: payloads.payment_payload(e, instance))
        stats_changed()


@receiver(post_delete, sender=Disbursement)
def on_payment_deleted(sender, instance, **kwargs):
    if is_public_project(instance.project_id):
        enqueue(Event.PAYMENT_DELETED, lambda e: payloads.payment_payload(e, instance))
        stats_changed()


# Updates and comments are public once approved: announced when they become (or, edited, stay) approved,
# and withdrawn when they stop being so. A pending or rejected one is never mentioned.
MODERATED = {
    ImplementationUpdate: (Event.UPDATE_PUBLISHED, Event.UPDATE_WITHDRAWN, payloads.update_payload),
    Comment: (Event.COMMENT_PUBLISHED, Event.COMMENT_WITHDRAWN, payloads.comment_payload),
}


def was_approved(instance):
    return getattr(instance, "_webhooks_was_approved", False)


def on_moderated_pre_save(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk:
        previous = sender.objects.filter(pk=instance.pk).values_list("status", flat=True).first()
        instance._webhooks_was_approved = previous == ModerationStatus.APPROVED


def on_moderated_saved(sender, instance, raw=False, **kwargs):
    published, withdrawn, build = MODERATED[sender]
    if raw or not is_public_project(instance.project_id):
        return
    if instance.status == ModerationStatus.APPROVED:
        enqueue(published, lambda e: build(e, instance))
    elif was_approved(instance):
        enqueue(withdrawn, lambda e: build(e, instance))
    instance._webhooks_was_approved = instance.status == ModerationStatus.APPROVED


def on_moderated_deleted(sender, instance, **kwargs):
    _, withdrawn, build = MODERATED[sender]
    if instance.status == ModerationStatus.APPROVED and is_public_project(instance.project_id):
        enqueue(withdrawn, lambda e: build(e, instance))


for model in MODERATED:
    pre_save.connect(on_moderated_pre_save, sender=model, dispatch_uid=f"webhooks-pre-{model._meta.label}")
    post_save.connect(on_moderated_saved, sender=model, dispatch_uid=f"webhooks-save-{model._meta.label}")
    post_delete.connect(on_moderated_deleted, sender=model, dispatch_uid=f"webhooks-delete-{model._meta.label}")
