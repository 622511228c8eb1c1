import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("roles", "0004_editors_import"),
        ("snippets", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="staffprofile",
            name="street",
            field=models.ForeignKey(
                blank=True,
                help_text="街道社工站的账号填写，只能查看和维护本街道的项目与站点。",
                limit_choices_to={"level": "street"},
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="staff_profiles",
                to="snippets.region",
                verbose_name="所属街道",
            ),
        ),
    ]
