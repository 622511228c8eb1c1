"""One reader per record type: which row identifies which record, and what a row says about it.

A reader turns a row into values ready to set on the record (`read`), and gives both those values and the
record's current ones in one plain form (text, ISO dates, lists of names) so the importer can compare them and
remember what it imported. A key missing from a row is not read: the record keeps its own value (a new record
gets the model's default), so a spreadsheet without a column leaves that column's data alone.
"""

import copy
import datetime
import decimal
import html

from django.db import models
from django.utils import timezone
from wagtail.rich_text import RichText

from shegong.funds.models import Disbursement, PaymentKind
from shegong.pages.enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel
from shegong.pages.models import (
    NoticeIndexPage,
    NoticePage,
    NoticeProject,
    PolicyIndexPage,
    PolicyPage,
    ProjectIndexPage,
    ProjectMilestone,
    ProjectPage,
    ProjectParticipant,
    StationIndexPage,
    StationPage,
)
from shegong.snippets.models import (
    Department,
    ListStatus,
    OrganizationRating,
    ProjectCategory,
    Region,
    RegionLevel,
    SocialOrganization,
)

from . import lookups
from .values import (
    RowError,
    amount,
    choice,
    count,
    date,
    model_text,
    participants,
    short,
    stage_dates,
    string_list,
    text,
)

# How a file says whether a page is public; an export writes it, an import only uses it for records it creates.
PUBLICATION = {"live": "已发布", "draft": "草稿", "offline": "已下线"}


