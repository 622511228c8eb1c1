"""Labelled pairs for duplicate detection: an earlier project and a later application, as a reviewer meets them.

Written from how applications are drafted in the district (a title with the community's name, a one-line
简介, a 项目详情 of background, content and expected results, a budget), then varied the way applicants
vary them: copied again, copied with the 简介 left empty, reworded (社工/社会工作, 老年人/长者, 开展/实施,
sentences reordered, a year or 二期 added), filed by another organization or moved to the neighbouring
community, with the budget nudged. The distinct pairs are the work a reviewer lets through: the next phase
after the first ended, the same organization's other service in the same community, the same model in
another street by another organization, the same title template for another group of people.

`TUNING` was written first and used to choose the rules and thresholds; `HELD_OUT` was written after
they were fixed and is reported apart by bench/duplicates.py.

Each pair says how the later application relates to the earlier one:
- organization / purchaser: "same" or "other";
- place: "same" community, "neighbour" (another community of the same street) or "other" street;
- period: "same", "partial" (starts half-way through the earlier one) or "next" (starts after it ended).
"""

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Application:
    title: str
    summary: str = ""
    body: tuple[str, ...] = ()  # the paragraphs of 项目详情, in order
    budget: int = 0


@dataclass(frozen=True)
class Pair:
    name: str
    duplicate: bool
    earlier: Application
    later: Application
    organization: str = "same"
    place: str = "same"
    purchaser: str = "same"
    period: str = "same"


ELDERLY = Application(
    "金马社区独居老人关爱服务项目",
    "为金马社区60岁以上独居老人提供定期探访、健康监测和精神慰藉服务，建立“一人一档”，链接社区志愿者开展结对帮扶。",
    (
        "项目背景：金马社区现有60岁以上独居老人132人，其中高龄、失能老人约占三成，子女不在身边，日常照料和精神慰藉需求突出。",
        "服务内容：一是每月入户探访不少于2次，测量血压血糖并更新健康档案；二是开展“银龄茶话会”等小组活动12场，缓解老人的孤独感；"
        "三是招募低龄老人和青年志愿者与独居老人结对，建立紧急联系机制。",
        "预期成效：建立独居老人档案132份，累计探访3000人次，服务对象满意度达到90%以上。",
    ),
    150000,
)

CHILDREN = Application(
    "吴井社区“四点半课堂”儿童关爱项目",
    "为双职工家庭和流动儿童提供放学后的四点半课堂，开展作业辅导、阅读陪伴和安全教育，缓解家庭照护压力。",
    (
        "吴井社区外来务工家庭较多，小学生放学后到家长下班前无人看护的问题突出。",
        "项目依托社区党群服务中心开设四点半课堂，周一至周五下午开放，由社工和大学生志愿者开展作业辅导、绘本阅读和安全教育，每月举办一次亲子活动。",
        "预计服务儿童60名，开展课堂180场、亲子活动12场，家长满意度不低于90%。",
    ),
    120000,
)

DISABLED = Application(
    "关兴社区残疾人社区康复服务项目",
    "为辖区持证残疾人提供居家康复指导、辅具适配和家属喘息服务，组织残疾人互助小组，促进残疾人融入社区生活。",
    (
        "关兴社区有持证残疾人86人，其中肢体残疾52人，多数家庭由老年父母或配偶长期照护，照护者身心压力大。",
        "服务内容包括：联合社区卫生服务中心康复师每季度入户评估并制定康复计划；协助申请和适配轮椅、助行器等辅具；"
        "每月为照护者提供一次喘息服务；组建“同行者”残疾人互助小组，开展手工、观影和外出参访活动。",
    ),
    100000,
)

