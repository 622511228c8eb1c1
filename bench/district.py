"""A synthetic district for the benchmarks: 12 streets of 8 communities, 10 departments, 6 categories and
80 organizations, and `count` published projects over eight years, each with 简介, 详情 and a first payment."""

import datetime
import decimal
import random

from wagtail.rich_text import RichText

from shegong.funds.models import Disbursement
from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization

SERVICES = [
    ("独居老人关爱", "为独居老人提供定期探访、健康监测和精神慰藉服务，链接志愿者结对帮扶。"),
    ("四点半课堂", "为双职工家庭儿童提供放学后作业辅导、阅读陪伴和安全教育。"),
    ("残疾人康复支持", "为持证残疾人提供居家康复指导、辅具适配和家属喘息服务。"),
    ("社区营造", "推行楼栋长制度，培育居民议事会，引导居民参与公共空间营造。"),
    ("禁毒宣传教育", "开展禁毒知识宣传、青少年毒品预防教育和禁毒志愿者培训。"),
    ("新时代文明实践志愿服务", "培育志愿服务队伍，开展理论宣讲、移风易俗和邻里互助活动。"),
    ("青少年成长", "为困境青少年开展课业辅导、心理支持和团体成长小组。"),
    ("低保家庭帮扶", "为低保、低收入家庭提供需求评估、资源链接和个案帮扶。"),
]


def build_district(count, seed=7):
    """The district and its projects, under the site's project index; returns the random source for more."""
    rng = random.Random(seed)
    district = Region.objects.create(name="官渡区（基准）", level="district")
    streets = [Region.objects.create(name=f"基准{i}街道", level="street", parent=district) for i in range(12)]
    communities = [
        Region.objects.create(name=f"{s.name}第{j}社区", level="community", parent=s) for s in streets for j in range(8)
    ]
    departments = [Department.objects.create(name=f"官渡区基准局{i}") for i in range(10)]
    categories = [ProjectCategory.objects.create(name=f"基准类别{i}") for i in range(6)]
    organizations = [SocialOrganization.objects.create(name=f"官渡区基准社会工作服务中心{i}") for i in range(80)]
    index = ProjectIndexPage.objects.get()
    for n in range(count):
        community = rng.choice(communities)
        service, summary = rng.choice(SERVICES)
        year = rng.randint(2017, 2024)
        page = index.add_child(
            instance=ProjectPage(
                title=f"{community.name}{service}服务项目",
                slug=f"bench-{n}",
                code=f"BENCH-{year}-{n:04d}",
                summary=summary,
                body=[("paragraph", RichText(f"<p>{community.name}{summary}第{n}期计划开展活动{n % 40}场。</p>"))],
                category=rng.choice(categories),
                purchaser=rng.choice(departments),
                organization=rng.choice(organizations),
                street=community.parent,
                community=community,
                budget=decimal.Decimal(rng.randint(50, 300) * 1000),
                start_date=datetime.date(year, 3, 1),
                end_date=datetime.date(year + 1, 2, 28),
                stage="implementation",
            )
        )
        Disbursement.objects.create(
            project=page, paid_on=datetime.date(year, 4, 1), amount=page.budget / 2, kind="first"
        )
    return rng
