"""Department staff publish through a review step; street station staff get their own role.

- 部门工作人员 lose the publish permission on the project section: they submit for moderation through
  the site's workflow (审核流程), and 编辑 approve in its task (审核); they may now read the objections
  and payments of their own projects (the admin narrows both to the department's projects).
- 街道社工站 may add and edit (never publish) projects and stations, narrowed to their street by their
  StaffProfile.street (shegong.roles.scope), and read the implementation updates of those projects.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

from shegong.roles.groups import DEPARTMENT_STAFF, EDITORS, STREETS

DEPARTMENT_READS = [("feedback", "view_objection"), ("funds", "view_disbursement")]
STREET_PERMISSIONS = [("wagtailadmin", "access_admin"), ("updates", "view_implementationupdate")]
STREET_SECTIONS = ["ProjectIndexPage", "StationIndexPage"]
STREET_COLLECTION_PERMISSIONS = [("wagtailimages", "add_image"), ("wagtailimages", "choose_image")]


def permission(apps, app_label, codename):
    return apps.get_model("auth", "Permission").objects.get(content_type__app_label=app_label, codename=codename)


def make_permissions(apps):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def review_task(apps):
    """The approval task of the workflow on the root page (Wagtail's default one, renamed 审核流程), made if missing."""
    Page = apps.get_model("wagtailcore", "Page")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    ContentType = apps.get_model("contenttypes", "ContentType")
    root = Page.objects.filter(depth=1).first()
    link = WorkflowPage.objects.filter(page=root, workflow__active=True).select_related("workflow").first()
    if link:
        task = GroupApprovalTask.objects.filter(workflow_tasks__workflow=link.workflow, active=True).first()
        if task:
            return task
    content_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="groupapprovaltask")
    task = GroupApprovalTask.objects.create(name="审核", content_type=content_type, active=True)
    workflow = link.workflow if link else Workflow.objects.create(name="审核流程", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=workflow.workflow_tasks.count())
    if root and not link:
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    return task


def forward(apps, schema_editor):
    make_permissions(apps)
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    Collection = apps.get_model("wagtailcore", "Collection")

    department = Group.objects.filter(name=DEPARTMENT_STAFF).first()
    editors = Group.objects.filter(name=EDITORS).first()
    if department is None or editors is None:  # the roles migration found no site tree (tests on a flushed database)
        return
    GroupPagePermission.objects.filter(group=department, permission__codename="publish_page").delete()
    department.permissions.add(*[permission(apps, *dotted) for dotted in DEPARTMENT_READS])
    review_task(apps).groups.add(editors)

    streets, _ = Group.objects.get_or_create(name=STREETS)
    streets.permissions.add(*[permission(apps, *dotted) for dotted in STREET_PERMISSIONS])
    for model_name in STREET_SECTIONS:
        section = apps.get_model("pages", model_name).objects.first()
        for action in ["add", "change"] if section else []:
            GroupPagePermission.objects.get_or_create(
                group=streets, page_id=section.pk, permission=permission(apps, "wagtailcore", f"{action}_page")
            )
    root = Collection.objects.filter(depth=1).first()
    for dotted in STREET_COLLECTION_PERMISSIONS if root else []:
        GroupCollectionPermission.objects.get_or_create(
            group=streets, collection=root, permission=permission(apps, *dotted)
        )


def backward(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Group.objects.filter(name=STREETS).delete()
    department = Group.objects.filter(name=DEPARTMENT_STAFF).first()
    section = apps.get_model("pages", "ProjectIndexPage").objects.first()
    if department and section:
        department.permissions.remove(*[permission(apps, *dotted) for dotted in DEPARTMENT_READS])
        GroupPagePermission.objects.get_or_create(
            group=department, page_id=section.pk, permission=permission(apps, "wagtailcore", "publish_page")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0005_staffprofile_street"),
        ("funds", "0002_payment_schedule"),
        ("feedback", "0002_submission_count"),
        ("workflows", "0001_chinese_default_workflow"),
        ("pages", "0004_policy_replaced_by_station_hours_operator"),
    ]

    operations = [migrations.RunPython(forward, backward)]
