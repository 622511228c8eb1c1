"""Queries as citizens type them, over the demo content (fixtures/demo.json), with the pages they should find.

Each expected page was picked by reading the demo content: its title, code, 文号, organization or text says
what the query means (the query may be typed without spaces, with a synonym, in traditional characters, in
pinyin, with a typo, with a 文号 in any bracket, or as a project code or its prefix). Every expected page
must be in the first ten results (recall@10); the first of them found gives the reciprocal rank (MRR).
"""

from .relevance import evaluate as _evaluate

ELDERLY_SERVICE = [
    "世纪城社区“时间银行”互助养老服务项目",
    "金马社区“银龄互助”居家养老服务项目",
    "宝华社区独居老人“银龄关爱”居家养老服务项目",
]
TIME_BANK = ["关上社区“时间银行”互助养老项目", "世纪城社区“时间银行”互助养老服务项目"]
STATION_POLICIES = [
    "民政部关于加快推进乡镇（街道）社会工作服务站建设的通知",
    "云南省民政厅关于加快推进乡镇（街道）社会工作服务站建设的实施意见",
    "昆明市民政局关于印发《昆明市乡镇（街道）社会工作服务站建设三年行动方案（2021—2023年）》的通知",
]
RED_BLACK = ["官渡区社会组织红黑榜管理办法（试行）", "官渡区2024年度社会组织红黑榜公示"]
DRUGS = [
    "宏仁社区禁毒社会工作“阳光护航”项目",
    "六甲社区禁毒“无毒家园”创建社会工作项目",
    "五腊社区禁毒宣传教育与社区戒毒康复社会工作项目",
]
MEALS = ["2024年官渡区公益创投：“助餐到家”高龄老人服务项目", "2022年官渡区公益创投：“爱心厨房”助老助餐项目"]
POOR_FAMILIES = ["小石坝社区城市低保家庭综合帮扶项目", "石虎社区低保及低收入家庭“暖心帮扶”项目"]
FIVE_SOCIAL = ["宁夏：完善“五社联动”机制 创新基层治理新格局", "江苏：深化“五社联动”机制 建立健全三级社会工作服务体系"]
MENTAL_HEALTH = [
    "小石坝社区居民心理健康“心灵驿站”服务项目",
    "关上社区中小学生心理健康“护航”服务项目",
    "回龙社区青少年心理健康“阳光心态”服务项目",
]
NEEDY = [
    "李其社区困难群众“精准帮扶”社会救助服务项目",
    "小板桥社区困难群众“微心愿·暖心帮”救助服务项目",
    "东站社区困难群众“救助+服务”综合帮扶项目",
]
CALLS = [
    "官渡区2022年第一批政府购买社会工作服务项目征集公告",
    "官渡区2022年第二批政府购买社会工作服务项目征集公告",
    "官渡区2024年公益创投大赛项目征集公告",
]
TITLED_NEEDY = [*NEEDY, "云溪社区困难群众疫后“复工复产”帮扶项目", "五腊社区“五社联动”困难群众帮扶项目"]
TITLED_DRUGS = [*DRUGS, "塘子巷社区青少年禁毒预防教育项目"]
TITLED_FIVE_SOCIAL = [
    *FIVE_SOCIAL,
    "五腊社区“五社联动”困难群众帮扶项目",
    "高坡社区“五社联动”乡村治理试点项目",
    "永安社区“五社联动”社区治理创新项目",
    "关上社区“五社联动”社区治理深化项目",
    "塘子巷社区“党建引领·五社联动”街区治理项目",
    "云南省民政厅关于推动“五社联动”助力基层社会治理的指导意见",
    "昆明市民政局关于推进“五社联动”提升城乡社区治理效能的实施意见",
]

