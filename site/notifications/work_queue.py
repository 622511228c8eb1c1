"""The “待办” panel on the admin dashboard: what waits for the signed-in account, each with a link to where it is done.

Apps contribute items through the `shegong_work_queue` hook: a function taking the request and returning
`(label, count, url)` tuples for request.user. Items with nothing pending are left out.
"""

from dataclasses import dataclass

from wagtail import hooks
from wagtail.admin.ui.components import Component

HOOK = "shegong_work_queue"


@dataclass
class WorkItem:
    label: str
    count: int
    url: str


def work_items(request):
    return [
        WorkItem(label, count, url)
        for collect in hooks.get_hooks(HOOK)
        for label, count, url in collect(request)
        if count
    ]


class WorkQueuePanel(Component):
    name = "work_queue"
    order = 50  # above Wagtail's own panels (workflows 100, locked pages 300, recent edits 250)
    template_name = "notifications/work_queue_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        return {"items": work_items(self.request)}
