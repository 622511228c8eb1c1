"""The synonyms a district starts with, from the words its projects, policies and notices use; editors add more."""

from django.db import migrations

GROUPS = [
    "社工/社会工作/社会工作者",
    "社工站/社会工作服务站/社工服务站",
    "社工机构/社会工作服务机构/社会工作服务中心",
    "黑名单/黑榜",
    "红名单/红榜",
    "低保/最低生活保障",
    "特困/特困供养/五保",
    "残联/残疾人联合会",
    "残疾人/残障人士",
    "养老/为老",
    "老年人/长者/老人",
    "助餐/老年食堂/长者饭堂",
    "困境儿童/困难儿童",
    "志愿者/义工",
    "民政局/民政部门",
    "居委会/居民委员会",
    "村委会/村民委员会",
    "政府购买服务/购买服务",
    "心理咨询/心理辅导/心理疏导",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("shegong_search", "Synonym")
    for terms in GROUPS:
        Synonym.objects.get_or_create(terms=terms)


def unseed(apps, schema_editor):
    apps.get_model("shegong_search", "Synonym").objects.filter(terms__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("shegong_search", "0006_synonym")]

    operations = [migrations.RunPython(seed, unseed)]
