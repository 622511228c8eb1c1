"""One document collection per social organization for its application materials (申报材料).

The collections sit under one parent, 申报材料, restricted to logged-in users (a Wagtail collection privacy
setting editors see in the admin). A document an organization's account uploads goes into its organization's
collection, whichever screen it was uploaded from; the organization's accounts choose and download that
collection's documents only, editors and reviewers all of them (shegong.calls.wagtail_hooks).
"""

from django.db import models
from wagtail.models import Collection, CollectionViewRestriction

MATERIALS = "申报材料"


class OrganizationCollection(models.Model):
    organization = models.OneToOneField(
        "snippets.SocialOrganization",
        verbose_name="社会组织",
        on_delete=models.CASCADE,
        related_name="materials_collection",
    )
    collection = models.OneToOneField(
        Collection, verbose_name="文档集", on_delete=models.PROTECT, related_name="organization_materials"
    )

    class Meta:
        verbose_name = verbose_name_plural = "社会组织申报材料文档集"

    def __str__(self):
        return f"{self.organization}：{self.collection}"


def materials_parent():
    """The 申报材料 collection, made (login-only) the first time an organization needs it."""
    root = Collection.get_first_root_node()
    parent = root.get_children().filter(name=MATERIALS).first()
    if parent is None:
        parent = root.add_child(name=MATERIALS)
        CollectionViewRestriction.objects.create(collection=parent, restriction_type=CollectionViewRestriction.LOGIN)
    return parent


def organization_collection(organization_id):
    link = OrganizationCollection.objects.filter(organization_id=organization_id).select_related("collection").first()
    if link is not None:
        return link.collection
    from shegong.snippets.models import SocialOrganization

    organization = SocialOrganization.objects.get(pk=organization_id)
    collection = materials_parent().add_child(name=organization.name)
    OrganizationCollection.objects.create(organization=organization, collection=collection)
    return collection


def collection_organization(document):
    """The organization whose materials collection holds `document`, or None."""
    return (
        OrganizationCollection.objects.filter(collection_id=document.collection_id)
        .values_list("organization_id", flat=True)
        .first()
    )
