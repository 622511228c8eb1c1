"""A document an organization's account uploads is filed in its organization's materials collection, from any
upload screen (the document chooser's upload tab, the documents section)."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model

from shegong.roles.scope import restricted_organization

from .collections import organization_collection


@receiver(post_save, sender=get_document_model(), dispatch_uid="file_organization_materials")
def file_in_organization_collection(sender, instance, created, raw=False, **kwargs):
    if raw or not created or instance.uploaded_by_user_id is None:
        return
    organization = restricted_organization(instance.uploaded_by_user)
    if not organization:
        return
    collection = organization_collection(organization)
    if instance.collection_id != collection.pk:
        instance.collection = collection
        sender.objects.filter(pk=instance.pk).update(collection=collection)
