"""The years of the seed's story that fixtures/demo.json leaves out, generated from a fixed seed.

The article's figures: since 2017 more than 600 projects worth more than 8,200万元, of which 2022's 30 odd worth
590 odd 万元 are hand-written in demo.json. The projects of 2017–2021 beyond the hand-written ones are generated
here, from the content's own vocabulary (its categories, departments, streets, communities and organizations),
so `/stats/` tells the same story. The same seed gives the same codes, titles and amounts on every machine.

Each project is keyed by its code (GD-<year>-101 onwards); one that exists is left as it is, so an editor's
change survives a re-run. Pages are made without revisions, like records imported from an older system, and
indexed in one batch at the end.
"""

import contextlib
import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.db.models.signals import post_save
from modelsearch.backends import get_search_backends
from wagtail.models import ReferenceIndex
from wagtail.rich_text import RichText
from wagtail.signal_handlers import disable_reference_index_auto_update

from shegong.evaluations.models import Evaluation, EvaluationGrade
from shegong.pages.enums import ParticipantKind, ProjectStage
from shegong.pages.models import ProjectIndexPage, ProjectPage
from shegong.pages.projects import ProjectMilestone, ProjectParticipant
from shegong.search.indexing.signals import enqueue, paused, wagtail_index_page_saved
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization
from shegong.snippets.organizations import ListStatus

SEED = 20170401
FIRST_NUMBER = 101
# Projects generated per year: with the hand-written ones, 2017–2022 come to 600 odd projects and 8,200 odd 万元.
PER_YEAR = {2017: 84, 2018: 100, 2019: 112, 2020: 116, 2021: 132}
RELATED = ("category", "purchaser", "organization", "street", "community")
AGENCY = "云南省社会工作评估中心（演示）"


@dataclass(frozen=True)
class Service:
    """One kind of service bought year after year: the words its projects are written in."""

    category: str
    purchaser: str
    subject: str  # who is served or what is done, in the title
    names: tuple  # the quoted project names it goes by
    kind: str  # the end of the title
    aim: str  # the 简介, after "项目在<community>实施，"
    activities: tuple  # what the project does, three of which each project lists
    groups: tuple  # the community's participating forces, as (suffix, kind)
    specialists: tuple = ()  # organizations known for this work (short names)
    budget: tuple = (60, 220)  # bounds in thousands of yuan


VOLUNTEERS, GROUP, RESIDENTS, FIRM, OTHER = (
    ParticipantKind.VOLUNTEERS,
    ParticipantKind.COMMUNITY_GROUP,
    ParticipantKind.RESIDENT_GROUP,
    ParticipantKind.ENTERPRISE,
    ParticipantKind.OTHER,
)

