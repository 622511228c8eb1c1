from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shegong.ops.health import task_backlog

from .indexing import health, sync
from .models import Synonym


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "search"
    menu_label = "检索同义词"
    add_to_settings_menu = True
    list_display = ["terms", "note"]
    list_export = ["terms", "note"]
    panels = [FieldPanel("terms"), FieldPanel("note")]


register_snippet(SynonymViewSet)


class ElasticsearchPanel(Component):
    """A warning on the admin dashboard while Elasticsearch cannot answer searches: unreachable, or its index lost."""

    name = "elasticsearch"
    order = 10
    template_name = "search/elasticsearch_panel.html"

    def __init__(self, indexed=0, expected=0, unreachable=""):
        self.indexed, self.expected, self.unreachable = indexed, expected, unreachable

    def get_context_data(self, parent_context):
        return {"indexed": self.indexed, "expected": self.expected, "unreachable": self.unreachable}


@hooks.register("construct_homepage_panels")
def warn_when_elasticsearch_cannot_answer(request, panels):
    if not sync.es_enabled():
        return
    try:
        indexed, expected = health.counts()
    except sync.ES_ERRORS as error:
        panels.append(ElasticsearchPanel(unreachable=type(error).__name__))
        return
    if health.short(indexed, expected):
        health.request_rebuild()
        panels.append(ElasticsearchPanel(indexed, expected))


class TaskBacklogPanel(Component):
    """A warning on the admin dashboard while the task worker is not keeping up: published pages do not reach search."""

    name = "task_backlog"
    order = 11
    template_name = "search/task_backlog_panel.html"

    def __init__(self, backlog):
        self.backlog = backlog

    def get_context_data(self, parent_context):
        return {"backlog": self.backlog}


@hooks.register("construct_homepage_panels")
def warn_when_tasks_wait_too_long(request, panels):
    backlog = task_backlog()
    if backlog.stalled:
        panels.append(TaskBacklogPanel(backlog))