DRUG = Application(
    "五腊社区社区戒毒社区康复社会工作服务项目",
    "为社区戒毒社区康复人员提供个案管理、心理疏导和就业支持，协同禁毒专干开展家庭探访，降低复吸风险。",
    (
        "五腊社区在册社区戒毒社区康复人员41名，部分人员家庭关系紧张、就业困难，存在复吸风险。",
        "项目由专职禁毒社工对每名服务对象开展个案管理，每月面谈不少于1次；联合禁毒专干开展家庭探访和家庭关系修复；"
        "链接辖区企业提供就业岗位和技能培训；组织同伴教育小组，巩固戒治成果。",
    ),
    180000,
)

BUILDING = Application(
    "双桥社区老旧小区“共建共享”社区营造项目",
    "在双桥社区老旧小区推行楼栋长制度，培育居民议事会，引导居民参与楼道环境改造和公共空间营造，提升居民自治水平。",
    (
        "双桥社区有老旧小区12个，无物业管理，楼道堆物、公共空间闲置等问题长期得不到解决。",
        "项目通过入户走访选出楼栋长36名，培育居民议事会3个，以“微改造”为抓手，引导居民自主商议、出资出力改造楼道和小区花园，"
        "形成可复制的老旧小区居民自治公约。",
    ),
    200000,
)

POVERTY = Application(
    "小石坝社区城市低保家庭综合帮扶项目",
    "为小石坝社区低保、低收入家庭提供需求评估、资源链接和个案帮扶，建立困难群众动态需求台账，开展“微心愿”认领活动。",
    (
        "小石坝社区有城市低保家庭58户、低收入家庭31户，因病、因残致困比例高，需求多样且变化快。",
        "社工对每户开展入户需求评估，建立动态需求台账；对重点家庭开展个案帮扶，协助申请临时救助、医疗救助；"
        "收集困难家庭“微心愿”，链接爱心企业和志愿者认领。",
    ),
    170000,
)

YOUTH = Application(
    "太和社区青少年“向阳成长”社会工作服务项目",
    "面向太和社区困境青少年开展课业辅导、心理支持和团体成长小组，提升青少年自我保护能力与社会适应能力。",
    (
        "太和社区有单亲、留守等困境青少年40余名，部分存在厌学、沉迷网络和人际交往困难等问题。",
        "项目开展一对一课业辅导和心理支持个案15个，组织“向阳成长”团体小组4期，寒暑假开展安全教育和职业体验活动。",
    ),
    146000,
)

CIVILITY = Application(
    "一朵云社区新时代文明实践“家门口”志愿服务项目",
    "依托新时代文明实践站培育社区志愿服务队伍，开展理论宣讲、移风易俗和邻里互助活动，打造“家门口”志愿服务品牌。",
    (
        "一朵云社区为城郊融合型社区，新市民多，志愿服务力量分散。",
        "项目依托社区新时代文明实践站，招募培育志愿服务队伍5支，每月开展理论宣讲、移风易俗宣传和邻里互助活动各1次，"
        "建立志愿服务积分兑换制度。",
    ),
    166000,
)


# The earlier project in other words: 长者 for 老人, 实施 for 开展, 社工 named, 及 for 和.
ELDERLY_REWORDED = replace(
    ELDERLY,
    title="金马社区独居长者关爱服务项目",
    summary="为金马社区60岁以上独居长者实施定期探访、健康监测及精神慰藉服务，建立“一人一档”，由社工链接社区志愿者结对帮扶。",
)


def budget(application, ratio):
    return replace(application, budget=round(application.budget * ratio))