SERVICES = (
    Service(
        "党组织服务群众",
        "中共昆明市官渡区委组织部",
        "党员志愿者",
        ("红色网格", "党群连心", "初心驿站", "先锋在身边"),
        "服务群众项目",
        "以社区党组织为核心，组织在职党员到社区报到，认领居民“微需求”并公开办理进度。",
        (
            "建立党员“双报到”服务台账",
            "每月开展党员主题服务日",
            "组织党员结对走访困难家庭",
            "召开党群议事会协商小区事务",
        ),
        (("党员先锋志愿服务队", VOLUNTEERS), ("居民议事会", RESIDENTS)),
        ("同心", "连心"),
    ),
    Service(
        "新时代文明实践",
        "中共昆明市官渡区委宣传部",
        "文明实践站",
        ("文明新风", "道德讲堂", "好家风", "邻里文明"),
        "志愿服务项目",
        "依托新时代文明实践站，组织理论宣讲、移风易俗和文明家庭评选活动。",
        ("开展“百姓宣讲团”进小区宣讲", "组织文明家庭和好邻居评选", "倡导红白喜事简办新风", "开设周末文化课堂"),
        (("文明实践志愿服务队", VOLUNTEERS), ("文艺队", GROUP)),
        ("新时代志愿",),
    ),
    Service(
        "社区营造",
        "官渡区民政局",
        "老旧小区",
        ("楼道微更新", "院落共治", "家门口", "睦邻公约"),
        "社区营造项目",
        "发动居民参与老旧小区公共空间改造，制定院落公约，培育楼栋自治小组。",
        ("开展院落需求调查和居民协商", "组织楼道、院坝微改造", "制定并公示院落自治公约", "培育楼栋长和自治小组"),
        (("楼栋长联谊会", RESIDENTS), ("物业服务企业", FIRM)),
        ("邻里", "普惠"),
    ),
    Service(
        "社区营造",
        "中共昆明市官渡区委社会建设工作领导小组办公室",
        "城中村居民",
        ("融居家园", "同心家园", "和美街巷"),
        "社区融合项目",
        "为城中村改造中的回迁居民和新市民搭建交流平台，促进邻里融合与社区参与。",
        ("建立新市民服务登记和转介", "举办邻里融合节和街巷议事", "开展回迁居民适应性小组", "编制社区资源地图"),
        (("新市民互助会", RESIDENTS), ("辖区商户联盟", FIRM)),
        ("邻里", "木棉"),
    ),
    Service(
        "公益创投",
        "官渡区民政局",
        "社会组织骨干",
        ("微公益孵化", "益起来", "公益种子"),
        "孵化项目",
        "通过公益创投方式孵化社区社会组织，为骨干提供项目设计和财务管理培训。",
        ("举办社区社会组织骨干训练营", "开展微项目路演和陪伴辅导", "建立社区社会组织备案台账", "组织公益集市展示成果"),
        (("社会组织联合会", GROUP), ("爱心企业", FIRM)),
        ("普惠", "明德"),
        (30, 120),
    ),
    Service(
        "为老服务",
        "官渡区民政局",
        "高龄老人",
        ("暖阳相伴", "夕阳红", "乐龄之家", "松鹤长青"),
        "居家探访服务项目",
        "为辖区 80 岁以上高龄老人建立健康档案，组织志愿者定期上门探访和紧急联络。",
        ("为高龄老人建立健康和需求档案", "组织志愿者每周上门探访", "开展防跌倒和防诈骗讲座", "链接家庭医生上门随访"),
        (("助老志愿服务队", VOLUNTEERS), ("老年协会", GROUP)),
        ("颐乐为老", "恒爱"),
    ),
    Service(
        "为老服务",
        "官渡区民政局",
        "失能老人家庭",
        ("喘息驿站", "携手照护", "安心守护"),
        "照护者支持项目",
        "为失能、半失能老人的家庭照护者提供照护技能培训和短期喘息服务。",
        ("开展家庭照护技能培训", "提供照护者短期喘息服务", "组建照护者互助小组", "评估并转介适老化改造需求"),
        (("照护者互助小组", RESIDENTS), ("辖区养老机构", FIRM)),
        ("颐乐为老", "暖心"),
    ),
    Service(
        "儿童关爱",
        "共青团昆明市官渡区委员会",
        "青少年",
        ("青春同行", "追梦少年", "向上生长"),
        "成长营项目",
        "面向辖区中学生开展生涯规划、情绪管理和社会实践，预防青少年不良行为。",
        ("开设青少年生涯规划工作坊", "组织暑期社会实践营", "开展青少年情绪管理小组", "培训青少年朋辈志愿者"),
        (("青年志愿者服务队", VOLUNTEERS), ("辖区中学", OTHER)),
        ("阳光青少年", "启明星儿童"),
    ),
    Service(
        "儿童关爱",
        "官渡区民政局",
        "学龄前儿童家庭",
        ("亲子共读", "童趣乐园", "小手拉大手"),
        "早期发展项目",
        "为学龄前儿童家庭开展亲子共读和早期发展指导，提升家长养育能力。",
        ("开设周末亲子共读会", "开展家长养育能力课堂", "建设社区儿童友好空间", "组织亲子户外自然体验"),
        (("家长志愿者队", VOLUNTEERS), ("辖区幼儿园", OTHER)),
        ("启明星儿童", "春晖"),
    ),
    Service(
        "社会救助",
        "官渡区民政局",
        "特困供养人员",
        ("兜底守护", "温暖相伴", "救急难"),
        "救助服务项目",
        "为特困供养和临时救助对象开展需求评估、生活照料转介和个案跟进。",
        (
            "开展特困供养人员入户需求评估",
            "建立救助对象个案服务档案",
            "链接慈善资源实施临时帮扶",
            "协助申办各类救助政策",
        ),
        (("爱心帮扶志愿队", VOLUNTEERS), ("慈善超市", OTHER)),
        ("关爱", "彩云"),
    ),
    Service(
        "助残服务",
        "官渡区残疾人联合会",
        "智力残疾人",
        ("快乐工坊", "展翅", "同行家园"),
        "日间照料项目",
        "为智力和精神残疾人提供日间照料、生活技能训练和辅助性就业。",
        ("开展生活自理能力训练", "组织手工坊辅助性就业", "为家属提供照护培训", "举办融合游园活动"),
        (("助残志愿服务队", VOLUNTEERS), ("残疾人亲友会", GROUP)),
        ("康乐助残",),
    ),
    Service(
        "助残服务",
        "官渡区残疾人联合会",
        "视障人士",
        ("光明同行", "心光", "听见世界"),
        "出行支持项目",
        "为视障人士开展定向行走训练、读屏软件培训和无障碍出行倡导。",
        ("开展定向行走训练", "培训读屏软件和智能设备使用", "排查社区无障碍设施", "组织视障人士文化活动"),
        (("无障碍志愿服务队", VOLUNTEERS), ("辖区公交站点", FIRM)),
        ("康乐助残", "云岭"),
    ),
    Service(
        "妇女家庭服务",
        "官渡区妇女联合会",
        "单亲母亲",
        ("她力量", "花开有时", "同心圆"),
        "赋能项目",
        "为单亲母亲开展职业技能培训、法律咨询和同伴支持小组。",
        ("开展家政、电商等职业技能培训", "提供婚姻家庭法律咨询", "组建单亲母亲同伴支持小组", "链接就业岗位和托育资源"),
        (("巾帼志愿服务队", VOLUNTEERS), ("家政服务企业", FIRM)),
        ("融爱家庭",),
    ),
    Service(
        "妇女家庭服务",
        "官渡区妇女联合会",
        "新婚家庭",
        ("幸福起航", "家和万事兴", "和谐家庭"),
        "婚姻家庭辅导项目",
        "面向新婚及婚姻危机家庭开展婚姻辅导、家庭沟通训练和调解服务。",
        ("开设婚前辅导课堂", "开展家庭沟通训练营", "提供婚姻家庭调解服务", "评选和美家庭"),
        (("婚姻家庭调解志愿队", VOLUNTEERS), ("家事调解室", OTHER)),
        ("融爱家庭", "映山红"),
    ),
    Service(
        "专项社会工作",
        "官渡区禁毒委员会办公室",
        "戒毒康复人员",
        ("向阳花开", "重塑新生", "同伴同行"),
        "帮扶项目",
        "为社区戒毒社区康复人员开展个案管理、就业扶持和家庭支持服务。",
        ("建立康复人员个案管理档案", "开展同伴教育和复吸预防小组", "链接就业培训岗位", "开展家庭关系修复辅导"),
        (("禁毒志愿服务队", VOLUNTEERS), ("警务室", OTHER)),
        ("蓝天禁毒",),
    ),
    Service(
        "专项社会工作",
        "官渡区卫生健康局",
        "慢性病患者",
        ("慢病自管", "医养同行", "活力人生"),
        "自我管理项目",
        "联合社区卫生服务站为高血压、糖尿病患者开展自我管理小组和健康教育。",
        ("组建慢病患者自我管理小组", "开展合理膳食和运动指导", "组织季度健康义诊", "建立患者随访记录"),
        (("健康促进志愿队", VOLUNTEERS), ("卫生服务站", OTHER)),
        ("心晴心理", "致远"),
    ),
    Service(
        "专项社会工作",
        "中共昆明市官渡区委政法委员会",
        "矛盾纠纷",
        ("和事佬", "邻里和睦", "以和为贵"),
        "多元调解项目",
        "培育社区调解志愿者，运用社会工作方法预防和化解邻里、物业等矛盾纠纷。",
        ("培训社区调解志愿者", "建立矛盾纠纷排查台账", "开展邻里纠纷调解和回访", "举办法治宣传进小区活动"),
        (("人民调解志愿队", VOLUNTEERS), ("法律服务所", OTHER)),
        ("致远", "连心"),
    ),
    Service(
        "新时代文明实践",
        "中共昆明市官渡区委宣传部",
        "传统文化",
        ("滇韵传承", "花灯进社区", "民俗记忆"),
        "传承项目",
        "挖掘社区民俗文化资源，组织滇剧、花灯和手工艺传习活动。",
        ("组建社区花灯和滇剧兴趣队", "开设民间手工艺传习课", "采写社区老故事", "举办传统节日民俗展演"),
        (("文化志愿服务队", VOLUNTEERS), ("花灯队", GROUP)),
        ("新时代志愿", "映山红"),
    ),
    Service(
        "社会救助",
        "官渡区民政局",
        "因病致困家庭",
        ("渡难关", "病有所助", "携手同行"),
        "综合帮扶项目",
        "为因重病致困家庭开展需求评估、医疗救助申办和心理支持服务。",
        ("为因病致困家庭评估需求", "协助申办医疗救助和大病保险", "链接爱心企业定向帮扶", "提供家属心理支持"),
        (("医疗救助志愿队", VOLUNTEERS), ("爱心药房", FIRM)),
        ("关爱", "暖心"),
    ),
    Service(
        "公益创投",
        "官渡区民政局",
        "居民环保",
        ("绿意社区", "低碳生活", "清洁家园"),
        "环保行动项目",
        "以公益创投方式动员居民参与社区绿化认养、旧物循环和河道保护。",
        ("组织居民认养社区绿地", "开设旧物交换集市", "开展河道巡护志愿行动", "评选低碳家庭"),
        (("环保志愿服务队", VOLUNTEERS), ("辖区物业企业", FIRM)),
        ("普惠", "云岭"),
        (30, 120),
    ),
)

