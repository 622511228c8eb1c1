from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from shegong.snippets.organizations import ListStatus

from .blocks import BodyBlock
from .enums import ParticipantKind, ProjectStage
from .forms import ProjectPageForm
from .listing import filtered_listing
from .permissions import ScopedPermissionTester


class ProjectQuerySet(PageQuerySet):
    def published(self):
        """What a citizen may see: live projects without a view restriction. Every public figure, listing,
        feed and API answer starts from this set."""
        return self.live().public()

    def totals(self):
        """How many projects, their budget and what has been paid out on them (已拨付)."""
        figures = self.order_by().aggregate(count=models.Count("pk"), budget=models.Sum("budget"))
        # Apart: summed over the join with the payments, each budget would count once per payment.
        spent = self.order_by().aggregate(spent=models.Sum("disbursements__amount"))["spent"]
        return {"count": figures["count"], "budget": figures["budget"] or 0, "spent": spent or 0}

    def totals_by(self, key, *labels):
        """Count, budget and 已拨付 per value of `key` (a field or an annotation), ordered by it, with `labels`."""
        rows = (
            self.order_by()
            .values(key, *labels)
            .annotate(count=models.Count("pk"), budget=models.Sum("budget"))
            .order_by(key)
        )
        spent = dict(
            self.order_by().values(key).annotate(spent=models.Sum("disbursements__amount")).values_list(key, "spent")
        )
        return [{**row, "spent": spent.get(row[key]) or 0} for row in rows]


class ProjectIndexPage(Page):
    intro = models.TextField("导语", blank=True)

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ProjectPage"]
    max_count = 1
    content_panels = Page.content_panels + [FieldPanel("intro")]

    class Meta:
        verbose_name = "项目库"

    def projects(self):
        return (
            ProjectPage.objects.published()
            .child_of(self)
            .select_related("category", "purchaser", "organization", "street", "community")
            .order_by("-start_date", "code")
        )

    def get_context(self, request, *args, **kwargs):
        from .filters import ProjectFilter

        context = super().get_context(request, *args, **kwargs)
        context.update(filtered_listing(request, ProjectFilter(request.GET, queryset=self.projects())))
        return context


class ProjectTag(TaggedItemBase):
    content_object = ParentalKey("pages.ProjectPage", on_delete=models.CASCADE, related_name="tagged_items")

    class Meta:
        verbose_name = "项目标签"


