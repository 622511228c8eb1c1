"""Finding the departments, categories, regions and organizations a row names: never guessed, never created.

A name must match a record exactly (an organization may be named by its unified social credit code instead), one
that exists or that the same file declares in its own list: the lists are imported in order, so a declared record
exists by the time a project row names it. A name that matches nothing is a row error that suggests the closest
existing names, so a variant of a black-listed organization's name is caught, not published as a new organization.
"""

import difflib

from shegong.snippets.models import Department, ProjectCategory, Region, RegionLevel, SocialOrganization

from .values import RowError, text

SUGGESTIONS = 3
CUTOFF = 0.6


def name_of(record):
    return record.name


def suggestions(name, queryset, describe=name_of):
    records = {record.name: record for record in queryset}
    close = difflib.get_close_matches(name, list(records), n=SUGGESTIONS, cutoff=CUTOFF)
    return [describe(records[match]) for match in close]


def not_found(kind, name, key, queryset, section, describe=name_of):
    close = suggestions(name, queryset, describe)
    hint = f"是否为：{'、'.join(close)}？" if close else f"请先在“{section}”中列出它，或在后台添加。"
    return RowError(f"未找到{kind}“{name}”。{hint}", key, "unknown")


def named(model, kind, section, row, key, queryset=None):
    name = text(row, key)
    if not name:
        return None
    queryset = model.objects.all() if queryset is None else queryset
    found = queryset.filter(name=name).first()
    if found is None:
        raise not_found(kind, name, key, queryset, section)
    return found


def department(row, key="purchaser"):
    return named(Department, "购买部门", "departments", row, key)


def category(row, key="category"):
    return named(ProjectCategory, "项目类别", "categories", row, key)


def street(row, key="street"):
    return named(Region, "街道", "regions", row, key, Region.objects.filter(level=RegionLevel.STREET))


def community(row, in_street, key="community"):
    communities = Region.objects.filter(level=RegionLevel.COMMUNITY)
    if in_street is not None:
        communities = communities.filter(parent=in_street)
    return named(Region, f"{in_street.name}的社区" if in_street else "社区", "regions", row, key, communities)


def region(row, key="region"):
    return named(Region, "区域", "regions", row, key)


def with_list_status(organization):
    return (
        f"{organization.name}（{organization.get_list_status_display()}）"
        if organization.list_status
        else organization.name
    )


def organization(row, key="organization", code_key="organization_credit_code"):
    """By unified social credit code when the row gives one, else by exact name."""
    code = text(row, code_key).upper()
    name = text(row, key)
    if code:
        found = SocialOrganization.objects.filter(credit_code=code).first()
        if found is None:
            raise RowError(f"未找到统一社会信用代码为“{code}”的承接组织。", code_key, "unknown")
        if name and name != found.name:
            raise RowError(f"统一社会信用代码“{code}”属于“{found.name}”，与{{field}}“{name}”不符。", key, "mismatch")
        return found
    if not name:
        return None
    found = SocialOrganization.objects.filter(name=name).first()
    if found is None:
        raise not_found("承接组织", name, key, SocialOrganization.objects.all(), "organizations", with_list_status)
    return found
