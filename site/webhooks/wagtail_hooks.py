from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shegong.core.permissions import register_read_only

from .models import Delivery, Subscriber


class SubscriberViewSet(SnippetViewSet):
    model = Subscriber
    icon = "link-external"
    menu_label = "推送订阅"
    list_display = ["name", "url", "active"]
    panels = [
        FieldPanel("name"),
        FieldPanel("url"),
        FieldPanel("secret"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("on_published"), FieldPanel("on_unpublished"), FieldPanel("on_deleted")]),
                FieldPanel("on_records"),
            ],
            heading="推送哪些事件",
        ),
        FieldPanel("active"),
    ]


# The delivery log is written by the system only: staff may read it, never add or change it.
register_read_only(Delivery)


class DeliveryViewSet(SnippetViewSet):
    model = Delivery
    icon = "list-ul"
    menu_label = "推送记录"
    list_display = ["subscriber", "event", "status", "attempts", "response_status", "created_at", "delivered_at"]
    list_filter = ["status", "event", "subscriber"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "subscriber",
        "event",
        "status",
        "attempts",
        "next_attempt_at",
        "response_status",
        "last_error",
        "payload",
        "created_at",
        "delivered_at",
    ]


class WebhooksGroup(SnippetViewSetGroup):
    items = (SubscriberViewSet, DeliveryViewSet)
    menu_icon = "link-external"
    menu_label = "发布推送"
    menu_name = "webhooks"


register_snippet(WebhooksGroup)
