"""What an import did, or in a dry run will do, to each row: structured, so each screen can name rows its own way."""

from dataclasses import asdict, dataclass, field

CREATE, UPDATE, UNCHANGED, CONFLICT, ERROR = "create", "update", "unchanged", "conflict", "error"
OUTCOME_LABELS = {CREATE: "新建", UPDATE: "更新", UNCHANGED: "未变", CONFLICT: "冲突", ERROR: "错误"}


@dataclass
class Problem:
    """`message` names its field as `{field}`; `field` is the row's key (None when the row as a whole is meant)."""

    message: str
    field: str | None = None
    code: str = "invalid"


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class RowResult:
    section: str
    index: int
    label: str = ""
    key: str = ""  # what identifies the record: a project's code, a snippet's name
    outcome: str = UNCHANGED
    changes: list = field(default_factory=list)  # Change: applied (old → new)
    conflicts: list = field(default_factory=list)  # Change: left as the admin has it (old = admin's, new = file's)
    problems: list = field(default_factory=list)  # Problem
    published: bool = False


@dataclass
class ImportReport:
    rows: list = field(default_factory=list)
    # Problems of the file as a whole (unknown lists, a list that is not a list).
    problems: list = field(default_factory=list)

    @property
    def errors(self):
        return [row for row in self.rows if row.problems]

    @property
    def failed(self):
        return bool(self.problems or self.errors)

    def totals(self):
        counts = {}
        for row in self.rows:
            section = counts.setdefault(row.section, dict.fromkeys(OUTCOME_LABELS, 0))
            section[row.outcome] += 1
        return counts

    def lines(self):
        """One line per list: 新建, 更新, 未变, and 冲突 when there are any."""
        lines = []
        for section, c in self.totals().items():
            line = f"{section}: 新建 {c[CREATE]}，更新 {c[UPDATE]}，未变 {c[UNCHANGED]}"
            lines.append(line + (f"，冲突 {c[CONFLICT]}" if c[CONFLICT] else ""))
        return lines

    def plan(self):
        """The report as plain data, to compare a dry run with the import that follows it."""
        return [asdict(row) for row in self.rows]


class ImportFailed(Exception):
    def __init__(self, report):
        self.report = report
        count = len(report.problems) + sum(len(row.problems) for row in report.errors)
        super().__init__(f"导入失败：{count} 处错误，未写入任何数据。")


class JsonNames:
    """Rows and fields as a JSON file names them: `projects[3]`, “budget”."""

    def row(self, section, index):
        return f"{section}[{index}]"

    def field(self, section, key):
        return f"“{key}”"


def problem_text(problem, section, names):
    return problem.message.replace("{field}", names.field(section, problem.field) if problem.field else "")


def error_lines(report, names):
    lines = [problem.message for problem in report.problems]
    for row in report.errors:
        where = f"{names.row(row.section, row.index)}（{row.label}）"
        lines += [f"{where}：{problem_text(problem, row.section, names)}" for problem in row.problems]
    return lines


def shown(value, labels=None):
    if value in (None, "", []):
        return "（空）"
    if isinstance(value, list):
        value = "；".join("：".join(map(str, item)) if isinstance(item, list) else str(item) for item in value)
    value = str((labels or {}).get(value, value))
    return value if len(value) <= 40 else value[:39] + "…"


def choice_labels():
    """{field: {value: label}} for the fields whose values are choices, so a change reads 路演评审 → 项目实施."""
    from shegong.pages.enums import NoticeKind, PolicyLevel, PolicyStatus, ProjectStage, StationLevel

    return {
        "stage": dict(ProjectStage.choices),
        "level": {**dict(PolicyLevel.choices), **dict(StationLevel.choices)},
        "status": dict(PolicyStatus.choices),
        "kind": dict(NoticeKind.choices),
    }


def change_text(section, change, names, conflict=False):
    labels = choice_labels().get(change.field)
    old, new = shown(change.old, labels), shown(change.new, labels)
    if conflict:
        return f"{names.field(section, change.field)} {old}（后台）≠ {new}（文件）"
    return f"{names.field(section, change.field)} {old} → {new}"


def detail_lines(report, names):
    """Each created, updated or conflicting row, with the fields that change and those left as the admin has them."""
    lines = []
    for row in report.rows:
        if row.outcome in (UNCHANGED, ERROR):
            continue
        where = f"{names.row(row.section, row.index)}（{row.label}）"
        if row.outcome == CREATE:
            lines.append(f"{where}：新建{'并发布' if row.published else '（不发布）'}")
            continue
        parts = []
        if row.changes:
            parts.append("更新 " + "；".join(change_text(row.section, c, names) for c in row.changes))
        if row.conflicts:
            conflicts = "；".join(change_text(row.section, c, names, conflict=True) for c in row.conflicts)
            parts.append(f"冲突，保留后台的值：{conflicts}")
        lines.append(f"{where}：{'。'.join(parts)}")
    return lines
