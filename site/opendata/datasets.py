"""The open data sets: which records, which columns, what each column means. Public records and fields only.

Each set holds what the API gives the public: live pages without view restrictions, payments of those
projects, and organizations without their contact fields.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Max, Sum
from django.utils import timezone

from shegong.funds.models import Disbursement
from shegong.pages.models import NoticePage, PolicyPage, ProjectPage
from shegong.snippets.models import ListStatus, SocialOrganization


@dataclass
class Column:
    key: str
    label: str
    meaning: str
    unit: str = ""
    value: Callable = None

    def read(self, record):
        if self.value:
            return self.value(record)
        value = getattr(record, self.key)
        display = getattr(record, f"get_{self.key}_display", None)
        return display() if display and value else value


@dataclass
class Dataset:
    slug: str
    title: str
    description: str
    columns: list
    records: Callable
    updated: Callable = field(default=None)

    def rows(self):
        return ([column.read(record) for column in self.columns] for record in self.records())


def name(attribute):
    return lambda record: str(getattr(record, attribute) or "")


def page_url(page):
    return page.full_url or page.url


def public_pages(model, *order):
    return model.objects.live().public().order_by(*order)


def last_published(model):
    return lambda: public_pages(model).aggregate(last=Max("last_published_at"))["last"]


def projects_with_spent():
    return (
        public_pages(ProjectPage, "code")
        .select_related("category", "purchaser", "organization", "street", "community")
        .annotate(spent=Sum("disbursements__amount"))
    )


def public_payments():
    return (
        Disbursement.objects.filter(project__in=ProjectPage.objects.published())
        .select_related("project")
        .order_by("project__code", "paid_on", "pk")
    )


def listed_organizations():
    return SocialOrganization.objects.exclude(list_status=ListStatus.NONE).order_by("list_status", "-listed_on", "name")


def in_force(organization):
    return "是" if organization.listing_in_force(timezone.localdate()) else "否"


PROJECT_COLUMNS = [
    Column("code", "项目编号", "项目的唯一编号"),
    Column("title", "项目名称", "项目全称"),
    Column("category", "项目类别", "项目所属的服务类别", value=name("category")),
    Column("purchaser", "购买部门", "出资购买服务的政府部门", value=name("purchaser")),
    Column("organization", "承接组织", "承接项目的社会组织", value=name("organization")),
    Column("street", "街道（乡镇）", "项目服务的街道或乡镇", value=name("street")),
    Column("community", "社区（村）", "项目服务的社区或村", value=name("community")),
    Column("budget", "项目预算", "立项时确定的项目预算", "元"),
    Column("spent", "已拨付", "已拨付给承接组织的资金合计", "元", value=lambda p: p.spent or 0),
    Column("start_date", "服务期开始", "服务期的第一天", "日期（年-月-日）"),
    Column("end_date", "服务期结束", "服务期的最后一天", "日期（年-月-日）"),
    Column("stage", "当前阶段", "项目所处的生命周期阶段（征集、评审、立项公示、实施、评估、评估结果公示）"),
    Column("social_worker", "项目社工", "“1+1+1+N”联合申报中的项目社工"),
    Column("summary", "项目简介", "项目内容摘要"),
    Column("url", "网址", "项目公开页面的地址", value=page_url),
]

DATASETS = {
    dataset.slug: dataset
    for dataset in [
        Dataset(
            "projects",
            "服务项目",
            "已公开的政府购买社会工作服务项目，每行一个项目。",
            PROJECT_COLUMNS,
            projects_with_spent,
            last_published(ProjectPage),
        ),
        Dataset(
            "funds",
            "资金拨付",
            "已公开项目的每一笔资金拨付，每行一笔。",
            [
                Column("project_code", "项目编号", "拨付所属项目的编号", value=lambda d: d.project.code),
                Column("project_title", "项目名称", "拨付所属项目的名称", value=lambda d: d.project.title),
                Column("paid_on", "拨付日期", "资金拨付的日期", "日期（年-月-日）"),
                Column("kind", "拨付类型", "首期款、中期款或尾款"),
                Column("amount", "拨付金额", "本笔拨付的金额", "元"),
            ],
            public_payments,
            lambda: public_payments().aggregate(last=Max("created_at"))["last"],
        ),
        Dataset(
            "policies",
            "政策法规",
            "已公开的政策法规文件，每行一件。",
            [
                Column("title", "标题", "文件标题"),
                Column("document_number", "文号", "发文字号，无文号为空"),
                Column("level", "层级", "中央、省级、市级或区级"),
                Column("issuer", "发文机关", "发布文件的机关"),
                Column("issued_on", "发布日期", "文件的发布日期", "日期（年-月-日）"),
                Column("effective_on", "施行日期", "文件开始施行的日期", "日期（年-月-日）"),
                Column("status", "效力状态", "现行有效、已修订或已废止"),
                Column(
                    "topics",
                    "主题",
                    "文件涉及的主题，以顿号分隔",
                    value=lambda p: "、".join(t.name for t in p.topics.all()),
                ),
                Column("summary", "摘要", "文件内容摘要"),
                Column("url", "网址", "文件公开页面的地址", value=page_url),
            ],
            lambda: public_pages(PolicyPage, "-issued_on", "title").prefetch_related("topics"),
            last_published(PolicyPage),
        ),
        Dataset(
            "notices",
            "通知公告",
            "已公开的通知公告，每行一条。",
            [
                Column("title", "标题", "公告标题"),
                Column("kind", "类型", "项目征集公告、立项公示、评估结果公示、红黑榜公示或工作动态"),
                Column("published_on", "发布日期", "公告的发布日期", "日期（年-月-日）"),
                Column("publicity_until", "公示截止日期", "公示类公告的公示期最后一天", "日期（年-月-日）"),
                Column("source", "来源", "公告的来源单位"),
                Column("url", "网址", "公告公开页面的地址", value=page_url),
            ],
            lambda: public_pages(NoticePage, "-published_on", "-pk"),
            last_published(NoticePage),
        ),
        Dataset(
            "organizations",
            "社会组织",
            "登记在册的社会组织的公开信息（不含联系人、电话、邮箱和地址），每行一个组织。",
            [
                Column("name", "名称", "社会组织的登记名称"),
                Column("credit_code", "统一社会信用代码", "18 位统一社会信用代码"),
                Column("registered_on", "登记日期", "在民政部门登记的日期", "日期（年-月-日）"),
                Column("rating", "评估等级", "社会组织评估等级（1A～5A），未评估为空"),
                Column("region", "所在区域", "组织所在的区、街道或社区", value=name("region")),
                Column("list_status", "红黑榜", "列入红榜或黑榜，未列入为空"),
                Column("description", "简介", "组织简介"),
            ],
            lambda: SocialOrganization.objects.select_related("region").order_by("name"),
        ),
        Dataset(
            "redblack",
            "红黑榜",
            "列入过红榜或黑榜的社会组织，每行一条，含已到期的名单。",
            [
                Column("name", "社会组织", "社会组织的登记名称"),
                Column("credit_code", "统一社会信用代码", "18 位统一社会信用代码"),
                Column("list_status", "榜单", "红榜或黑榜"),
                Column("list_reason", "列入理由", "列入榜单的理由"),
                Column("listed_on", "列入日期", "列入榜单的日期", "日期（年-月-日）"),
                Column("list_until", "有效期至", "榜单有效期的最后一天，空为长期", "日期（年-月-日）"),
                Column("in_force", "是否在有效期内", "下载当天名单是否有效（是/否）", value=in_force),
            ],
            listed_organizations,
        ),
    ]
}
