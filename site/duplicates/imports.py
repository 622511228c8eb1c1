"""The import's duplicate check: a likely duplicate is a row error unless the row carries a confirmation reason."""

from django.core.exceptions import ValidationError

from .detection import unconfirmed_duplicates
from .models import confirm


def check_imported_project(project, reason):
    matches = unconfirmed_duplicates(project)
    if not matches:
        return
    if not reason:
        earlier = "、".join(f"“{m.project.title}”（{m.project.code}，{m.reason}）" for m in matches)
        raise ValidationError(
            f"可能重复申报已有项目{earlier}；如确认不是重复申报，请在“duplicate_reason”（重复确认理由）中写明理由。"
        )
    confirm(project, matches, reason)