# Words in the names of organizations that keep to one field of work.
SPECIALIZED = ("禁毒", "助残", "为老", "儿童", "青少年", "心理", "家庭", "志愿服务")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红辉建文燕鹏飞丹宁晓雪琳慧倩婷欣悦宇浩"
GRADES = ((90, EvaluationGrade.EXCELLENT), (80, EvaluationGrade.GOOD), (60, EvaluationGrade.PASS))
FINDINGS = {
    EvaluationGrade.EXCELLENT: "服务目标全面完成，过程资料规范，服务对象满意度高。",
    EvaluationGrade.GOOD: "完成合同约定服务量，服务成效较好；部分活动记录需进一步规范。",
    EvaluationGrade.PASS: "基本完成服务指标；需求评估和成效评估不够深入，需加强督导。",
    EvaluationGrade.FAIL: "未完成合同约定服务量，过程资料与实际不符，资金使用不规范。",
}


@dataclass
class Plan:
    """One generated project, as plain values: what a run makes, and what two runs must agree on."""

    code: str
    title: str
    service: Service
    organization: str
    street: str
    community: str
    budget: Decimal
    start: datetime.date
    end: datetime.date
    stage_dates: dict
    social_worker: str
    participants: list
    activities: list
    score: Decimal
    grade: str

    @property
    def summary(self):
        return f"项目在{self.community}实施，{self.service.aim}"

    def body(self):
        s = self.service
        parties = "、".join(name for name, _ in self.participants)
        grade = EvaluationGrade(self.grade).label
        return [
            f"项目采用官渡区“1+1+1+N”联合申报模式，由{self.community}居民委员会、{self.organization}、"
            f"项目社工{self.social_worker}和{parties}联合申报，由{s.purchaser}购买，"
            f"服务期为{chinese_date(self.start)}至{chinese_date(self.end)}，购买服务金额{self.budget:,.2f}元，"
            "项目资金按“40%—40%—20%”分期拨付。",
            "项目主要开展以下服务："
            + "；".join(f"{n}是{a}" for n, a in zip("一二三", self.activities, strict=False))
            + "。",
            f"项目终期评估得分{self.score}分，评估等级为{grade}。",
        ]


