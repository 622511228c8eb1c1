from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from .blocks import BodyBlock
from .enums import PolicyLevel, PolicyStatus
from .listing import filtered_listing


class PolicyIndexPage(Page):
    intro = models.TextField("导语", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PolicyPage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "政策法规库"

    def policies(self):
        return PolicyPage.objects.live().public().child_of(self).order_by("-issued_on", "title")

    def get_context(self, request, *args, **kwargs):
        from .filters import PolicyLibraryFilter

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_listing(request, PolicyLibraryFilter(request.GET, queryset=self.policies())))
        return context


class PolicyTopic(TaggedItemBase):
    content_object = ParentalKey("pages.PolicyPage", on_delete=models.CASCADE, related_name="tagged_topics")

    class Meta:
        verbose_name = "政策主题"


class PolicyPage(Page):
    """A policy or regulation (政策法规) at one of the four government levels."""

    document_number = models.CharField(
        "文号", max_length=80, blank=True, help_text="例如 民发〔2021〕6号；无文号可留空"
    )
    level = models.CharField("层级", max_length=16, choices=PolicyLevel.choices)
    issuer = models.CharField("发文机关", max_length=200)
    issued_on = models.DateField("发布日期")
    effective_on = models.DateField("施行日期", null=True, blank=True)
    status = models.CharField("效力状态", max_length=16, choices=PolicyStatus.choices, default=PolicyStatus.VALID)
    summary = models.TextField("摘要", blank=True)
    body = StreamField(BodyBlock(), verbose_name="全文", blank=True)
    topics = ClusterTaggableManager(through=PolicyTopic, blank=True, verbose_name="主题")
    replaced_by = models.ForeignKey(
        "pages.PolicyPage",
        verbose_name="替代或修订文件",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replaces",
        help_text="已废止或已修订的文件，链接到取代它或修订它的文件",
    )

    parent_page_types = ["pages.PolicyIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        index.SearchField("document_number", boost=5),
        index.AutocompleteField("document_number"),
        index.SearchField("issuer", boost=2),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.RelatedFields("topics", [index.SearchField("name")]),
        index.FilterField("level"),
        index.FilterField("status"),
        index.FilterField("issued_on"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("document_number"), FieldPanel("level")]),
                FieldPanel("issuer"),
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("status")]),
                PageChooserPanel("replaced_by", "pages.PolicyPage"),
            ],
            heading="文件信息",
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("attachments", label="附件"),
        FieldPanel("topics"),
    ]

    class Meta:
        verbose_name = "政策法规"
        verbose_name_plural = "政策法规"
        constraints = [
            models.UniqueConstraint(
                fields=["document_number"],
                condition=~models.Q(document_number=""),
                name="unique_policy_document_number",
            )
        ]

    def clean(self):
        super().clean()
        if self.issued_on and self.effective_on and self.effective_on < self.issued_on:
            raise ValidationError({"effective_on": "施行日期不能早于发布日期。"})
        if self.document_number:
            clash = PolicyPage.objects.filter(document_number=self.document_number).exclude(pk=self.pk).first()
            if clash:
                raise ValidationError({"document_number": f"文号已被《{clash.title}》使用。"})
        if self.replaced_by_id:
            if self.status == PolicyStatus.VALID:
                raise ValidationError({"replaced_by": "现行有效的文件没有替代文件；请先把效力状态改为已修订或已废止。"})
            if self.replaced_by_id == self.pk:
                raise ValidationError({"replaced_by": "替代文件不能是本文件。"})

    def public_replacement(self):
        """The policy that replaced or amended this one, if a citizen may read it."""
        if not self.replaced_by_id:
            return None
        return PolicyPage.objects.live().public().filter(pk=self.replaced_by_id).first()

    def public_replaced(self):
        """The policies this one replaced or amended, that a citizen may read."""
        return self.replaces.live().public().order_by("-issued_on")


class PolicyAttachment(Orderable):
    page = ParentalKey(PolicyPage, on_delete=models.CASCADE, related_name="attachments")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name="文件", on_delete=models.CASCADE, related_name="+"
    )
    title = models.CharField("名称", max_length=200, blank=True, help_text="留空则使用文件标题")

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = "附件"

    @property
    def display_title(self):
        return self.title or self.document.title
