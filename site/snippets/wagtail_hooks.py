from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Department, ProjectCategory, Region, SocialOrganization


class DepartmentViewSet(SnippetViewSet):
    model = Department
    icon = "group"
    menu_label = "购买部门"
    list_display = ["name", "short_name", "sort_order"]
    list_export = ["name", "short_name", "description"]
    search_fields = ["name", "short_name"]
    ordering = ["sort_order", "name"]
    panels = [FieldPanel("name"), FieldPanel("short_name"), FieldPanel("description"), FieldPanel("sort_order")]


class ProjectCategoryViewSet(SnippetViewSet):
    model = ProjectCategory
    icon = "tag"
    menu_label = "项目类别"
    list_display = ["name", "sort_order"]
    list_export = ["name", "description"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("description"), FieldPanel("sort_order")]


class RegionViewSet(SnippetViewSet):
    model = Region
    icon = "site"
    menu_label = "行政区域"
    list_display = ["name", "level", "parent", "code"]
    list_filter = ["level"]
    list_export = ["name", "level", "parent", "code"]
    search_fields = ["name"]
    panels = [FieldPanel("name"), FieldPanel("level"), FieldPanel("parent"), FieldPanel("code")]


class SocialOrganizationViewSet(SnippetViewSet):
    model = SocialOrganization
    icon = "group"
    menu_label = "社会组织"
    inspect_view_enabled = True  # auditors read a record without being able to change it
    list_display = ["name", "credit_code", "rating", "list_status", "list_until"]
    list_filter = ["rating", "list_status"]
    list_export = [
        "name",
        "credit_code",
        "rating",
        "registered_on",
        "list_status",
        "list_reason",
        "listed_on",
        "list_until",
    ]
    search_fields = ["name", "credit_code"]
    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("credit_code"), FieldPanel("registered_on"), FieldPanel("rating")]),
        FieldPanel("region"),
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("contact_person"),
                FieldPanel("contact_phone"),
                FieldPanel("contact_email"),
                FieldPanel("address"),
            ],
            heading="联系方式（仅后台可见）",
        ),
        MultiFieldPanel(
            [
                FieldPanel("list_status"),
                FieldPanel("list_reason"),
                FieldRowPanel([FieldPanel("listed_on"), FieldPanel("list_until")]),
            ],
            heading="红黑榜",
        ),
    ]


class BasicRecordsGroup(SnippetViewSetGroup):
    items = (DepartmentViewSet, SocialOrganizationViewSet, RegionViewSet, ProjectCategoryViewSet)
    menu_icon = "folder-open-inverse"
    menu_label = "基础资料"
    menu_name = "records"


register_snippet(BasicRecordsGroup)