def plain(value):
    """A value in the form that is compared and remembered: JSON, and what a person reads."""
    if isinstance(value, ProjectPage):
        return value.code
    if isinstance(value, models.Model):
        return value.name
    if isinstance(value, (datetime.date, decimal.Decimal)):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def paragraphs(value):
    return [p.strip() for p in (value or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def paragraph_html(paragraph):
    escaped = html.escape(paragraph).replace("\n", "<br/>")
    return f"<p>{escaped}</p>"


def body_blocks(value):
    """Plain text with blank lines between paragraphs, as StreamField data."""
    return [("paragraph", RichText(paragraph_html(p))) for p in paragraphs(value)]


def plain_body(stream):
    return [[block.block_type, getattr(block.value, "source", str(block.value))] for block in stream]


class Reader:
    section = ""
    model = None
    # (key in the row, how it is read): fields read only when the row has the key
    label_keys = ("title", "name", "code")

    def identify(self, row):
        """(lookup for the model's manager, the key as text)"""
        raise NotImplementedError

    def find(self, lookup, values=None):
        """The record the row is about; `values` (what the row says) for a reader that needs more than its key."""
        return self.model.objects.filter(**lookup).first()

    def read(self, row):
        raise NotImplementedError

    def plain_values(self, values):
        return {name: plain(value) for name, value in values.items()}

    def current(self, record, names):
        return {name: plain(getattr(record, name)) for name in names}

    def assign(self, record, values):
        for name, value in values.items():
            setattr(record, name, value)

    def project_of(self, lookup):
        """The project whose department or organization scope the row's record falls in; None when it has none."""
        return None

    # {model field: row key}, so a model's own validation names the column the person wrote.
    row_keys = {}

    def label(self, row):
        for key in self.label_keys:
            value = row.get(key)
            if isinstance(value, str) and value.strip():
                return short(value.strip()).strip("'")
        return ""


def read_present(row, readers):
    """{field: value} for the keys the row has; `readers` maps key → (field, function of the row)."""
    return {name: read(row) for key, (name, read) in readers.items() if key in row}


# -- snippets -------------------------------------------------------------------------------------------------


class DepartmentReader(Reader):
    section, model = "departments", Department

    def identify(self, row):
        name = model_text(row, "name", Department, required=True)
        return {"name": name}, name

    def read(self, row):
        return read_present(
            row,
            {
                "short_name": ("short_name", lambda r: model_text(r, "short_name", Department)),
                "description": ("description", lambda r: text(r, "description")),
            },
        )


class CategoryReader(Reader):
    section, model = "categories", ProjectCategory

    def identify(self, row):
        name = model_text(row, "name", ProjectCategory, required=True)
        return {"name": name}, name

    def read(self, row):
        return read_present(row, {"description": ("description", lambda r: text(r, "description"))})


class RegionReader(Reader):
    section, model = "regions", Region

    def identify(self, row):
        name = model_text(row, "name", Region, required=True)
        parent = lookups.region(row, "parent") if row.get("parent") else None
        return {"name": name, "parent": parent}, f"{parent.name}/{name}" if parent else name

    def read(self, row):
        return {"level": choice(row, "level", RegionLevel)}


class OrganizationReader(Reader):
    section, model = "organizations", SocialOrganization

    def identify(self, row):
        name = model_text(row, "name", SocialOrganization, required=True)
        return {"name": name}, name

    def read(self, row):
        if "list" in row and (row["list"] or "") not in ListStatus.values:
            raise RowError(f"{{field}}的值 {short(row['list'])} 无效，应为 red、black 或 null", "list", "choice")
        m = SocialOrganization
        return read_present(
            row,
            {
                "credit_code": ("credit_code", lambda r: model_text(r, "credit_code", m).upper()),
                "rating": ("rating", lambda r: choice(r, "rating", OrganizationRating, required=False) or ""),
                "list": ("list_status", lambda r: r["list"] or ""),
                "list_reason": ("list_reason", lambda r: text(r, "list_reason")),
                "listed_on": ("listed_on", lambda r: date(r, "listed_on")),
                "list_until": ("list_until", lambda r: date(r, "list_until")),
                "registered_on": ("registered_on", lambda r: date(r, "registered_on")),
                "description": ("description", lambda r: text(r, "description")),
                "contact_person": ("contact_person", lambda r: model_text(r, "contact_person", m)),
                "contact_phone": ("contact_phone", lambda r: model_text(r, "contact_phone", m)),
                "contact_email": ("contact_email", lambda r: model_text(r, "contact_email", m)),
                "address": ("address", lambda r: model_text(r, "address", m)),
            },
        )


# -- pages ----------------------------------------------------------------------------------------------------


class PageReader(Reader):
    index_model = None
    # Relations set as a whole: tags and topics (names), and orderables (lists of plain values).
    tag_relations = ()

    def slug(self, row, lookup):
        raise NotImplementedError

    def starting_values(self, values):
        """The values a record the file creates starts with."""
        return values

    def publication(self, row):
        """Whether a page the file creates goes live: 已发布 unless the row says 草稿 or 已下线."""
        value = row.get("publication")
        if value in (None, ""):
            return "live"
        for key, label in PUBLICATION.items():
            if value in (key, label):
                return key
        allowed = "、".join(PUBLICATION.values())
        raise RowError(f"{{field}}的值 {short(value)} 无效，应为：{allowed}", "publication", "choice")

    def current(self, page, names):
        values = {}
        for name in names:
            if name == "body":
                values[name] = plain_body(page.body)
            elif name in self.tag_relations:
                values[name] = sorted(tag.name for tag in getattr(page, name).all())
            else:
                values[name] = self.current_relation(page, name)
        return values

    def current_relation(self, page, name):
        return plain(getattr(page, name))

    def plain_values(self, values):
        result = {}
        for name, value in values.items():
            if name == "body":
                result[name] = [["paragraph", paragraph_html(p)] for p in paragraphs(value)]
            elif name in self.tag_relations:
                result[name] = sorted(value)
            else:
                result[name] = plain(value)
        return result

    def assign(self, page, values):
        for name, value in values.items():
            if name == "body":
                page.body = body_blocks(value)
            elif name in self.tag_relations:
                getattr(page, name).set(value, clear=True)
            else:
                setattr(page, name, value)


def orderables(items):
    # Orderable keeps the file's order only if told; an unset sort_order sorts arbitrarily on PostgreSQL.
    for position, item in enumerate(items):
        item.sort_order = position
    return items


class PolicyReader(PageReader):
    section, model, index_model = "policies", PolicyPage, PolicyIndexPage
    tag_relations = ("topics",)

    def identify(self, row):
        number = model_text(row, "document_number", PolicyPage)
        if number:
            return {"document_number": number}, number
        title = model_text(row, "title", PolicyPage, required=True)
        return {"document_number": "", "title": title}, title

    def slug(self, row, lookup):
        return lookup.get("document_number") or lookup["title"]

    def read(self, row):
        m = PolicyPage
        values = {"title": model_text(row, "title", m, required=True)}
        values.update(
            read_present(
                row,
                {
                    "level": ("level", lambda r: choice(r, "level", PolicyLevel)),
                    "issuer": ("issuer", lambda r: model_text(r, "issuer", m, required=True)),
                    "issued_on": ("issued_on", lambda r: date(r, "issued_on", required=True)),
                    "effective_on": ("effective_on", lambda r: date(r, "effective_on")),
                    "status": ("status", lambda r: choice(r, "status", PolicyStatus, default=PolicyStatus.VALID)),
                    "summary": ("summary", lambda r: text(r, "summary")),
                    "body": ("body", lambda r: text(r, "body")),
                    "topics": ("topics", lambda r: string_list(r, "topics")),
                },
            )
        )
        return values


class ProjectReader(PageReader):
    section, model, index_model = "projects", ProjectPage, ProjectIndexPage
    tag_relations = ("tags",)

    def identify(self, row):
        code = model_text(row, "code", ProjectPage, required=True)
        return {"code": code}, code

    def slug(self, row, lookup):
        return lookup["code"]

    def read(self, row):
        m = ProjectPage
        values = {"title": model_text(row, "title", m, required=True)}
        if "organization" in row or "organization_credit_code" in row:
            values["organization"] = lookups.organization(row)
        if "street" in row or "community" in row:
            values["street"] = lookups.street(row)
            values["community"] = lookups.community(row, values["street"])
        values.update(
            read_present(
                row,
                {
                    "category": ("category", lookups.category),
                    "purchaser": ("purchaser", lookups.department),
                    "budget": ("budget", lambda r: amount(r, "budget", m, "budget")),
                    "start": ("start_date", lambda r: date(r, "start")),
                    "end": ("end_date", lambda r: date(r, "end")),
                    "stage": ("stage", lambda r: choice(r, "stage", ProjectStage)),
                    "social_worker": ("social_worker", lambda r: model_text(r, "social_worker", m)),
                    "summary": ("summary", lambda r: text(r, "summary")),
                    "body": ("body", lambda r: text(r, "body")),
                    "tags": ("tags", lambda r: string_list(r, "tags")),
                    "participants": ("participants", lambda r: participants(r, ProjectParticipant)),
                },
            )
        )
        if "stage_dates" in row:
            values.update({f"stage_dates.{stage}": day for stage, day in stage_dates(row).items()})
        return values

    def starting_values(self, values):
        """A project a file creates starts at 项目征集, dated today unless the row dates it, as one added in the
        admin does; a record of past years may start at a later stage when the row gives the date it was reached."""
        stage = ProjectStage(values.get("stage") or ProjectStage.CALL)
        if stage != ProjectStage.CALL and not values.get(f"stage_dates.{stage.value}"):
            raise RowError(
                f"新项目从“项目征集”开始；要以“{stage.label}”阶段导入往年项目，须在{{field}}中给出到达该阶段的日期",
                f"stage_dates.{stage.value}",
                "stage",
            )
        values = {**values, "stage": stage.value}
        if not values.get("stage_dates.call"):
            values["stage_dates.call"] = timezone.localdate()
        return values

    def current_relation(self, page, name):
        if name == "participants":
            return [[p.kind, p.name] for p in page.participants.all()]
        if name.startswith("stage_dates."):
            return plain(latest_date(page.milestones.all(), name.removeprefix("stage_dates.")))
        return super().current_relation(page, name)

    def assign(self, page, values):
        values = dict(values)
        dates = {
            name.removeprefix("stage_dates."): values.pop(name)
            for name in list(values)
            if name.startswith("stage_dates.")
        }
        if "participants" in values:
            page.participants = orderables([ProjectParticipant(kind=k, name=n) for k, n in values.pop("participants")])
        if dates:
            page.milestones = orderables(merged_milestones(page.milestones.all(), dates))
        super().assign(page, values)


def latest_date(milestones, stage):
    return max((m.reached_on for m in milestones if m.stage == stage), default=None)


def merged_milestones(current, dates):
    """The page's milestones with a row's stage dates applied; stages the row does not name keep theirs.

    A stage reached more than once (sent back and reached again) keeps its earlier dates; the row's date
    is the latest one, as the public timeline shows. Milestones keep their reasons, notes and editors.
    """
    milestones = list(current)
    for stage, reached_on in dates.items():
        of_stage = [m for m in milestones if m.stage == stage]
        if reached_on is None:
            milestones = [m for m in milestones if m.stage != stage]
        elif not of_stage:
            milestones.append(ProjectMilestone(stage=stage, reached_on=reached_on))
        else:
            latest = max(of_stage, key=lambda m: m.reached_on)
            if latest.reached_on != reached_on:
                # A copy: the page's own list is what the new one is compared with.
                moved = copy.copy(latest)
                moved.reached_on = reached_on
                milestones[milestones.index(latest)] = moved
    return sorted(milestones, key=lambda m: (m.reached_on, ProjectStage(m.stage).position))


class NoticeReader(PageReader):
    section, model, index_model = "notices", NoticePage, NoticeIndexPage

    def identify(self, row):
        title = model_text(row, "title", NoticePage, required=True)
        published_on = date(row, "published_on", required=True)
        return {"title": title, "published_on": published_on}, f"{published_on} {title}"

    def slug(self, row, lookup):
        return f"{lookup['published_on']:%Y%m%d}-{lookup['title'][:20]}"

    def read(self, row):
        return read_present(
            row,
            {
                "kind": ("kind", lambda r: choice(r, "kind", NoticeKind)),
                "publicity_until": ("publicity_until", lambda r: date(r, "publicity_until")),
                "source": ("source", lambda r: model_text(r, "source", NoticePage)),
                "body": ("body", lambda r: text(r, "body")),
                "projects": ("related_projects", notice_projects),
            },
        )

    def current_relation(self, page, name):
        if name == "related_projects":
            return [link.project.code for link in page.related_projects.all()]
        return super().current_relation(page, name)

    def assign(self, page, values):
        values = dict(values)
        if "related_projects" in values:
            page.related_projects = orderables([NoticeProject(project=p) for p in values.pop("related_projects")])
        super().assign(page, values)


def notice_projects(row):
    projects = []
    for code in string_list(row, "projects"):
        project = ProjectPage.objects.filter(code=code).first()
        if project is None:
            raise RowError(f"项目编号“{code}”不存在", "projects", "unknown")
        projects.append(project)
    return projects


class PaymentReader(Reader):
    """A disbursement, known again by project + 凭证号: the number the finance office gives one payment.

    A payment without a 凭证号 is known by all it says: project, day, kind and amount (the same sum of the same
    kind paid to the same project on the same day is the same payment). A file that brings the 凭证号 of a
    payment first recorded without one finds it that way too, so adding the number never pays twice.
    """

    section, model = "payments", Disbursement
    row_keys = {"project": "project", "paid_on": "paid_on", "kind": "kind", "amount": "amount"}
    row_keys |= {"voucher_number": "voucher_number", "note": "note", "override_reason": "override_reason"}

    def identify(self, row):
        project = payment_project(row)
        number = model_text(row, "voucher_number", Disbursement)
        if number:
            return {"project": project, "voucher_number": number}, f"{project.code} 凭证号 {number}"
        what = self.what(row)
        return {"project": project, "voucher_number": "", **what}, " ".join(map(str, [project.code, *what.values()]))

    def what(self, row):
        return {
            "paid_on": date(row, "paid_on", required=True),
            "kind": choice(row, "kind", PaymentKind),
            "amount": payment_amount(row),
        }

    def find(self, lookup, values=None):
        found = super().find(lookup)
        if found is None and lookup["voucher_number"]:
            unnumbered = {key: values[key] for key in ("paid_on", "kind", "amount")}
            found = super().find({"project": lookup["project"], "voucher_number": "", **unnumbered})
        return found

    def read(self, row):
        values = self.what(row)
        values.update(
            read_present(
                row,
                {
                    "voucher_number": ("voucher_number", lambda r: model_text(r, "voucher_number", Disbursement)),
                    "note": ("note", lambda r: model_text(r, "note", Disbursement)),
                    "override_reason": ("override_reason", lambda r: text(r, "override_reason")),
                },
            )
        )
        return values

    def project_of(self, lookup):
        return lookup["project"]

    def label(self, row):
        return " ".join(str(row[key]) for key in ("project", "paid_on") if isinstance(row.get(key), str))


def payment_project(row):
    code = model_text(row, "project", ProjectPage, "code", required=True)
    project = ProjectPage.objects.filter(code=code).first()
    if project is None:
        raise RowError(f"项目编号“{code}”不存在", "project", "unknown")
    return project


def payment_amount(row):
    if row.get("amount") in (None, ""):
        raise RowError("缺少{field}", "amount", "required")
    value = amount(row, "amount", Disbursement, "amount")
    if value <= 0:
        raise RowError("{field}须大于 0", "amount", "amount")
    return value


class StationReader(PageReader):
    section, model, index_model = "stations", StationPage, StationIndexPage

    def identify(self, row):
        title = model_text(row, "name", StationPage, "title", required=True)
        return {"title": title}, title

    def slug(self, row, lookup):
        return lookup["title"]

    def read(self, row):
        m = StationPage
        values = {"level": choice(row, "level", StationLevel)}
        if not row.get("region"):
            raise RowError("缺少{field}", "region", "required")
        values["region"] = lookups.region(row)
        values.update(
            read_present(
                row,
                {
                    "address": ("address", lambda r: model_text(r, "address", m)),
                    "phone": ("phone", lambda r: model_text(r, "phone", m)),
                    "opened_on": ("opened_on", lambda r: date(r, "opened_on")),
                    "staff_count": ("staff_count", lambda r: count(r, "staff_count")),
                    "services": ("services", lambda r: "\n".join(string_list(r, "services"))),
                    "body": ("body", lambda r: text(r, "body")),
                },
            )
        )
        return values


# In dependency order: a row may name records of the lists before its own.
READERS = [
    DepartmentReader(),
    CategoryReader(),
    RegionReader(),
    OrganizationReader(),
    PolicyReader(),
    ProjectReader(),
    PaymentReader(),
    NoticeReader(),
    StationReader(),
]
SECTIONS = {reader.section: reader for reader in READERS}
