"""Load departments, regions, organizations, policies, projects, notices and stations from one document.

One transaction: a file with any bad row writes nothing. Each row is compared three ways, field by field: the
record as it is now (for a page, its latest revision), the values the last import gave it (ImportedRecord), and
the file. A field the admin has not touched since the last import takes the file's value; a field someone changed
in the admin (or a record created there) and the file disagree on is a conflict, reported and left alone unless
`overwrite` is given. Whatever the import writes is a revision by the importing user with an "imported" log entry;
it publishes only what it creates, and what was live with no pending draft. Stage changes go through the 变更阶段
screen's code (`change_stage`), with the same rule: a skipped or reversed stage needs a reason (`stage_reason`).
"""

import contextlib

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from wagtail.log_actions import log

from shegong.lifecycle.transitions import change_stage
from shegong.roles.scope import may_reach_project
from shegong.search.indexing import signals as index_signals

from .accounts import import_user
from .duplicates import check_imported_project
from .models import ImportedRecord
from .readers import PUBLICATION, SECTIONS, PageReader, ProjectReader
from .results import CONFLICT, CREATE, ERROR, UNCHANGED, UPDATE, Change, ImportFailed, ImportReport, Problem, RowResult
from .values import RowError, text

IMPORT_ACTION = "shegong.import"


