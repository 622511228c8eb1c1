"""May this project go live? One check, with its rules, for every path that publishes a project.

Every way of publishing — the add and edit views, a workflow approval (edit
view or dashboard), the bulk action, the scheduler, the admin API,
`revision.publish()` — ends in a save of the page with `live` set, so the
check sits on that save (`refuse_going_live`, a pre_save receiver). The add
form creates a project as a draft before publishing it, so it takes that step
too. Views that can publish catch NotPublishable and tell the user why; the
admin forms, the publish button and the bulk action ask sooner still.

The rules: a project names its 购买部门, 承接组织 and 街道 (here), and is not
a likely duplicate nobody vouched for (shegong.duplicates registers that one).
Drafts may be incomplete: editors save work in progress.
"""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

# 社区 stays optional: a project may serve a whole street (a 街道社工站's own project).
REQUIRED_TO_PUBLISH = ["purchaser", "organization", "street"]


class NotPublishable(ValidationError):
    """Publishing `project` was refused by one rule; the message says why, naming nothing the reader may not see."""

    def __init__(self, project, message):
        self.project = project
        super().__init__({NON_FIELD_ERRORS: [message]})

    def tell(self, request):
        """Say why in the admin."""
        messages.error(request, self.messages[0])

    def explain(self):
        """Say why to the operator running a command, who may read every record."""
        return self.messages[0]


class Incomplete(NotPublishable):
    pass


RULES = []


def rule(check):
    """Register `check(project) -> NotPublishable | None` among the rules every publication obeys."""
    if check not in RULES:
        RULES.append(check)
    return check


def refusals(project):
    """Every rule's refusal of publishing `project` as it stands; empty when it may go live."""
    return [refusal for refusal in (check(project) for check in RULES) if refusal]


def goes_live(page):
    """The save makes a new page, or a draft, live."""
    if not page.live:
        return False
    return page.pk is None or type(page).objects.filter(pk=page.pk, live=False).exists()


def refuse_going_live(sender, instance, raw=False, **kwargs):
    """pre_save receiver for ProjectPage."""
    if raw or not goes_live(instance):
        return
    found = refusals(instance)
    if found:
        raise found[0]


def required_labels(names):
    ProjectPage = apps.get_model("pages", "ProjectPage")
    return [str(ProjectPage._meta.get_field(name).verbose_name) for name in names]


def incomplete_message(title, missing_names):
    return f"“{title}”缺少{'、'.join(required_labels(missing_names))}，填写后才能发布。"


@rule
def complete(project):
    missing = [name for name in REQUIRED_TO_PUBLISH if getattr(project, f"{name}_id") is None]
    return Incomplete(project, incomplete_message(project.title, missing)) if missing else None
