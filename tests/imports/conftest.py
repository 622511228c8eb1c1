"""The basic records a district has entered in the admin before anyone imports projects that name them."""

import pytest

from tests.factories import CategoryFactory, CommunityFactory, DepartmentFactory, OrganizationFactory, StreetFactory


@pytest.fixture
def basics(home):
    guanshang = StreetFactory(name="关上街道")
    shuangqiao = StreetFactory(name="双桥街道")
    return {
        "categories": [CategoryFactory(name=name) for name in ("为老服务", "儿童关爱")],
        "departments": [DepartmentFactory(name=name) for name in ("官渡区民政局", "官渡区妇联")],
        "organizations": [
            OrganizationFactory(name="昆明市官渡区同心社会工作服务中心"),
            OrganizationFactory(
                name="昆明市官渡区善行社会工作服务中心",
                list_status="black",
                list_reason="虚报服务人次",
                listed_on="2023-06-01",
            ),
        ],
        "streets": [guanshang, shuangqiao],
        "communities": [
            CommunityFactory(name="关上社区", parent=guanshang),
            CommunityFactory(name="双桥社区", parent=shuangqiao),
        ],
    }
