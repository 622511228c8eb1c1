"""No likely duplicate goes live before an editor confirms it is distinct, whatever publishes it.

This is one rule of the check every publication passes (shegong.lifecycle.going_live).

Projects written live by the import are checked by the import itself, in the
same transaction (imports.py).
"""

from shegong.lifecycle.going_live import NotPublishable

from .detection import unconfirmed_duplicates


class HeldBack(NotPublishable):
    """Publishing `project` was refused: it likely repeats the `matches` and no editor said otherwise."""

    def __init__(self, project, matches):
        self.matches = matches
        # The message names no other project: the API client or command that meets it may not be allowed to see them.
        message = f"“{project.title}”可能重复申报 {len(matches)} 个已有项目，编辑确认不是重复申报并填写理由后才能发布。"
        super().__init__(project, message)

    def tell(self, request):
        from .views import hold_back_message

        hold_back_message(request, self.project, self.matches)

    def explain(self):
        earlier = "、".join(f"“{m.project.title}”（{m.project.code}）" for m in self.matches)
        return f"可能重复申报已有项目{earlier}，编辑确认不是重复申报后须重新发布。"


def likely_duplicate(project):
    """The rule: a HeldBack when `project` likely repeats earlier ones nobody vouched for."""
    if project.pk is None:
        return None  # a new page written live comes from the import, which checks it (imports.py)
    matches = unconfirmed_duplicates(project)
    return HeldBack(project, matches) if matches else None
