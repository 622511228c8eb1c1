"""Load departments, regions, organizations, policies, projects and notices from one document.

One transaction: a file with any bad row writes nothing. Records are keyed so
importing the same document twice changes nothing (no new pages, no new
revisions): projects by code, policies by document number (or title when it
has none), notices by title and date, snippets by name.
"""

import copy
import datetime
import decimal
import html
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.rich_text import RichText

from shegong.duplicates.imports import check_imported_project
from shegong.pages.enums import NoticeKind, ParticipantKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel
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

# Each list of the document and the method that imports one of its rows, in dependency order.
SECTIONS = {
    "departments": "import_department",
    "categories": "import_category",
    "regions": "import_region",
    "organizations": "import_organization",
    "policies": "import_policy",
    "projects": "import_project",
    "notices": "import_notice",
    "stations": "import_station",
}


class RowError(Exception):
    """A row that cannot be imported; the message is for the person who wrote the file."""


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"导入失败：{len(errors)} 处错误，未写入任何数据。")


@dataclass
class ImportReport:
    counts: dict = field(default_factory=dict)

    def count(self, section, outcome):
        self.counts.setdefault(section, {"created": 0, "updated": 0, "unchanged": 0})[outcome] += 1

    def lines(self):
        return [
            f"{section}: 新建 {c['created']}，更新 {c['updated']}，未变 {c['unchanged']}"
            for section, c in self.counts.items()
        ]


# -- field readers: each returns a clean Python value or raises RowError -----------------------


def text(row, key, required=False, max_length=None):
    value = row.get(key)
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise RowError(f"“{key}”应为文本，收到 {value!r}")
    value = value.strip()
    if required and not value:
        raise RowError(f"缺少“{key}”")
    if max_length and len(value) > max_length:
        raise RowError(f"“{key}”过长（{len(value)} 字，上限 {max_length}）")
    return value


def date(row, key, required=False, name=None):
    """`name` is how the message calls the value, when that is not its key (a value nested in a row)."""
    name = name or key
    value = row.get(key)
    if value in (None, ""):
        if required:
            raise RowError(f"缺少日期“{name}”")
        return None
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise RowError(f"“{name}”日期格式应为 YYYY-MM-DD，收到 {value!r}") from None


def amount(row, key):
    value = row.get(key)
    try:
        result = decimal.Decimal(str(value).replace(",", "").strip())
    except (decimal.InvalidOperation, TypeError):
        raise RowError(f"“{key}”应为金额（如 \"198000.00\"），收到 {value!r}") from None
    if not result.is_finite() or result < 0:
        raise RowError(f"“{key}”不能为负数或非数字，收到 {value!r}")
    if result.as_tuple().exponent < -2:
        raise RowError(f"“{key}”最多保留两位小数，收到 {value!r}")
    return result.quantize(decimal.Decimal("0.01"))


def choice(row, key, choices, required=True, default=None):
    value = row.get(key)
    if value in (None, ""):
        if required and default is None:
            raise RowError(f"缺少“{key}”")
        return default
    if value not in choices.values:
        raise RowError(f"“{key}”的值 {value!r} 无效，应为：{choices_text(choices)}")
    return value


def string_list(row, key):
    value = row.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RowError(f"“{key}”应为文本列表")
    return [v.strip() for v in value if v.strip()]


def choices_text(choices):
    return "、".join(f"{label}（{value}）" for value, label in choices.choices)


def participants(row):
    """The "N" of 1+1+1+N: [{"name", "kind"}], kind one of ParticipantKind (其他力量 when left out)."""
    items = row.get("participants") or []
    if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
        raise RowError("“participants”应为 [{\"name\", \"kind\"}] 列表")
    result = []
    for item in items:
        name = item.get("name")
        if not isinstance(name, str) or not name.strip():
            raise RowError("“participants”中有一项缺少名称")
        name = name.strip()
        if len(name) > 120:
            raise RowError(f"“participants”中“{name[:20]}…”过长（{len(name)} 字，上限 120）")
        kind = item.get("kind") or ParticipantKind.OTHER
        if kind not in ParticipantKind.values:
            raise RowError(f"“participants”中“{name}”的类型 {kind!r} 无效，应为：{choices_text(ParticipantKind)}")
        result.append(ProjectParticipant(name=name, kind=kind))
    return result