class ContentImporter:
    """`user` is who the import acts as (its permissions, the revisions' author); `source` names the file in the
    history. `create_only` leaves every existing record alone (the demo content fills a database, nothing more)."""

    def __init__(self, user=None, source="", overwrite=False, create_only=False):
        self.user = user or import_user()
        self.source = source
        self.overwrite = overwrite
        self.create_only = create_only
        self.report = ImportReport()

    def run(self, document, dry_run=False):
        """The report of every row. Raises ImportFailed (nothing written) when any row or the file is bad;
        a dry run writes nothing either way."""
        if not isinstance(document, dict):
            self.report.problems.append(
                Problem("文件顶层应为 JSON 对象，包含 departments、projects 等列表", code="type")
            )
            raise ImportFailed(self.report)
        unknown = [str(key) for key in document if key not in SECTIONS]
        if unknown:
            self.report.problems.append(
                Problem(f"未知的列表：{'、'.join(sorted(unknown))}（可用：{'、'.join(SECTIONS)}）", code="unknown")
            )
        # A dry run is rolled back: it queues no index work, which would reach Elasticsearch regardless.
        with transaction.atomic(), index_signals.paused() if dry_run else contextlib.nullcontext():
            for section, reader in SECTIONS.items():
                rows = document.get(section) or []
                if not isinstance(rows, list):
                    self.report.problems.append(Problem(f"{section}：应为列表", code="type"))
                    continue
                for index, row in enumerate(rows):
                    self.report.rows.append(self.import_row(reader, index, row))
            if self.report.failed:
                raise ImportFailed(self.report)
            if dry_run:
                transaction.set_rollback(True)
        return self.report

    def import_row(self, reader, index, row):
        result = RowResult(reader.section, index)
        if not isinstance(row, dict):
            result.outcome = ERROR
            result.problems.append(Problem("每一行应为 JSON 对象", code="type"))
            return result
        result.label = reader.label(row)
        try:
            with transaction.atomic():
                if isinstance(reader, PageReader):
                    self.import_page(reader, row, result)
                else:
                    self.import_snippet(reader, row, result)
        except RowError as error:
            result.problems.append(Problem(str(error), error.field, error.code))
        except ValidationError as error:
            result.problems += validation_problems(error, reader.row_keys)
        if result.problems:
            result.outcome, result.changes, result.conflicts, result.published = ERROR, [], [], False
        return result

    # -- the three-way comparison -----------------------------------------------------------------------------

    def compare(self, reader, record, values, result):
        """The values to set, after recording changes and conflicts on `result`; remembers what was imported."""
        filed = reader.plain_values(values)
        current = reader.current(record, values)
        remembered = ImportedRecord.of(record)
        last = remembered.values if remembered else {}
        applied, snapshot = {}, dict(last)
        for name, new in filed.items():
            old = current[name]
            if old == new:
                snapshot[name] = new
            elif (name in last and last[name] == old) or self.overwrite:
                applied[name] = values[name]
                snapshot[name] = new
                result.changes.append(Change(name, old, new))
            else:
                result.conflicts.append(Change(name, old, new))
        result.outcome = CONFLICT if result.conflicts else (UPDATE if result.changes else UNCHANGED)
        return applied, snapshot

    # -- snippets ---------------------------------------------------------------------------------------------

    def import_snippet(self, reader, row, result):
        lookup, key = reader.identify(row)
        result.key = key
        values = reader.read(row)
        record = reader.find(lookup, values)
        self.require_reach(reader.project_of(lookup), field="project")
        model = reader.model._meta
        if record is None:
            self.require(
                self.user.has_perm(f"{model.app_label}.add_{model.model_name}"), f"无权新建{model.verbose_name}"
            )
            record = reader.model(**lookup)
            reader.assign(record, values)
            record.full_clean()
            record.save()
            self.log(record, "created")
            ImportedRecord.remember(record, key, reader.plain_values(values))
            result.outcome = CREATE
            return
        if self.create_only:
            return
        applied, snapshot = self.compare(reader, record, values, result)
        if applied:
            self.require(
                self.user.has_perm(f"{model.app_label}.change_{model.model_name}"), f"无权修改{model.verbose_name}"
            )
            reader.assign(record, applied)
            record.full_clean()
            record.save()
            self.log(record, "updated", fields=list(applied))
        ImportedRecord.remember(record, key, snapshot)

    # -- pages ------------------------------------------------------------------------------------------------

    def import_page(self, reader, row, result):
        lookup, key = reader.identify(row)
        result.key = key
        values = reader.read(row)
        publication = reader.publication(row)
        page = reader.find(lookup)
        if page is None:
            self.create_page(reader, row, lookup, key, values, publication, result)
        elif not self.create_only:
            self.update_page(reader, row, page, key, values, publication, result)

    def create_page(self, reader, row, lookup, key, values, publication, result):
        parent = reader.index_model.objects.first()
        if parent is None:
            raise RowError(f"站点中没有“{reader.index_model._meta.verbose_name}”页面，无法导入")
        permissions = parent.permissions_for_user(self.user)
        self.require(permissions.can_add_subpage(), f"无权新建{reader.model._meta.verbose_name}")
        values = reader.starting_values(values)
        page = reader.model(**lookup, live=False)
        reader.assign(page, values)
        self.require_reach(page)
        page.slug = unique_slug(parent, reader.slug(row, lookup))
        # Wagtail validates only title and slug of a page saved as a draft: the full rules (the black list among
        # them) run here, while the page is still new.
        page.full_clean(exclude=["path", "depth"])
        parent.add_child(instance=page)
        revision = page.save_revision(user=self.user, log_action=False)
        self.log(page, "created", revision=revision)
        if isinstance(reader, ProjectReader):
            check_imported_project(page, text(row, "duplicate_reason"), self.user)
        if publication == "live" and permissions.can_publish_subpage():
            revision.publish(user=self.user)
            result.published = True
        ImportedRecord.remember(page, key, reader.plain_values(values))
        result.outcome = CREATE

    def update_page(self, reader, row, page, key, values, publication, result):
        permissions = page.permissions_for_user(self.user)
        self.require(permissions.can_edit(), f"无权修改{reader.model._meta.verbose_name}“{page.title}”")
        draft = page.get_latest_revision_as_object()
        applied, snapshot = self.compare(reader, draft, values, result)
        shown = page_publication(page)
        if "publication" in row and publication != shown:
            # Publishing and taking offline are the admin's: a file never changes them, even told to overwrite.
            result.conflicts.append(Change("publication", PUBLICATION[shown], PUBLICATION[publication]))
            result.outcome = CONFLICT
        stage = applied.pop("stage", None)
        if stage is not None:
            day = (
                applied.pop(f"stage_dates.{stage}", None) or values.get(f"stage_dates.{stage}") or timezone.localdate()
            )
        if applied:
            # Published only when it was live with nothing pending: an editor's draft never goes public unseen.
            publish = page.live and not page.has_unpublished_changes and permissions.can_publish()
            reader.assign(draft, applied)
            self.require_reach(draft)
            draft.full_clean()
            revision = draft.save_revision(user=self.user, log_action=False)
            self.log(page, "updated", revision=revision, fields=list(applied))
            if isinstance(reader, ProjectReader):
                check_imported_project(draft, text(row, "duplicate_reason"), self.user)
            if publish:
                revision.publish(user=self.user)
        if stage is not None:
            try:
                change_stage(type(page).objects.get(pk=page.pk), stage, day, text(row, "stage_reason"), self.user)
            except ValidationError as error:
                raise RowError(
                    f"{'；'.join(error.messages)}请在{{field}}中写明理由。", "stage_reason", "stage"
                ) from None
        ImportedRecord.remember(page, key, snapshot)

    # -- permissions and history ------------------------------------------------------------------------------

    def require(self, allowed, message):
        if not allowed:
            raise RowError(f"{message}：当前账号“{self.user.get_username()}”没有此权限", code="permission")

    def require_reach(self, project, field="purchaser"):
        """`project` (a project page, or None for records outside any project) is within the account's scope."""
        if hasattr(project, "purchaser_id") and not may_reach_project(self.user, project):
            raise RowError(f"当前账号“{self.user.get_username()}”只能导入本部门或本组织的项目", field, "permission")

    def log(self, instance, what, revision=None, fields=()):
        log(
            instance=instance,
            action=IMPORT_ACTION,
            user=self.user,
            revision=revision,
            data={"file": self.source, "what": what, "fields": fields},
        )


def page_publication(page):
    if page.live:
        return "live"
    return "offline" if page.first_published_at or page.expired else "draft"


def unique_slug(parent, base):
    base = slugify(base, allow_unicode=True)[:60].strip("-") or "page"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def validation_problems(error, row_keys):
    """A model's messages, each after the field it concerns (as the file names it, when the reader says which
    key that is); a rule about the whole record speaks for itself."""
    if not hasattr(error, "message_dict"):
        return [Problem(message) for message in error.messages]
    problems = []
    for field, messages in error.message_dict.items():
        text = "；".join(messages)
        if field == NON_FIELD_ERRORS:
            problems.append(Problem(text))
        elif field in row_keys:
            problems.append(Problem(f"{{field}}：{text}", row_keys[field]))
        else:
            problems.append(Problem(f"{field}：{text}"))
    return problems
