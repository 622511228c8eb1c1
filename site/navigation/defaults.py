"""What a new site's frame starts with, so the demo and a fresh deployment show a complete menu and footer.

Used by the data migration and whenever a site's frame is first created; editors change all of it.
"""

FIELDS = {
    "sponsor": "昆明市官渡区民政局",
    "organizer": "官渡区社会工作服务指导中心",
    "contact": "地址：昆明市官渡区（示例地址，请编辑）\n电话：0871-00000000（示例）",
    "site_code": "示例0000000000",
    "icp_number": "滇ICP备00000000号（示例）",
    "police_number": "滇公网安备00000000000000号（示例）",
    "description": "政府购买社会工作服务项目、政策法规与通知公告全过程公开。",
}

MAIN_MENU = [
    ("首页", "/"),
    ("服务项目", "/projects/"),
    ("政策法规", "/policies/"),
    ("通知公告", "/notices/"),
    ("社工站点", "/stations/"),
    ("红黑榜", "/redblack/"),
    ("数据统计", "/stats/"),
    ("信息公开", "/xxgk/"),
    ("数据开放", "/opendata/"),
]

FOOTER_LINKS = [
    ("信息公开", "/xxgk/"),
    ("数据开放", "/opendata/"),
    ("网站地图", "/sitemap/"),
    ("社会组织", "/organizations/"),
    ("订阅（RSS）", "/feeds/notices/rss/"),
]


def fill(frame, main_menu_model, footer_link_model):
    """Give an empty frame the default fields and links; models are passed so a migration can use its historical ones."""
    for name, value in FIELDS.items():
        setattr(frame, name, value)
    frame.save()
    for model, links in [(main_menu_model, MAIN_MENU), (footer_link_model, FOOTER_LINKS)]:
        model.objects.bulk_create(
            model(frame=frame, sort_order=position, label=label, link_url=url)
            for position, (label, url) in enumerate(links)
        )