def chinese_date(day):
    return f"{day.year}年{day.month}月{day.day}日"


def plans(communities, organizations, seed=SEED):
    """Every generated project, in code order. `communities` are (street, community) pairs in the demo's order;
    `organizations` are dicts with name, registered_on, list_status, listed_on and list_until, in the demo's order."""
    rng = random.Random(seed)
    streets = {}
    for street, community in communities:
        streets.setdefault(street, []).append(community)
    result = []
    for year, count in PER_YEAR.items():
        number = FIRST_NUMBER
        # Each street takes its share of the year; one service at most once per street and year, so no two of a
        # street's projects of the same months say the same thing (the duplicate check would rightly flag them).
        order = list(streets)
        rng.shuffle(order)
        shares = {street: count // len(order) + (i < count % len(order)) for i, street in enumerate(order)}
        for street in streets:
            services = rng.sample(SERVICES, shares[street])
            for service in services:
                community = rng.choice(streets[street])
                result.append(plan(rng, f"GD-{year}-{number:03d}", year, service, street, community, organizations))
                number += 1
    return result


def plan(rng, code, year, service, street, community, organizations):
    start = datetime.date(year, rng.choice((3, 4, 5, 6)), 1)
    # Ten months: next year's contract in the same place starts as this one ends, never half-way through it.
    end = add_months(start, 10) - datetime.timedelta(days=1)
    organization = pick_organization(rng, service, start, organizations)
    low, high = service.budget
    budget = Decimal(rng.randrange(low, high + 1, 5) * 1000)
    call = start - datetime.timedelta(days=rng.randint(55, 75))
    review = call + datetime.timedelta(days=rng.randint(30, 40))
    stage_dates = {
        ProjectStage.CALL: call,
        ProjectStage.REVIEW: review,
        ProjectStage.PUBLICITY: review + datetime.timedelta(days=rng.randint(5, 9)),
        ProjectStage.IMPLEMENTATION: start,
        ProjectStage.EVALUATION: end - datetime.timedelta(days=rng.randint(15, 25)),
        ProjectStage.RESULT: end + datetime.timedelta(days=rng.randint(20, 35)),
    }
    score = Decimal(rng.randint(760, 960)) / 10
    if organization["list_status"] == ListStatus.BLACK and rng.random() < 0.5:
        score = Decimal(rng.randint(520, 590)) / 10
    name = rng.choice(service.names)
    return Plan(
        code=code,
        title=f"{community}{service.subject}“{name}”{service.kind}",
        service=service,
        organization=organization["name"],
        street=street,
        community=community,
        budget=budget,
        start=start,
        end=end,
        stage_dates=stage_dates,
        social_worker=rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2)))),
        participants=[(f"{community}{suffix}", kind) for suffix, kind in service.groups[: rng.choice((1, 2))]],
        activities=rng.sample(service.activities, 3),
        score=score,
        grade=next((grade for floor, grade in GRADES if score >= floor), EvaluationGrade.FAIL),
    )