TUNING = [
    # Repeats.
    Pair("原样重复申报", True, ELDERLY, ELDERLY),
    Pair("名称相同、简介与详情均为空", True, ELDERLY, Application(ELDERLY.title)),
    Pair("两份都只有名称（简介为空）", True, Application(ELDERLY.title), Application(ELDERLY.title)),
    Pair("名称相同、简介为空、详情照抄", True, POVERTY, replace(POVERTY, summary="")),
    Pair(
        "名称加“（申报书）”、标点改动",
        True,
        ELDERLY,
        replace(
            ELDERLY,
            title="金马社区独居老人关爱服务项目（申报书）",
            summary="为金马社区 60 岁以上独居老人提供定期探访、健康监测、精神慰藉服务；建立“一人一档”，链接社区志愿者开展结对帮扶。",
        ),
    ),
    Pair("近义词改写（长者、社工、实施）", True, ELDERLY, ELDERLY_REWORDED),
    Pair(
        "句子调换顺序",
        True,
        CHILDREN,
        replace(
            CHILDREN,
            summary="开展作业辅导、阅读陪伴和安全教育，为双职工家庭和流动儿童提供放学后的四点半课堂，缓解家庭照护压力。",
            body=(CHILDREN.body[1], CHILDREN.body[0], CHILDREN.body[2]),
        ),
    ),
    Pair("名称加年度", True, DISABLED, replace(DISABLED, title="2023年度关兴社区残疾人社区康复服务项目")),
    Pair(
        "名称加“二期”但服务期重叠",
        True,
        BUILDING,
        replace(BUILDING, title="双桥社区老旧小区“共建共享”社区营造项目（二期）"),
        period="partial",
    ),
    Pair("另一家社会组织在同一社区申报同样内容", True, DRUG, DRUG, organization="other"),
    Pair(
        "另一家社会组织、同一社区、简介略改",
        True,
        DISABLED,
        replace(
            DISABLED,
            summary="为社区持证残疾人提供居家康复指导和辅具适配服务，并为家属提供喘息服务，组织残疾人互助小组，帮助残疾人融入社区。",
        ),
        organization="other",
    ),
    Pair("预算上调 5%", True, YOUTH, budget(YOUTH, 1.05)),
    Pair("预算下调 5%、另一购买部门", True, POVERTY, budget(POVERTY, 0.95), purchaser="other"),
    Pair("同一组织向另一部门重复申报", True, CIVILITY, CIVILITY, purchaser="other"),
    Pair(
        "挪到同一街道的相邻社区",
        True,
        ELDERLY,
        replace(
            ELDERLY,
            title="羊方凹社区独居老人关爱服务项目",
            summary=ELDERLY.summary.replace("金马社区", "羊方凹社区"),
            body=tuple(p.replace("金马社区", "羊方凹社区") for p in ELDERLY.body),
        ),
        place="neighbour",
    ),
    Pair(
        "服务期部分重叠、简介微调",
        True,
        DRUG,
        replace(
            DRUG,
            summary="为社区戒毒社区康复人员提供个案管理、心理疏导与就业支持，协同禁毒专干开展家访，降低复吸率。",
        ),
        period="partial",
    ),
    Pair(
        "大幅改写简介、详情照旧",
        True,
        CHILDREN,
        replace(
            CHILDREN,
            title="吴井社区四点半课堂",
            summary="解决小学生放学后无人看护的难题，社工带领志愿者陪孩子写作业、读绘本、学安全知识。",
        ),
    ),
    Pair(
        "名称缩写、简介改写",
        True,
        DRUG,
        replace(
            DRUG,
            title="五腊社区戒毒康复社会工作服务项目",
            summary="由禁毒社工为社区戒毒、社区康复人员开展个案管理和心理疏导，链接就业资源，并与禁毒专干一起家访，防止复吸。",
        ),
    ),
    Pair(
        "换名称、简介调序",
        True,
        BUILDING,
        replace(
            BUILDING,
            title="双桥社区楼栋自治·社区营造项目",
            summary="培育居民议事会，在双桥社区老旧小区推行楼栋长制度，引导居民参与公共空间营造和楼道环境改造，提升居民自治水平。",
        ),
    ),
    Pair(
        "另一组织、同一社区、近义改写",
        True,
        YOUTH,
        replace(
            YOUTH,
            title="太和社区困境青少年成长服务项目",
            summary="为太和社区困境青少年组织开展课业辅导、心理疏导和成长小组活动，增强青少年自我保护和社会适应能力。",
        ),
        organization="other",
    ),
    Pair("只有名称和详情，简介为空", True, CIVILITY, replace(CIVILITY, summary="")),
    Pair("详情删去一段、其余照抄", True, ELDERLY, replace(ELDERLY, body=ELDERLY.body[:2])),
    Pair(
        "详情补充一段活动计划",
        True,
        DISABLED,
        replace(
            DISABLED,
            body=(*DISABLED.body, "项目周期内计划开展康复评估86人次、喘息服务120小时、互助小组活动24场。"),
        ),
    ),
    Pair(
        "标题换说法（关怀/关爱）、预算上调 8%",
        True,
        ELDERLY,
        replace(
            budget(ELDERLY, 1.08),
            title="金马社区独居老人关怀服务项目",
        ),
    ),
    Pair(
        "另一组织、简介为空、名称相同",
        True,
        CHILDREN,
        Application(CHILDREN.title, budget=CHILDREN.budget),
        organization="other",
    ),
    Pair("未填社区的重复申报", True, POVERTY, POVERTY, place="unknown"),
    Pair(
        "整体改写（名称、简介、详情）",
        True,
        ELDERLY,
        Application(
            "金马社区空巢独居长者关怀项目",
            "面向金马社区独居的60岁以上长者，社工定期上门探访、监测健康状况并给予心理慰藉，为每位长者建档，组织志愿者与长者结对。",
            (
                "金马社区60岁以上独居长者共132人，约三成为高龄或失能长者，子女多不在身边，生活照料和心理慰藉需求迫切。",
                "项目每月上门探访每位长者至少两次，为其测量血压、血糖，及时更新健康档案；举办“银龄茶话会”等小组活动12场，帮助长者排解孤独；"
                "招募低龄老人与青年志愿者同独居长者结对，建立紧急联络机制。",
                "预计建档132份，探访3000人次，满意度90%以上。",
            ),
            150000,
        ),
    ),
    Pair(
        "另一组织改写后在同一社区申报",
        True,
        CHILDREN,
        Application(
            "吴井社区放学后托管服务项目",
            "针对辖区外来务工和双职工家庭孩子放学后无人照看的问题，每个工作日下午开放四点半课堂，提供课业辅导、绘本阅读和安全教育。",
            (
                "吴井社区外来务工家庭多，小学生放学后到父母下班这段时间常常无人看管。",
                "课堂设在社区党群服务中心，周一至周五下午开放，社工带领大学生志愿者辅导作业、陪读绘本、讲安全知识，每月办一次亲子活动。",
                "计划服务60名儿童，开课180场，亲子活动12场。",
            ),
            125000,
        ),
        organization="other",
    ),
    Pair(
        "只有名称和简介的近义改写",
        True,
        Application(POVERTY.title, POVERTY.summary, budget=POVERTY.budget),
        Application(
            "小石坝社区低保及低收入家庭帮扶项目",
            "对小石坝社区低保和低收入家庭开展需求评估，链接社会资源实施个案帮扶，建立困难群众需求动态台账，组织“微心愿”认领。",
            budget=POVERTY.budget,
        ),
    ),
    Pair(
        "只有名称和简介的轻度改写",
        True,
        Application(DISABLED.title, DISABLED.summary),
        Application(
            "关兴社区残疾人康复服务项目",
            "为社区持证残疾人开展居家康复指导和辅具适配，为家属提供喘息服务，组建残疾人互助小组，帮助残疾人更好融入社区生活。",
        ),
    ),
    Pair(
        "挪到相邻社区并改写",
        True,
        YOUTH,
        Application(
            "永安社区困境青少年“向阳成长”服务项目",
            "为永安社区困境青少年提供课业辅导和心理疏导，组织团体成长小组，增强青少年自我保护意识和社会适应能力。",
            (
                "永安社区有单亲、留守等困境青少年40余名，有的厌学、沉迷网络，人际交往存在困难。",
                "项目为15名青少年提供一对一课业辅导和心理支持，开展“向阳成长”团体小组4期，寒暑假组织安全教育和职业体验。",
            ),
            150000,
        ),
        place="neighbour",
    ),
    Pair(
        "同一组织、同一社区的残疾儿童家庭支持",
        False,
        DISABLED,
        Application(
            "关兴社区残疾儿童家庭支持项目",
            "为残疾儿童家庭提供康复训练指导、家长喘息服务和融合教育支持，组织家长互助小组。",
            (
                "社区有0至14岁残疾儿童19名，家长普遍缺乏康复训练知识，照护压力大。",
                "项目开展家长康复训练课程10期，为家长提供每月一次喘息服务，协助儿童进入普通学校随班就读。",
            ),
            140000,
        ),
    ),
    # Genuinely new work.
    Pair(
        "第一期结束后的第二期",
        False,
        ELDERLY,
        replace(ELDERLY, title="金马社区独居老人关爱服务项目（二期）"),
        period="next",
    ),
    Pair("次年续签、内容照旧", False, CHILDREN, CHILDREN, period="next"),
    Pair(
        "同一组织、同一社区的儿童服务",
        False,
        ELDERLY,
        replace(
            CHILDREN,
            title="金马社区“四点半课堂”儿童关爱项目",
            summary=CHILDREN.summary,
            body=tuple(p.replace("吴井社区", "金马社区") for p in CHILDREN.body),
        ),
    ),
    Pair(
        "同一名称模板、服务对象不同（留守儿童）",
        False,
        ELDERLY,
        Application(
            "金马社区留守儿童关爱服务项目",
            "为金马社区留守儿童提供学业辅导、心理支持和安全教育，建立“一童一档”，链接社区志愿者开展结对陪伴。",
            (
                "金马社区有父母外出务工的留守儿童47名，由祖辈隔代照料，学业和心理支持不足。",
                "服务内容：每周开展两次学业辅导，每学期开展安全教育4次，招募志愿者与儿童结对陪伴。",
            ),
            150000,
        ),
    ),
    Pair(
        "另一街道、另一组织复制同一模式",
        False,
        ELDERLY,
        replace(
            ELDERLY,
            title="关上社区独居老人关爱服务项目",
            summary=ELDERLY.summary.replace("金马社区", "关上社区"),
            body=tuple(p.replace("金马社区", "关上社区") for p in ELDERLY.body),
        ),
        organization="other",
        place="other",
        purchaser="other",
    ),
    Pair(
        "另一街道、另一组织、同一部门购买同一模式",
        False,
        CHILDREN,
        replace(
            CHILDREN,
            title="太和社区“四点半课堂”儿童关爱项目",
            summary=CHILDREN.summary,
            body=tuple(p.replace("吴井社区", "太和社区") for p in CHILDREN.body),
        ),
        organization="other",
        place="other",
    ),
    Pair(
        "另一组织、同一社区的青少年心理健康服务",
        False,
        CHILDREN,
        Application(
            "吴井社区青少年心理健康“护航”服务项目",
            "为吴井社区中小学生提供心理健康讲座、情绪疏导和危机干预转介服务，建立学生心理成长档案。",
            (
                "社区内中小学生学业压力大，家长对孩子心理问题识别能力不足。",
                "项目联合辖区学校开展心理健康讲座8场、团体辅导6期，为有需要的学生提供个案辅导和转介。",
            ),
            130000,
        ),
        organization="other",
    ),
    Pair(
        "同一组织、同一社区的残疾人就业服务",
        False,
        DISABLED,
        Application(
            "关兴社区残疾人“康乐家园”支持性就业服务项目",
            "为有劳动能力的残疾人提供职业能力评估、岗前培训和就业岗位对接，设立庇护性工坊，帮助残疾人实现稳定就业。",
            (
                "关兴社区有劳动年龄段残疾人37名，就业意愿强但缺少技能和岗位信息。",
                "项目与辖区企业合作开发适合残疾人的岗位，开展烘焙、手工和电商客服培训，工坊每周开放5天，就业后跟踪服务6个月。",
            ),
            158000,
        ),
    ),
    Pair(
        "同一社区的青少年禁毒预防教育",
        False,
        DRUG,
        Application(
            "五腊社区青少年禁毒预防教育项目",
            "在五腊社区和辖区学校开展禁毒知识宣传、青少年毒品预防教育和禁毒志愿者培训，营造全民禁毒氛围。",
            (
                "辖区青少年对新型毒品认识不足，易受伪装成零食、饮料的新型毒品侵害。",
                "项目进校园开展禁毒课堂16场，组建青少年禁毒宣传队，在社区开展禁毒主题游园和知识竞赛。",
            ),
            130000,
        ),
        organization="other",
    ),
    Pair(
        "同一街道另一社区、另一组织的社区营造",
        False,
        BUILDING,
        Application(
            "塘子巷社区“共治花园”社区营造项目",
            "以社区闲置空地改造为共治花园为切入点，组织居民认领种植区，培育园艺志愿者队伍，促进邻里交往。",
            (
                "塘子巷社区有闲置空地两处，长期堆放杂物。",
                "项目组织居民共同设计花园、分区认领，每月开展园艺课堂和邻里分享会，形成花园共治公约。",
            ),
            198000,
        ),
        organization="other",
        place="neighbour",
    ),
    Pair(
        "同一组织、同一社区的困境儿童服务",
        False,
        POVERTY,
        Application(
            "小石坝社区困境儿童“守护童心”个案帮扶项目",
            "为小石坝社区困境儿童提供个案帮扶、学业支持和监护指导，落实儿童主任走访制度，保障困境儿童基本权益。",
            (
                "社区有困境儿童23名，包括事实无人抚养儿童和重病重残家庭儿童。",
                "社工与儿童主任每月走访，对每名儿童制定个案帮扶计划，链接助学资源，开展监护人能力提升小组。",
            ),
            176000,
        ),
    ),
    Pair(
        "同一社区、同一部门的老年大学课程",
        False,
        YOUTH,
        Application(
            "太和社区老年大学兴趣课堂",
            "开设书法、合唱和智能手机使用课程，丰富社区老年人精神文化生活。",
            ("社区老年人文化活动场地有限、课程单一。", "项目每周开设课程6节，学期末举办成果展演。"),
            80000,
        ),
    ),
    Pair(
        "同一组织在同一街道另一社区的不同主题",
        False,
        CIVILITY,
        Application(
            "沙沟社区新时代文明实践“乡风文明”移风易俗项目",
            "在沙沟社区开展红白喜事简办倡导、文明家庭评选和村规民约修订，推动移风易俗。",
            (
                "沙沟社区为涉农社区，红白喜事大操大办、人情负担重。",
                "项目协助社区修订村规民约，成立红白理事会，每季度评选文明家庭并张榜公示。",
            ),
            120000,
        ),
        place="neighbour",
    ),
    Pair(
        "同一社区、另一组织的老年人助餐服务",
        False,
        ELDERLY,
        Application(
            "金马社区老年人“爱心食堂”助餐服务项目",
            "依托社区长者食堂为辖区老年人提供午餐助餐、送餐上门服务，对高龄、低保老人给予就餐补贴。",
            (
                "金马社区老年人口占比22%，部分高龄老人做饭困难。",
                "项目每天供应午餐，对行动不便老人送餐上门，招募志愿者协助配送，每季度征求老人对菜品的意见。",
            ),
            200000,
        ),
        organization="other",
    ),
    Pair(
        "公益创投名称前缀相同的另一个项目",
        False,
        Application(
            "2023年官渡区公益创投：“书香矣六”社区阅读推广项目",
            "在矣六社区建设社区书屋，组织亲子阅读、读书分享会，推动全民阅读。",
            ("社区缺少公共阅读空间。", "项目建设社区书屋1个，每月开展亲子阅读和读书分享活动。"),
            50000,
        ),
        Application(
            "2023年官渡区公益创投：“爱心厨房”助老助餐项目",
            "在矣六社区开设爱心厨房，为高龄、独居老人提供助餐服务，招募志愿者送餐上门。",
            ("社区高龄独居老人就餐难。", "项目每天为老人提供午餐，组织志愿者送餐并陪伴聊天。"),
            100000,
        ),
        organization="other",
    ),
    Pair(
        "次年同一组织同一社区的新名称项目",
        False,
        DRUG,
        Application(
            "五腊社区禁毒“无毒家园”创建社会工作项目",
            "在五腊社区创建无毒家园，开展禁毒宣传进家庭、禁毒志愿者队伍建设和吸毒人员排查帮扶。",
            ("五腊社区创建无毒社区工作任务重。", "项目每季度开展禁毒宣传进家庭活动，培育禁毒志愿者队伍2支。"),
            186000,
        ),
        period="next",
    ),
    Pair(
        "另一街道另一组织、名称相同无地名",
        False,
        Application(
            "独居老人关爱服务项目",
            ELDERLY.summary.replace("金马社区", "辖区"),
            budget=150000,
        ),
        Application(
            "独居老人关爱服务项目",
            ELDERLY.summary.replace("金马社区", "辖区"),
            budget=150000,
        ),
        organization="other",
        place="other",
        purchaser="other",
    ),
    Pair(
        "同一组织、同一社区、同一模板的妇女服务",
        False,
        CIVILITY,
        Application(
            "一朵云社区新时代文明实践“巾帼”志愿服务项目",
            "依托新时代文明实践站培育妇女志愿服务队伍，开展家庭教育讲座、妇女技能培训和最美家庭评选。",
            ("社区妇女参与社区事务的渠道少。", "项目组建巾帼志愿服务队，每月开展家庭教育讲座和技能培训。"),
            120000,
        ),
    ),
    Pair(
        "上一期结束次日开始的延续项目",
        False,
        YOUTH,
        replace(
            YOUTH,
            title="太和社区青少年“向阳成长”社会工作服务项目（第二期）",
            summary="在第一期基础上，继续面向太和社区困境青少年开展课业辅导、心理支持和团体成长小组，并新增家长课堂。",
        ),
        period="next",
    ),
]