def stage_dates(row):
    """{stage: date, or None to clear it} for the stages a row names."""
    dates = row.get("stage_dates")
    if not isinstance(dates, dict):
        raise RowError("“stage_dates”应为 {阶段: 日期} 对象")
    for key in dates:
        if key not in ProjectStage.values:
            raise RowError(f"“stage_dates”中的阶段 {key!r} 无效，应为：{choices_text(ProjectStage)}")
    return {key: date(dates, key, name=f"stage_dates.{key}") for key in ProjectStage.values if key in dates}


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
    return sorted(milestones, key=milestone_order)


def milestone_order(milestone):
    return milestone.reached_on, ProjectStage(milestone.stage).position


def body_text(row):
    """The row's body, if it has one. Without, a page keeps its own: the admin may have given it
    headings, images and tables that plain text cannot carry."""
    return {"body": text(row, "body")} if "body" in row else {}


def paragraphs(value):
    return [p.strip() for p in (value or "").replace("\r\n", "\n").split("\n\n") if p.strip()]


def body_blocks(value):
    """Plain text with blank lines between paragraphs, as StreamField data."""
    return [("paragraph", RichText(paragraph_html(p))) for p in paragraphs(value)]


def paragraph_html(paragraph):
    return "<p>%s</p>" % html.escape(paragraph).replace("\n", "<br/>")


# -- the importer -----------------------------------------------------------------------------


