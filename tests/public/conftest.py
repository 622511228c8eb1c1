import pytest
from wagtail.models import Page, PageViewRestriction

from tests.factories import (
    NoticePageFactory,
    OrganizationFactory,
    PolicyPageFactory,
    ProjectPageFactory,
    StationPageFactory,
)


@pytest.fixture
def published(home):
    """A little of everything a citizen may read, beside a draft and a password-protected page of each kind."""
    organization = OrganizationFactory(
        name="官渡区阳光社会工作服务中心", contact_phone="0871-61111111", contact_person="张内部"
    )
    pages = {
        "project": ProjectPageFactory(
            title="关上街道“银龄互助”居家养老服务项目", organization=organization, summary="为独居老人提供探访服务。"
        ),
        "implementation": ProjectPageFactory(title="太和社区四点半课堂项目", stage="implementation"),
        "call": ProjectPageFactory(title="矣六街道社区营造征集项目", stage="call"),
        "policy": PolicyPageFactory(title="关于加快推进乡镇（街道）社会工作服务站建设的通知"),
        "notice": NoticePageFactory(title="2023年度社会工作服务项目立项公示"),
        "station": StationPageFactory(title="关上街道社会工作服务站"),
    }
    hidden = [
        ProjectPageFactory(title="草稿项目甲", live=False),
        PolicyPageFactory(title="草稿政策乙", live=False),
        NoticePageFactory(title="草稿公告丙", live=False),
    ]
    for page in [
        ProjectPageFactory(title="受限项目丁"),
        PolicyPageFactory(title="受限政策戊"),
        NoticePageFactory(title="受限公告己"),
    ]:
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.PASSWORD, password="内部")
        hidden.append(page)
    return {"pages": pages, "hidden": hidden, "organization": organization}


def public_page_paths():
    return {page.url for page in Page.objects.live().public().filter(depth__gt=1).specific()}