HELD_OUT = [
    Pair("照抄后只改了服务期", True, CIVILITY, CIVILITY, period="partial"),
    Pair(
        "名称加“项目书”、简介为空、另一组织",
        True,
        DRUG,
        Application("五腊社区社区戒毒社区康复社会工作服务项目书"),
        organization="other",
    ),
    Pair(
        "长者/老年人互换、详情改写",
        True,
        ELDERLY,
        Application(
            "金马社区独居长者关爱服务项目",
            "为金马社区60岁以上的独居长者开展定期探访、健康监测与精神慰藉，建立一人一档，联动社区志愿者结对帮扶。",
            (
                "金马社区有独居长者132人，高龄、失能长者约三成，日常照料和精神慰藉需求突出。",
                "每月入户探访不少于两次并测量血压血糖；开展小组活动12场缓解孤独；招募低龄长者和青年志愿者结对，建立紧急联系机制。",
            ),
            145000,
        ),
    ),
    Pair(
        "另一组织在相邻社区申报照抄内容",
        True,
        POVERTY,
        replace(
            POVERTY,
            title="羊方凹社区城市低保家庭综合帮扶项目",
            summary=POVERTY.summary.replace("小石坝社区", "羊方凹社区"),
            body=tuple(p.replace("小石坝社区", "羊方凹社区") for p in POVERTY.body),
        ),
        organization="other",
        place="neighbour",
    ),
    Pair(
        "社工改称社会工作者、句序调换",
        True,
        DRUG,
        replace(
            DRUG,
            summary="协同禁毒专干开展家庭探访，为社区戒毒社区康复人员提供个案管理、心理疏导和就业支持，降低复吸风险。",
            body=(
                "项目由专职禁毒社会工作者对每名服务对象开展个案管理，每月面谈不少于1次；链接辖区企业提供就业岗位和技能培训；"
                "联合禁毒专干开展家庭探访和家庭关系修复；组织同伴教育小组，巩固戒治成果。",
                DRUG.body[0],
            ),
        ),
    ),
    Pair(
        "简介精简为一句、预算上调 6%",
        True,
        BUILDING,
        replace(
            budget(BUILDING, 1.06),
            summary="推行楼栋长制度、培育居民议事会，带动居民改造老旧小区楼道和公共空间。",
        ),
    ),
    Pair("名称改为品牌名、内容照抄", True, YOUTH, replace(YOUTH, title="太和社区“向阳花”青少年成长计划")),
    Pair("另一购买部门、名称相同、详情为空", True, CHILDREN, replace(CHILDREN, body=()), purchaser="other"),
    Pair(
        "次年第二期、简介改写",
        False,
        DISABLED,
        replace(
            DISABLED,
            title="关兴社区残疾人社区康复服务项目（二期）",
            summary="巩固一期成果，继续为持证残疾人提供居家康复指导和辅具适配，新增残疾人家庭无障碍改造。",
        ),
        period="next",
    ),
    Pair(
        "同一组织、同一社区的老年人防诈骗宣传",
        False,
        ELDERLY,
        Application(
            "金马社区老年人防范电信诈骗宣传项目",
            "针对老年人易受电信诈骗侵害的问题，联合派出所开展防诈骗讲座、情景剧和入户宣传，提升老年人防骗意识。",
            (
                "近两年社区老年人被骗案件多发，涉及保健品、养老投资等类型。",
                "项目开展防诈骗讲座8场、情景剧演出4场，组建老年人反诈宣传队，入户发放宣传资料。",
            ),
            60000,
        ),
    ),
    Pair(
        "另一街道另一组织复制四点半课堂",
        False,
        CHILDREN,
        replace(
            CHILDREN,
            title="小板桥社区“四点半课堂”儿童关爱项目",
            body=tuple(p.replace("吴井社区", "小板桥社区") for p in CHILDREN.body),
        ),
        organization="other",
        place="other",
        purchaser="other",
    ),
    Pair(
        "同一社区、另一组织的妇女儿童之家",
        False,
        CHILDREN,
        Application(
            "吴井社区妇女儿童之家建设项目",
            "依托社区妇女儿童之家开展妇女技能培训、家庭教育指导和维权宣传，建设妇女儿童活动阵地。",
            ("社区妇女儿童活动场所功能单一。", "项目每月开展妇女技能培训和家庭教育讲座，设立维权咨询点。"),
            90000,
        ),
        organization="other",
    ),
    Pair(
        "同一组织、同一社区的社区矫正服务",
        False,
        DRUG,
        Application(
            "五腊社区社区矫正对象社会融入项目",
            "为社区矫正对象提供心理矫治、就业指导和家庭关系调适，帮助其顺利回归社会。",
            ("五腊社区在册社区矫正对象17名。", "项目开展心理矫治个案、就业技能培训和公益劳动，协同司法所开展走访。"),
            150000,
        ),
    ),
    Pair(
        "同一街道另一社区、同一组织的不同社区营造",
        False,
        BUILDING,
        Application(
            "宏仁社区“邻里守望”社区营造项目",
            "以邻里互助为主线，培育社区互助社团，开展邻里节和睦邻课堂，重建熟人社区。",
            ("宏仁社区新建商品房小区多，邻里之间互不相识。", "项目培育互助社团4个，举办邻里节2次、睦邻课堂12期。"),
            188000,
        ),
        place="neighbour",
    ),
    Pair(
        "同一部门同一社区的青少年暑期托管",
        False,
        YOUTH,
        Application(
            "太和社区暑期儿童托管服务项目",
            "暑假期间为辖区小学生提供托管照护、兴趣课程和安全教育，解决双职工家庭暑期看护难题。",
            ("暑假期间小学生无人看护问题突出。", "项目开设暑期托管班两期，每期四周，开设书法、美术和游泳安全课程。"),
            80000,
        ),
        organization="other",
    ),
]
