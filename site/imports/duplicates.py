"""The import's duplicate check, before anything is published: a likely duplicate is a row error unless the row
carries a confirmation reason, which is then recorded like the admin's confirmation."""

from shegong.duplicates.detection import unconfirmed_duplicates
from shegong.duplicates.models import confirm

from .values import RowError


def check_imported_project(project, reason, user):
    matches = unconfirmed_duplicates(project)
    if not matches:
        return
    if not reason:
        earlier = "、".join(f"“{m.project.title}”（{m.project.code}，{m.reason}）" for m in matches)
        raise RowError(
            f"可能重复申报已有项目{earlier}；如确认不是重复申报，请在{{field}}中写明理由。",
            "duplicate_reason",
            "duplicate",
        )
    confirm(project, matches, reason, user)