class ProjectPage(Page):
    """A government-purchased social work service project (社会工作服务项目)."""

    code = models.CharField("项目编号", max_length=32, unique=True, help_text="例如 GD-2022-001")
    category = models.ForeignKey(
        "snippets.ProjectCategory",
        verbose_name="项目类别",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    purchaser = models.ForeignKey(
        "snippets.Department",
        verbose_name="购买部门",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    organization = models.ForeignKey(
        "snippets.SocialOrganization",
        verbose_name="承接社会组织",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="projects",
    )
    street = models.ForeignKey(
        "snippets.Region",
        verbose_name="街道（乡镇）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="street_projects",
        limit_choices_to={"level": "street"},
    )
    community = models.ForeignKey(
        "snippets.Region",
        verbose_name="社区（村）",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_projects",
        limit_choices_to={"level": "community"},
    )
    budget = models.DecimalField(
        "项目预算（元）", max_digits=14, decimal_places=2, default=0, validators=[MinValueValidator(0)]
    )
    start_date = models.DateField("服务期开始", null=True, blank=True)
    end_date = models.DateField("服务期结束", null=True, blank=True)
    stage = models.CharField("当前阶段", max_length=20, choices=ProjectStage.choices, default=ProjectStage.CALL)
    social_worker = models.CharField("项目社工", max_length=60, blank=True, help_text="“1+1+1+N”中的项目社工")
    summary = models.TextField("项目简介", blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name="封面图片",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name="项目详情", blank=True)
    tags = ClusterTaggableManager(through=ProjectTag, blank=True, verbose_name="标签")

    objects = PageManager.from_queryset(ProjectQuerySet)()

    parent_page_types = ["pages.ProjectIndexPage"]
    subpage_types = []
    base_form_class = ProjectPageForm

    search_fields = Page.search_fields + [
        index.SearchField("code", boost=5),
        index.SearchField("summary", boost=2),
        index.SearchField("body"),
        index.SearchField("social_worker"),
        index.RelatedFields("organization", [index.SearchField("name", boost=3)]),
        index.RelatedFields("purchaser", [index.SearchField("name"), index.SearchField("short_name")]),
        index.RelatedFields("category", [index.SearchField("name")]),
        index.RelatedFields("street", [index.SearchField("name")]),
        index.RelatedFields("community", [index.SearchField("name")]),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("stage"),
        index.FilterField("category"),
        index.FilterField("purchaser"),
        index.FilterField("organization"),
        index.FilterField("street"),
        index.FilterField("start_date"),
    ]

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("code"), FieldPanel("stage")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("category"), FieldPanel("purchaser")]),
                FieldPanel("budget"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading="立项信息",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("street"), FieldPanel("community")]),
                FieldPanel("organization"),
                FieldPanel("social_worker"),
                InlinePanel("participants", label="参与力量（N）"),
            ],
            heading="“1+1+1+N”联合申报",
        ),
        InlinePanel("milestones", label="阶段时间"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    class Meta:
        verbose_name = "服务项目"
        verbose_name_plural = "服务项目"

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = "服务期结束日期不能早于开始日期。"
        if self.community_id and self.street_id and self.community.parent_id != self.street_id:
            errors["community"] = f"“{self.community}”不属于“{self.street}”。"
        if self.organization_id and self.organization_is_newly_assigned() and self.engages_blacklisted_organization():
            until = self.organization.list_until
            errors["organization"] = (
                f"“{self.organization}”已列入黑榜（{'有效期至 ' + until.isoformat() if until else '长期有效'}，"
                f"理由：{self.organization.list_reason}），在黑榜有效期内不能承接新项目。"
            )
        if errors:
            raise ValidationError(errors)

    def permissions_for_user(self, user):
        return ScopedPermissionTester(user, self)

    def engages_blacklisted_organization(self):
        """The implementer is black-listed today, and this is not a record of past work.

        A project entered now whose service began before the listing (an import of
        earlier years) records past work; changing an existing project's implementer is
        always a new engagement.
        """
        organization = self.organization
        if organization.listing_in_force(timezone.localdate()) != ListStatus.BLACK:
            return False
        past_work = (
            self.pk is None and self.start_date and organization.listed_on and self.start_date < organization.listed_on
        )
        return not past_work

    def organization_is_newly_assigned(self):
        """True for a new project, or when the implementer differs from the one saved before."""
        if self.pk is None:
            return True
        saved = ProjectPage.objects.filter(pk=self.pk).values_list("organization_id", flat=True).first()
        return saved != self.organization_id

    def timeline(self):
        """Each stage in order, with the date it was last reached (None when not yet)."""
        reached = {}
        for milestone in sorted(self.milestones.all(), key=lambda m: m.reached_on):
            reached[milestone.stage] = milestone.reached_on
        return [{"stage": stage, "reached_on": reached.get(stage.value)} for stage in ProjectStage]


class ProjectParticipant(Orderable):
    """One of the "N" participating forces of the 1+1+1+N joint application."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="participants")
    name = models.CharField("名称", max_length=120)
    kind = models.CharField("类型", max_length=20, choices=ParticipantKind.choices, default=ParticipantKind.VOLUNTEERS)

    panels = [FieldRowPanel([FieldPanel("name"), FieldPanel("kind")])]

    class Meta(Orderable.Meta):
        verbose_name = "参与力量"

    def __str__(self):
        return self.name


class ProjectMilestone(Orderable):
    """The date a project reached one lifecycle stage."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="milestones")
    stage = models.CharField("阶段", max_length=20, choices=ProjectStage.choices)
    reached_on = models.DateField("日期")
    note = models.CharField("说明", max_length=200, blank=True)
    reason = models.TextField("跳过或退回理由", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="记录人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldRowPanel([FieldPanel("stage"), FieldPanel("reached_on")]),
        FieldPanel("note"),
        FieldPanel("reason", read_only=True),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "阶段时间"

    def __str__(self):
        return f"{self.get_stage_display()} {self.reached_on}"