def pick_organization(rng, service, start, organizations):
    """A specialist of the service most of the time, else any: registered by then and not black-listed then."""

    def may_serve(org):
        listed = org["list_status"] == ListStatus.BLACK and org["listed_on"] and org["listed_on"] <= start
        in_force = listed and (org["list_until"] is None or start <= org["list_until"])
        return org["registered_on"] and org["registered_on"] < start and not in_force

    able = [org for org in organizations if may_serve(org)]
    specialists = [org for org in able if org["name"].removeprefix("昆明市官渡区").startswith(service.specialists)]
    # A drug-work or disability centre does not run a family project: the others come from the general centres.
    general = [org for org in able if not any(word in org["name"] for word in SPECIALIZED)]
    return rng.choice(specialists if specialists and rng.random() < 0.7 else general)


def add_months(day, months):
    month = day.month - 1 + months
    return day.replace(year=day.year + month // 12, month=month % 12 + 1)


def demo_plans(document):
    """The plans over the streets, communities and organizations of the demo content (demo.json's document):
    the same on every machine, whatever editors have since changed in the database."""
    communities = sorted((r["parent"], r["name"]) for r in document.get("regions", []) if r["level"] == "community")
    day = datetime.date.fromisoformat
    organizations = [
        {
            "name": o["name"],
            "registered_on": o["registered_on"] and day(o["registered_on"]),
            "list_status": o["list"] or ListStatus.NONE,
            "listed_on": o["listed_on"] and day(o["listed_on"]),
            "list_until": o["list_until"] and day(o["list_until"]),
        }
        for o in sorted(document.get("organizations", []), key=lambda o: o["name"])
    ]
    return plans(communities, organizations)


def load_history(document):
    """Make the generated projects that are missing, with their timelines and evaluations; their codes.

    A project whose department, category, organization or place an editor has since renamed or removed is not
    made: the demo does not bring back what an editor took away.
    """
    taken = set(ProjectPage.objects.values_list("code", flat=True))
    lookups = Lookups()
    missing = [p for p in demo_plans(document) if p.code not in taken and lookups.resolve(p)]
    if not missing:
        return []
    index = ProjectIndexPage.objects.get()
    # Saved page by page, the participants, milestones and index entries would each cost a round of signal
    # handlers: they are written in bulk once the pages exist.
    with paused(), disable_reference_index_auto_update(), wagtail_search_deferred(), transaction.atomic():
        made = [index.add_child(instance=project_page(p, lookups)) for p in missing]
        pairs = list(zip(made, missing, strict=True))
        ProjectParticipant.objects.bulk_create(
            ProjectParticipant(page=page, name=name, kind=kind, sort_order=n)
            for page, p in pairs
            for n, (name, kind) in enumerate(p.participants)
        )
        ProjectMilestone.objects.bulk_create(
            ProjectMilestone(page=page, stage=stage, reached_on=day, sort_order=n)
            for page, p in pairs
            for n, (stage, day) in enumerate(p.stage_dates.items())
        )
        Evaluation.objects.bulk_create(
            Evaluation(
                project=page,
                agency=AGENCY,
                evaluated_on=p.stage_dates[ProjectStage.EVALUATION],
                score=p.score,
                grade=p.grade,
                findings=FINDINGS[p.grade],
            )
            for page, p in pairs
        )
        for page in made:
            ReferenceIndex.create_or_update_for_object(page)
        pages = ProjectPage.objects.filter(pk__in=[page.pk for page in made]).select_related(*RELATED)
        for backend in get_search_backends():
            backend.add_bulk(ProjectPage, list(pages))
    enqueue([page.pk for page in made])
    return [page.code for page in made]


@contextlib.contextmanager
def wagtail_search_deferred():
    """Wagtail's own search index (the admin's) is not written at each page save inside; add_bulk does it after."""
    post_save.disconnect(wagtail_index_page_saved, sender=ProjectPage)
    try:
        yield
    finally:
        post_save.connect(wagtail_index_page_saved, sender=ProjectPage)


class Lookups:
    """The demo's snippets by name, read once."""

    def __init__(self):
        self.departments = {d.name: d for d in Department.objects.all()}
        self.categories = {c.name: c for c in ProjectCategory.objects.all()}
        self.organizations = {o.name: o for o in SocialOrganization.objects.all()}
        self.streets = {r.name: r for r in Region.objects.filter(level="street")}
        self.communities = {
            (r.parent.name, r.name): r for r in Region.objects.filter(level="community").select_related("parent")
        }

    def resolve(self, p):
        """The plan's records, or None when one of them is not there."""
        try:
            return {
                "category": self.categories[p.service.category],
                "purchaser": self.departments[p.service.purchaser],
                "organization": self.organizations[p.organization],
                "street": self.streets[p.street],
                "community": self.communities[(p.street, p.community)],
            }
        except KeyError:
            return None


def project_page(p, lookups):
    published = datetime.datetime.combine(p.stage_dates[ProjectStage.PUBLICITY], datetime.time(9), datetime.UTC)
    return ProjectPage(
        title=p.title,
        slug=p.code.lower(),
        code=p.code,
        **lookups.resolve(p),
        budget=p.budget,
        start_date=p.start,
        end_date=p.end,
        stage=ProjectStage.RESULT,
        social_worker=p.social_worker,
        summary=p.summary,
        body=[("paragraph", RichText(f"<p>{text}</p>")) for text in p.body()],
        first_published_at=published,
        last_published_at=published,
    )
