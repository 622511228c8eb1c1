from wagtail import hooks

from .work_queue import WorkQueuePanel


@hooks.register("construct_homepage_panels")
def add_work_queue(request, panels):
    panels.append(WorkQueuePanel(request))
