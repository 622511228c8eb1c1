"""What consumers read about the API: each endpoint and each object, in Chinese with English field names.

One place for the text of the OpenAPI schema (/api/docs/, /api/redoc/) and of the /api/v2/ index, so
code docstrings, written for developers, never reach the published docs.
"""

ORDERING = "默认按记录自身日期从新到旧排列（`first_published_at` 是上线时间，导入的记录即导入时间，不宜用来排序）；可用 `order=` 改变。"
CSV = "加 `format=csv` 下载为电子表格（UTF-8 带 BOM，Excel 可直接打开），包含全部符合条件的记录。"

ENDPOINTS = {
    "projects": (
        "服务项目",
        "政府购买社会工作服务项目：类别、购买部门、承接组织、街道社区、预算、服务期、所处阶段及各阶段日期（`timeline`）、"
        "1+1+1+N 参与力量、资金拨付（`funds`）和公众评分（`rating`）。筛选：`category`、`purchaser`、`organization`、"
        "`street`、`stage`、`year`、`started_after`、`started_before`、`active_on`。默认按服务期开始日期 `start_date` "
        "从新到旧。" + ORDERING + CSV,
    ),
    "policies": (
        "政策法规",
        "中央、省、市、区四级政策法规：文号、发文机关、发布日期 `issued_on`、施行日期 `effective_on`、效力状态、全文和附件。"
        "筛选：`level`、`status`、`issued_after`、`issued_before`。默认按发布日期 `issued_on` 从新到旧。"
        + ORDERING
        + CSV,
    ),
    "notices": (
        "通知公告",
        "项目征集公告、立项公示、评估结果公示、红黑榜公示和工作动态：发布日期 `published_on`，公示类另有公示截止日 "
        "`publicity_until`（公示期为两者之间），以及所涉项目。筛选：`kind`、`published_after`、`published_before`。"
        "默认按发布日期从新到旧。" + ORDERING + CSV,
    ),
    "stations": (
        "社工站点",
        "区、街道（乡镇）、社区（村）三级社会工作站点：地址、电话、建站日期、人员和服务。筛选：`level`、`street`。",
    ),
    "pages": (
        "全部页面",
        "所有公开页面（Wagtail 通用接口）：`type=pages.ProjectPage` 限定类型，`child_of=`、`descendant_of=` 按栏目。",
    ),
    "images": ("图片", "公开图片，附现成的缩略图、中图和大图地址（`renditions`）。"),
    "documents": ("文件", "公开文件（如政策附件），`meta.download_url` 为下载地址。"),
    "departments": ("购买部门", "购买服务的部门。"),
    "categories": ("项目类别", "服务项目的类别，如党组织服务群众、社区营造、公益创投。"),
    "organizations": (
        "社会组织",
        "承接项目的社会组织及其红黑榜记录（`listing`）；联系人、电话、地址等联系方式不公开。",
    ),
    "redblack": (
        "红黑榜",
        "列入过红榜或黑榜的社会组织，红榜在前、最近列入的在前，含原因、列入日期和有效期；`in_force=true` 为当前有效的名单"
        "（即网站“红黑榜”页面所列），`status=red|black` 按榜单筛选。" + CSV,
    ),
    "updates": (
        "实施动态",
        (
            "审核通过的项目实施动态（仅限公开项目），最新的在前：标题、日期 `happened_on`、内容、照片。筛选：`project`、"
            "`happened_after`、`happened_before`。"
        ),
    ),
    "regions": ("区域", "区 → 街道 → 社区三级区域，平铺列出；`regions/tree/` 为树形。"),
    "search": (
        "全文检索",
        "在政策法规、服务项目、通知公告和社工站点中检索中文，带分面和高亮：`/api/v2/search/?q=养老`。",
    ),
    "stats": ("统计", "公开项目的数量、预算合计和已拨付合计（按年度、部门、类别、阶段），以及各层级政策法规的数量。"),
    "index": ("接口目录", "本接口的全部地址及说明，以及文档和 OpenAPI 描述的地址。"),
    "preview": (
        "草稿预览",
        "编辑在后台点“对接站点预览”后，对接站点凭 `token` 取回该草稿，格式同详情接口；令牌过期或无效时返回 403。",
    ),
}

# The listings that also come as a spreadsheet (`format=csv`).
SPREADSHEETS = ["projects", "policies", "notices", "redblack"]

ACTIONS = {"listing": "列表", "detail": "详情", "tree": "树形"}

# Objects that appear in several answers; any object not named here gets no description rather than a docstring.
COMPONENTS = {
    "Block": "正文的一个内容块：`type` 为 heading、paragraph、image、table、document 等，`value` 为其内容（富文本为 HTML）。",
    "ObjectMeta": "记录的元数据：类型和详情接口地址 `detail_url`。",
    "FileMeta": "文件或图片的元数据：类型、详情接口地址、标签和下载地址 `download_url`。",
    "PageMeta": "页面的元数据：`html_url` 为网站上的公开地址，`detail_url` 为接口地址；`first_published_at` 为上线时间，"
    "不是记录自身的日期。",
    "Parent": "上级页面。",
    "Organization": "项目的承接组织；不含联系方式。",
    "PageLink": "所链接的页面：编号、标题和 slug。",
    "Payment": "一笔资金拨付：日期、类型和金额；凭证、备注和超期超额说明只在后台。",
    "Funds": "资金动态：预算、已拨付、结余、拨付比例和每笔拨付。",
    "TimelineStep": "项目进程中的一个阶段及最近进入该阶段的日期。",
    "Rating": "公众评分（仅计审核通过的留言）。",
    "Listing": "红黑榜记录：榜单、原因、列入日期、有效期至，以及今天是否有效（`in_force`）。",
    "Message": "出错时的说明。",
}


def item_description(verbose_name):
    return f"一条{verbose_name}记录。用 `fields=` 选择字段时，未选的字段不出现。"
