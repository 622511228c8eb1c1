"""Every existing site gets the default menu, footer and identifiers, so the demo shows them; editors change them."""

from django.db import migrations

from shegong.navigation import defaults


def fill_frames(apps, schema_editor):
    SiteFrame = apps.get_model("navigation", "SiteFrame")
    Site = apps.get_model("wagtailcore", "Site")
    for site in Site.objects.all():
        frame, created = SiteFrame.objects.get_or_create(site=site)
        if created:
            defaults.fill(
                frame, apps.get_model("navigation", "MainMenuItem"), apps.get_model("navigation", "FooterLink")
            )


class Migration(migrations.Migration):
    dependencies = [
        ("navigation", "0001_initial"),
        ("pages", "0002_site_tree"),
    ]

    operations = [migrations.RunPython(fill_frames, migrations.RunPython.noop)]