class ContentImporter:
    def __init__(self):
        self.report = ImportReport()
        self.errors = []
        self.departments = {}
        self.categories = {}
        self.regions = {}
        self.organizations = {}
        self.projects = {}

    def run(self, document):
        if not isinstance(document, dict):
            raise ImportFailed(["文件顶层应为 JSON 对象，包含 departments、projects 等列表"])
        unknown = set(document) - set(SECTIONS)
        if unknown:
            self.errors.append(f"未知的列表：{'、'.join(sorted(unknown))}（可用：{'、'.join(SECTIONS)}）")
        with transaction.atomic():
            for section, method in SECTIONS.items():
                rows = document.get(section) or []
                if not isinstance(rows, list):
                    self.errors.append(f"{section}：应为列表")
                    continue
                handler = getattr(self, method)
                for position, row in enumerate(rows):
                    self.import_row(section, position, row, handler)
            if self.errors:
                raise ImportFailed(self.errors)
        return self.report

    def import_row(self, section, position, row, handler):
        where = f"{section}[{position}]"
        if not isinstance(row, dict):
            self.errors.append(f"{where}：每一行应为 JSON 对象")
            return
        label = row.get("title") or row.get("name") or row.get("code") or ""
        try:
            with transaction.atomic():
                self.report.count(section, handler(row))
        except RowError as error:
            self.errors.append(f"{where}（{label}）：{error}")
        except ValidationError as error:
            self.errors.append(f"{where}（{label}）：{'；'.join(validation_messages(error))}")

    # snippets

    def upsert(self, model, lookup, values):
        instance = model.objects.filter(**lookup).first()
        if instance is None:
            instance = model(**lookup, **values)
            instance.full_clean()
            instance.save()
            return instance, "created"
        changed = {k: v for k, v in values.items() if getattr(instance, k) != v}
        if not changed:
            return instance, "unchanged"
        for k, v in changed.items():
            setattr(instance, k, v)
        instance.full_clean()
        instance.save()
        return instance, "updated"

    def import_department(self, row):
        name = text(row, "name", required=True, max_length=120)
        values = {"short_name": text(row, "short_name", max_length=40)}
        if "description" in row:
            values["description"] = text(row, "description")
        self.departments[name], outcome = self.upsert(Department, {"name": name}, values)
        return outcome

    def import_category(self, row):
        name = text(row, "name", required=True, max_length=60)
        values = {"description": text(row, "description")} if "description" in row else {}
        self.categories[name], outcome = self.upsert(ProjectCategory, {"name": name}, values)
        return outcome

    def import_region(self, row):
        name = text(row, "name", required=True, max_length=80)
        level = choice(row, "level", RegionLevel)
        parent_name = text(row, "parent")
        parent = None
        if parent_name:
            parent = self.region_named(parent_name)
            if parent is None:
                raise RowError(f"上级区域“{parent_name}”不存在，请先列出它")
        region, outcome = self.upsert(Region, {"name": name, "parent": parent}, {"level": level})
        self.regions[name] = region
        return outcome

    def import_organization(self, row):
        name = text(row, "name", required=True, max_length=120)
        status = row.get("list") or ""
        if status not in ListStatus.values:
            raise RowError(f"“list”的值 {status!r} 无效，应为 red、black 或 null")
        values = {
            "credit_code": text(row, "credit_code", max_length=40),
            "rating": choice(row, "rating", OrganizationRating, required=False) or "",
            "list_status": status,
            "list_reason": text(row, "list_reason"),
            "listed_on": date(row, "listed_on"),
            "list_until": date(row, "list_until"),
        }
        optional = {
            "registered_on": lambda: date(row, "registered_on"),
            "description": lambda: text(row, "description"),
            "contact_person": lambda: text(row, "contact_person", max_length=40),
            "contact_phone": lambda: text(row, "contact_phone", max_length=40),
            "contact_email": lambda: text(row, "contact_email"),
            "address": lambda: text(row, "address", max_length=200),
        }
        values.update({key: read() for key, read in optional.items() if key in row})
        self.organizations[name], outcome = self.upsert(SocialOrganization, {"name": name}, values)
        return outcome

    # lookups that create what a row names

    def region_named(self, name, level=None, parent=None):
        if name in self.regions:
            return self.regions[name]
        qs = Region.objects.filter(name=name)
        if level:
            qs = qs.filter(level=level)
        if parent:
            qs = qs.filter(parent=parent)
        region = qs.first()
        if region is None and level:
            region = Region.objects.create(name=name, level=level, parent=parent)
        if region:
            self.regions[name] = region
        return region

    def named(self, cache, model, name):
        if not name:
            return None
        if name not in cache:
            cache[name] = model.objects.filter(name=name).first() or model.objects.create(name=name)
        return cache[name]

    # pages

    def save_page(self, index_model, model, lookup, fields, relations, slug):
        """Create and publish, or update and republish only when something differs.

        `fields["body"]`, when given, is plain text with blank lines between paragraphs.
        """
        parent = index_model.objects.first()
        if parent is None:
            raise RowError(f"站点中没有“{index_model._meta.verbose_name}”页面，无法导入")
        page = model.objects.filter(**lookup).first()
        if page is None:
            page = model(**lookup, **fields)
            page.body = body_blocks(fields.get("body", ""))
            page.slug = unique_slug(parent, slug)
            set_relations(page, resolved(page, relations))
            parent.add_child(instance=page)
            page.save_revision().publish()
            return page, "created"
        current = page.get_latest_revision_as_object()
        relations = resolved(current, relations)
        if not differs(current, fields, relations) and page.live and not page.has_unpublished_changes:
            return page, "unchanged"
        for key, value in fields.items():
            setattr(current, key, body_blocks(value) if key == "body" else value)
        set_relations(current, relations)
        current.full_clean()
        current.save_revision().publish()
        return page, "updated"

    def import_policy(self, row):
        number = text(row, "document_number", max_length=80)
        title = text(row, "title", required=True, max_length=255)
        fields = {
            "title": title,
            "level": choice(row, "level", PolicyLevel),
            "issuer": text(row, "issuer", required=True, max_length=200),
            "issued_on": date(row, "issued_on", required=True),
            "effective_on": date(row, "effective_on"),
            "status": choice(row, "status", PolicyStatus, default=PolicyStatus.VALID),
            "summary": text(row, "summary"),
            **body_text(row),
        }
        if number:
            lookup = {"document_number": number}
        else:
            lookup = {"document_number": "", "title": fields.pop("title")}
        page, outcome = self.save_page(
            PolicyIndexPage, PolicyPage, lookup, fields, {"topics": string_list(row, "topics")}, slug=number or title
        )
        return outcome

    def import_project(self, row):
        code = text(row, "code", required=True, max_length=32)
        street_name = text(row, "street")
        street = self.region_named(street_name, RegionLevel.STREET, self.district()) if street_name else None
        community_name = text(row, "community")
        community = self.region_named(community_name, RegionLevel.COMMUNITY, street) if community_name else None
        fields = {
            "title": text(row, "title", required=True, max_length=255),
            "category": self.named(self.categories, ProjectCategory, text(row, "category")),
            "purchaser": self.named(self.departments, Department, text(row, "purchaser")),
            "organization": self.named(self.organizations, SocialOrganization, text(row, "organization")),
            "street": street,
            "community": community,
            "budget": amount(row, "budget"),
            "start_date": date(row, "start"),
            "end_date": date(row, "end"),
            "stage": choice(row, "stage", ProjectStage),
            "social_worker": text(row, "social_worker", max_length=60),
            "summary": text(row, "summary"),
            **body_text(row),
        }
        # A row without participants or stage dates leaves the page's own: the lifecycle screen records
        # reasons and editors with each stage date, which a file cannot carry.
        relations = {"tags": string_list(row, "tags")}
        if "participants" in row:
            relations["participants"] = participants(row)
        if "stage_dates" in row:
            dates = stage_dates(row)
            relations["milestones"] = lambda page: merged_milestones(page.milestones.all(), dates)
        page, outcome = self.save_page(ProjectIndexPage, ProjectPage, {"code": code}, fields, relations, slug=code)
        check_imported_project(page, text(row, "duplicate_reason"))
        self.projects[code] = page
        return outcome

    def district(self):
        return Region.objects.filter(level=RegionLevel.DISTRICT).first()

    def import_notice(self, row):
        title = text(row, "title", required=True, max_length=255)
        published_on = date(row, "published_on", required=True)
        links = []
        for code in string_list(row, "projects"):
            project = self.projects.get(code) or ProjectPage.objects.filter(code=code).first()
            if project is None:
                raise RowError(f"项目编号“{code}”不存在")
            links.append(NoticeProject(project=project))
        fields = {
            "kind": choice(row, "kind", NoticeKind),
            "publicity_until": date(row, "publicity_until"),
            "source": text(row, "source", max_length=120),
            **body_text(row),
        }
        page, outcome = self.save_page(
            NoticeIndexPage, NoticePage, {"title": title, "published_on": published_on}, fields,
            {"related_projects": links},
            slug=f"{published_on:%Y%m%d}-{title[:20]}",
        )
        return outcome

    def import_station(self, row):
        title = text(row, "name", required=True, max_length=255)
        level = choice(row, "level", StationLevel)
        region_name = text(row, "region", required=True)
        region = self.region_named(region_name)
        if region is None:
            raise RowError(f"区域“{region_name}”不存在")
        staff = row.get("staff_count") or 0
        if not isinstance(staff, int) or staff < 0:
            raise RowError(f"“staff_count”应为非负整数，收到 {staff!r}")
        fields = {
            "level": level,
            "region": region,
            "address": text(row, "address", max_length=200),
            "phone": text(row, "phone", max_length=40),
            "opened_on": date(row, "opened_on"),
            "staff_count": staff,
            "services": "\n".join(string_list(row, "services")),
            **body_text(row),
        }
        page, outcome = self.save_page(StationIndexPage, StationPage, {"title": title}, fields, {}, slug=title)
        return outcome


