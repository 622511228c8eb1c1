"""No likely duplicate goes live before an editor confirms it is distinct, whatever publishes it.

Every way of publishing a draft — the edit view, a workflow approval (edit
view or dashboard), the bulk action, the scheduler, the admin API,
`revision.publish()` — ends in Wagtail's PublishRevisionAction saving the page
with `live` set, so the check sits on that save. Views that can publish catch
HeldBack and tell the user why (views.py); the edit view and the bulk action
check earlier still, before anything is saved (wagtail_hooks.py).

Projects written live by the import are checked by the import itself, in the
same transaction (imports.py).
"""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError

from .detection import unconfirmed_duplicates


class HeldBack(ValidationError):
    """Publishing `project` was refused: it likely repeats the `matches` and no editor said otherwise."""

    def __init__(self, project, matches):
        self.project, self.matches = project, matches
        # The message names no other project: the API client or command that meets it may not be allowed to see them.
        message = f"“{project.title}”可能重复申报 {len(matches)} 个已有项目，编辑确认不是重复申报并填写理由后才能发布。"
        super().__init__({NON_FIELD_ERRORS: [message]})


def goes_live(page):
    """The save turns a draft into a live page."""
    if not page.live or page.pk is None:
        return False
    return type(page).objects.filter(pk=page.pk, live=False).exists()


def hold_back_going_live(sender, instance, raw=False, **kwargs):
    """pre_save receiver for ProjectPage."""
    if raw or not goes_live(instance):
        return
    matches = unconfirmed_duplicates(instance)
    if matches:
        raise HeldBack(instance, matches)
