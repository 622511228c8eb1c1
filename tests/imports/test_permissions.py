"""Editors use 表格导入; an account limited to its department imports only its department's projects."""

from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from shegong.pages.models import ProjectPage
from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS
from shegong.roles.models import StaffProfile
from tests.factories import ProjectPageFactory
from tests.imports.sheets import one_sheet, upload

HEADERS = ["项目编号", "项目名称", "购买部门", "预算", "阶段", "承接组织", "街道"]
# Every row names who carries the project out, and where, as a project must before it is published.
PLACE = ["昆明市官渡区同心社会工作服务中心", "关上街道"]


def sheet(*rows):
    return one_sheet(HEADERS, rows)


def test_an_editor_imports_through_the_screen(client, django_user_model, basics):
    editor = django_user_model.objects.create_user("bianji", password="pw", is_staff=True)
    editor.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(editor)
    assert "检查通过" in upload(
        client, sheet(["GD-2024-010", "关上社区儿童之家", "官渡区民政局", 50000, "征集", *PLACE])
    )
    client.post(reverse("spreadsheet_import"), {"action": "import"})
    project = ProjectPage.objects.get(code="GD-2024-010")
    assert project.live and project.latest_revision.user == editor


def test_a_department_account_imports_only_its_own_departments_projects(client, django_user_model, basics):
    own, other = basics["departments"]
    theirs = ProjectPageFactory(code="GD-2024-020", purchaser=other)
    staff = django_user_model.objects.create_user("minzheng", password="pw", is_staff=True)
    staff.groups.add(Group.objects.get(name=DEPARTMENT_STAFF))
    staff.user_permissions.add(Permission.objects.get(codename="use_import"))
    StaffProfile.objects.update_or_create(user=staff, defaults={"department": own})
    client.force_login(staff)

    page = upload(
        client,
        sheet(
            ["GD-2024-021", "本部门的新项目", own.name, 50000, "征集", *PLACE],
            ["GD-2024-022", "给别的部门建的项目", other.name, 50000, "征集", *PLACE],
            ["GD-2024-020", theirs.title, other.name, 99999, "征集", *PLACE],
        ),
    )
    assert "项目 第 3 行" in page and "只能导入本部门或本组织的项目" in page
    assert "项目 第 4 行" in page and "无权修改服务项目" in page
    assert "项目 第 2 行" not in page
    assert not ProjectPage.objects.filter(code__in=["GD-2024-021", "GD-2024-022"]).exists()
    assert ProjectPage.objects.get(code="GD-2024-020").budget == theirs.budget