# -- helpers for pages --------------------------------------------------------------------------


RELATION_KEYS = {
    "participants": ("name", "kind"),
    "milestones": ("stage", "reached_on"),
    "related_projects": ("project_id",),
}


# Compared without regard to order: milestones are kept in date order, whatever order a page holds them in.
UNORDERED = {"tags", "topics", "milestones"}


def relation_rows(items, name):
    if name in ("tags", "topics"):
        return sorted(items)
    keys = RELATION_KEYS[name]
    rows = [tuple(getattr(item, k) for k in keys) for item in items]
    return sorted(rows) if name in UNORDERED else rows


def differs(page, fields, relations):
    for key, value in fields.items():
        current = getattr(page, key)
        if key == "body":
            current_html = [block.value.source for block in current if block.block_type == "paragraph"]
            if len(current_html) != len(current) or current_html != [paragraph_html(p) for p in paragraphs(value)]:
                return True
            continue
        if hasattr(current, "pk") or hasattr(value, "pk"):
            if getattr(current, "pk", None) != getattr(value, "pk", None):
                return True
        elif current != value:
            return True
    for name, value in relations.items():
        current = getattr(page, name).all()
        if name in ("tags", "topics"):
            current = [tag.name for tag in current]
        if relation_rows(current, name) != relation_rows(value, name):
            return True
    return False


def resolved(page, relations):
    """Relations given as a function of the page's current ones, worked out for this page."""
    return {name: value(page) if callable(value) else value for name, value in relations.items()}


def set_relations(page, relations):
    for name, value in relations.items():
        if name in ("tags", "topics"):
            getattr(page, name).set(value, clear=True)
        else:
            # Orderable keeps the file's order only if told; unset sort_order sorts arbitrarily on PostgreSQL.
            for position, item in enumerate(value):
                item.sort_order = position
            setattr(page, name, value)


def unique_slug(parent, base):
    base = slugify(base, allow_unicode=True)[:60].strip("-") or "page"
    slug, n = base, 1
    while parent.get_children().filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def validation_messages(error):
    if hasattr(error, "message_dict"):
        return [f"{field}：{'；'.join(msgs)}" for field, msgs in error.message_dict.items()]
    return list(error.messages)
