"""Replace Wagtail's welcome page with Shegong's home and its three sections."""

from django.db import migrations

SECTIONS = [
    ("ProjectIndexPage", "服务项目", "projects", "政府购买社会工作服务项目，全流程公开。"),
    ("PolicyIndexPage", "政策法规", "policies", "中央、省、市、区四级社会工作政策法规。"),
    ("NoticeIndexPage", "通知公告", "notices", "项目征集、立项公示、评估结果公示与工作动态。"),
    ("StationIndexPage", "社工站点", "stations", "区、街道（乡镇）、社区（村）三级社会工作服务站点。"),
]


def create_tree(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("pages", "HomePage")

    root = Page.objects.get(depth=1)
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    locale = Locale.objects.first()
    last = Page.objects.filter(depth=2).order_by("-path").first()
    home_path = root.path + (f"{int(last.path[-4:], 36) + 1:04d}" if last else "0001")

    def content_type(model):
        return ContentType.objects.get_or_create(app_label="pages", model=model.lower())[0]

    home = HomePage.objects.create(
        title="官渡区社会工作服务项目管理平台",
        draft_title="官渡区社会工作服务项目管理平台",
        slug="home",
        content_type=content_type("HomePage"),
        path=home_path,
        depth=2,
        numchild=len(SECTIONS),
        url_path="/home/",
        locale=locale,
        live=True,
        intro="政府购买社会工作服务项目的集中发布、全程公开与公众监督平台。",
    )
    for position, (model_name, title, slug, intro) in enumerate(SECTIONS, start=1):
        apps.get_model("pages", model_name).objects.create(
            title=title,
            draft_title=title,
            slug=slug,
            content_type=content_type(model_name),
            path=home.path + f"{position:04d}",
            depth=3,
            numchild=0,
            url_path=f"/home/{slug}/",
            locale=locale,
            live=True,
            intro=intro,
        )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={
            "hostname": "localhost",
            "port": 80,
            "site_name": "官渡区社会工作服务项目管理平台",
            "root_page": home,
        },
    )


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0001_initial"),
        ("wagtailcore", "0094_alter_page_locale"),
    ]

    operations = [migrations.RunPython(create_tree, migrations.RunPython.noop)]