# (query, kind, expected titles)
QUERIES = [
    # typed without spaces: the words stand apart in the text
    ("社区养老服务", "no spaces", ELDERLY_SERVICE),
    ("老年人助餐", "no spaces", [*MEALS, "福保社区老年人日间照料服务项目"]),
    ("乡镇社工站", "no spaces", STATION_POLICIES),
    ("关上街道养老", "no spaces", TIME_BANK),
    (
        "2024年项目",
        "no spaces",
        ["官渡区2024年第一批政府购买社会工作服务项目立项公示", "官渡区2024年公益创投大赛项目立项公示"],
    ),
    ("禁毒社工", "no spaces", DRUGS),
    ("优才计划", "no spaces", ["北京市召开2022年全市社会工作专业人才队伍建设联席会议"]),
    ("残疾人托养", "no spaces", ["大板桥社区残疾人“阳光家园”托养服务项目"]),
    ("五社联动机制", "no spaces", FIVE_SOCIAL),
    ("留守儿童关爱", "no spaces", ["阿拉社区留守儿童“七彩假期”关爱项目", "福保社区农村留守儿童“护苗成长”关爱项目"]),
    ("困境儿童帮扶", "no spaces", ["太和社区困境儿童帮扶项目", "塘子巷社区困境儿童“守护童心”个案帮扶项目"]),
    ("社区矫正帮扶", "no spaces", ["阿拉社区社区矫正对象社会适应性帮扶项目"]),
    ("心理健康服务", "no spaces", MENTAL_HEALTH),
    (
        "党建引领小区治理",
        "no spaces",
        ["关上社区“红色管家”党建引领小区治理项目", "双桥社区“红色物业”党建引领小区治理项目"],
    ),
    ("邻里守望社区营造", "no spaces", ["云溪社区“邻里守望”社区营造项目"]),
    ("时间银行养老", "no spaces", TIME_BANK),
    (
        "独居老人养老",
        "no spaces",
        ["吴井社区独居老人“一键呼”智慧养老服务项目", "宝华社区独居老人“银龄关爱”居家养老服务项目"],
    ),
    ("垃圾分类", "no spaces", ["2022年官渡区公益创投：“绿色家园”垃圾分类社区行动"]),
    ("古镇非遗", "no spaces", ["首届官渡区公益创投大赛：古镇非遗传承志愿服务项目"]),
    ("政府购买服务管理办法", "no spaces", ["财政部 民政部 工商总局关于印发《政府购买服务管理办法（暂行）》的通知"]),
    (
        "项目评估办法",
        "no spaces",
        ["昆明市民政局 昆明市财政局关于印发《昆明市政府购买社会工作服务项目评估办法（试行）》的通知"],
    ),
    ("资金监督", "no spaces", ["官渡区政府购买社会工作服务项目资金监督管理细则"]),
    ("社会组织信用", "no spaces", ["昆明市民政局关于印发《昆明市社会组织信用信息管理实施细则》的通知"]),
    ("公益创投大赛方案", "no spaces", ["官渡区公益创投大赛实施方案"]),
    ("困难群众救助", "no spaces", NEEDY),
    ("老人日间照料", "no spaces", ["福保社区老年人日间照料服务项目"]),
    # synonyms: the text says it another way
    ("社工站建设", "synonym", STATION_POLICIES),
    ("黑名单", "synonym", RED_BLACK),
    ("最低生活保障家庭", "synonym", POOR_FAMILIES),
    ("残疾人联合会", "synonym", ["关兴社区残疾人社区康复服务项目", "大板桥社区残疾人“阳光家园”托养服务项目"]),
    ("长者助餐", "synonym", MEALS),
    ("残障人士康复", "synonym", ["关兴社区残疾人社区康复服务项目", "沙沟社区重度残疾人“居家康复”支持服务项目"]),
    ("社会工作禁毒", "synonym", DRUGS),
    ("低保", "synonym", POOR_FAMILIES),
    # traditional characters
    ("養老服務", "traditional", ELDERLY_SERVICE),
    ("關上街道社會工作服務站", "traditional", ["关上街道社会工作服务站"]),
    ("困難群眾", "traditional", TITLED_NEEDY),
    ("兒童關愛", "traditional", ["吴井社区“四点半课堂”儿童关爱项目", "太和社区“四点半课堂”流动儿童关爱项目"]),
    ("紅黑榜", "traditional", RED_BLACK),
    ("禁毒預防教育", "traditional", ["塘子巷社区青少年禁毒预防教育项目"]),
    # pinyin, with and without spaces
    ("yanglao", "pinyin", TIME_BANK),
    ("yang lao fu wu", "pinyin", ELDERLY_SERVICE),
    ("jindu", "pinyin", TITLED_DRUGS),
    ("wu she lian dong", "pinyin", TITLED_FIVE_SOCIAL),
    ("hongheibang", "pinyin", RED_BLACK),
    # The district's 公益创投 documents in force; its 实施方案 is 已修订, so it ranks after them (in-force first).
    ("gongyi chuangtou", "pinyin", ["官渡区2024年公益创投大赛项目征集公告", "官渡区2024年公益创投大赛项目立项公示"]),
    ("gongyichuangtou dasai fangan", "pinyin", ["官渡区公益创投大赛实施方案"]),
    ("laji fenlei", "pinyin", ["2022年官渡区公益创投：“绿色家园”垃圾分类社区行动"]),
    ("guzhen feiyi", "pinyin", ["首届官渡区公益创投大赛：古镇非遗传承志愿服务项目"]),
    ("shijianyinhang", "pinyin", TIME_BANK),
    # typos
    ("垃圾分内", "typo", ["2022年官渡区公益创投：“绿色家园”垃圾分类社区行动"]),
    ("时间银航", "typo", TIME_BANK),
    ("红黑帮", "typo", RED_BLACK),
    ("心里健康", "typo", MENTAL_HEALTH),
    ("一老一少", "typo", ["世纪城社区“一老一小”融合服务项目"]),
    # asked as a question, or only partly held by the content: the words that matter still find their pages
    ("怎么申请低保", "question", POOR_FAMILIES),
    ("哪里可以办理低保", "question", POOR_FAMILIES),
    ("如何申报项目", "question", CALLS),
    ("申报指南", "partial", CALLS),
    ("助餐点", "partial", MEALS),
    ("心理咨询师", "partial", MENTAL_HEALTH),
    # 文号 in every bracket style
    ("民发〔2012〕196号", "文号", ["民政部 财政部关于政府购买社会工作服务的指导意见"]),
    ("民发[2021]48号", "文号", ["民政部关于加快推进乡镇（街道）社会工作服务站建设的通知"]),
    ("云民发【2021】15号", "文号", ["云南省民政厅关于加快推进乡镇（街道）社会工作服务站建设的实施意见"]),
    ("国办发(2013)96号", "文号", ["国务院办公厅关于政府向社会力量购买服务的指导意见"]),
    ("昆民发（2022）18号", "文号", ["昆明市民政局关于推进“五社联动”提升城乡社区治理效能的实施意见"]),
    ("官民发〔2022〕30号", "文号", ["官渡区社会组织红黑榜管理办法（试行）"]),
    ("财综[2014]96号", "文号", ["财政部 民政部 工商总局关于印发《政府购买服务管理办法（暂行）》的通知"]),
    ("昆民发〔2019〕第33号", "文号", ["昆明市民政局关于印发《昆明市社会组织信用信息管理实施细则》的通知"]),
    # project codes and their prefixes
    ("GD-2023-009", "code", ["大板桥社区残疾人“阳光家园”托养服务项目"]),
    ("gd-2017-005", "code", ["金马社区社区戒毒社区康复社会工作服务项目"]),
    ("ＧＤ－２０２２－００７", "code", ["世纪城社区“时间银行”互助养老服务项目"]),
    # every project whose code starts with GD-2024 (ten): the notices listing their codes come after them
    (
        "GD-2024",
        "code prefix",
        [
            "世纪城社区“一老一小”融合服务项目",
            "塘子巷社区“党建引领·五社联动”街区治理项目",
            "小石坝社区家庭“亲子成长”服务项目",
            "回龙社区青少年心理健康“阳光心态”服务项目",
            "宝华社区新时代文明实践“宝华邻里节”项目",
            "东站社区困难群众“救助+服务”综合帮扶项目",
            "福保社区“共建美好家园”社区营造项目",
            "2024年官渡区公益创投：“乡村小剧场”文化服务项目",
            "2024年官渡区公益创投：“助餐到家”高龄老人服务项目",
            "2024年官渡区公益创投：“社区花园”共建项目",
        ],
    ),
    (
        "GD-2017",
        "code prefix",
        [
            "关上社区党组织服务群众“幸福关上”项目",
            "吴井社区空巢老人关爱服务项目",
            "太和社区困境儿童帮扶项目",
            "首届官渡区公益创投大赛：古镇非遗传承志愿服务项目",
            "金马社区社区戒毒社区康复社会工作服务项目",
        ],
    ),
    # organizations and places
    ("颐乐为老", "organization", ["福保社区老年人日间照料服务项目", "世纪城社区“一老一小”融合服务项目"]),
    ("蓝天禁毒", "organization", DRUGS),
    ("小板桥街道社工站", "place", ["小板桥街道社会工作服务站"]),
    ("官渡区社会工作指导中心", "place", ["官渡区社会工作指导中心"]),
]


def evaluate(search):
    """recall@10, MRR and misses of `search(query) -> [titles in order]` over QUERIES."""
    return _evaluate(search, [(query, expected) for query, _, expected in QUERIES])
