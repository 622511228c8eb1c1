"""What the content model refuses, in the words an editor sees."""

import datetime
import decimal

import pytest
from django.core.exceptions import ValidationError

from shegong.pages.models import NoticePage, PolicyPage, ProjectIndexPage, ProjectPage
from shegong.snippets.credit_code import validate_credit_code
from shegong.snippets.models import Region, RegionLevel, SocialOrganization
from tests.factories import CommunityFactory, NoticePageFactory, PolicyPageFactory, ProjectPageFactory, StreetFactory

# Published examples: the GB 32100-2015 standard's own sample and two registered companies.
REAL_CODES = ["91350100M000100Y43", "91110108551385082Q", "91310000775785552L"]


@pytest.mark.parametrize("code", REAL_CODES)
def test_real_credit_codes_pass(code):
    validate_credit_code(code)


@pytest.mark.parametrize(
    "code, message",
    [
        ("91350100M000100Y44", "第 18 位校验码"),  # last character changed
        ("91350100M000101Y43", "组织机构代码"),  # one digit of the organization code changed
        ("91350100M000100Y4", "18 位"),
        ("91350100M00010OY43", "不允许的字符"),  # letter O is not in the alphabet
    ],
)
def test_wrong_credit_codes_are_refused_with_the_reason(code, message):
    with pytest.raises(ValidationError) as error:
        validate_credit_code(code)
    assert message in error.value.messages[0]


@pytest.mark.django_db
def test_full_width_and_lower_case_codes_are_normalised():
    organization = SocialOrganization(name="测试中心", credit_code="９１３５０１００ｍ０００１００ｙ４３")
    organization.full_clean()
    organization.save()
    assert organization.credit_code == "91350100M000100Y43"


@pytest.mark.django_db
def test_a_listing_needs_a_reason_and_an_end_after_its_start():
    organization = SocialOrganization(
        name="测试中心", list_status="black", listed_on=datetime.date(2023, 1, 1), list_until=datetime.date(2022, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        organization.full_clean()
    assert set(error.value.message_dict) == {"list_reason", "list_until"}


@pytest.mark.django_db
def test_listing_in_force_follows_its_dates():
    organization = SocialOrganization(
        name="测试中心",
        list_status="black",
        list_reason="虚报服务数据",
        listed_on=datetime.date(2023, 1, 1),
        list_until=datetime.date(2024, 12, 31),
    )
    assert organization.listing_in_force(datetime.date(2022, 12, 31)) == ""
    assert organization.listing_in_force(datetime.date(2024, 6, 1)) == "black"
    assert organization.listing_in_force(datetime.date(2025, 1, 1)) == ""


@pytest.mark.django_db
def test_region_levels_must_nest():
    district = Region.objects.create(name="官渡区", level=RegionLevel.DISTRICT)
    community = Region(name="孤立社区", level=RegionLevel.COMMUNITY, parent=district)
    with pytest.raises(ValidationError) as error:
        community.full_clean()
    assert "街道" in error.value.message_dict["parent"][0]


def test_project_budget_cannot_be_negative(home):
    project = ProjectPageFactory()
    project.budget = decimal.Decimal("-1")
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "budget" in error.value.message_dict


def test_project_period_must_end_after_it_starts(home):
    project = ProjectPageFactory()
    project.end_date = project.start_date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "服务期结束日期不能早于开始日期" in error.value.message_dict["end_date"][0]


def test_project_community_must_belong_to_its_street(home):
    project = ProjectPageFactory()
    project.community = CommunityFactory(parent=StreetFactory())
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "不属于" in error.value.message_dict["community"][0]


def test_project_codes_are_unique(home):
    ProjectPageFactory(code="GD-2022-900")
    with pytest.raises(ValidationError):
        ProjectPageFactory(code="GD-2022-900")


def test_policy_document_numbers_are_unique_but_may_be_blank(home):
    PolicyPageFactory(document_number="民发〔2021〕6号")
    PolicyPageFactory(document_number="")
    PolicyPageFactory(document_number="")
    with pytest.raises(ValidationError) as error:
        PolicyPageFactory(document_number="民发〔2021〕6号")
    assert "文号已被" in str(error.value)


def test_publicity_notices_need_a_publicity_period(home):
    with pytest.raises(ValidationError) as error:
        NoticePageFactory(kind="approval_publicity", publicity_until=None)
    assert "公示截止日期" in str(error.value)
    notice = NoticePageFactory(kind="news", publicity_until=None)
    assert notice.live


@pytest.mark.parametrize(
    "child, parent_model, allowed",
    [
        (ProjectPage, ProjectIndexPage, True),
        (ProjectPage, "home", False),
        (PolicyPage, ProjectIndexPage, False),
        (NoticePage, ProjectIndexPage, False),
    ],
)
def test_pages_can_only_be_created_in_their_section(home, child, parent_model, allowed):
    parent = home if parent_model == "home" else parent_model.objects.get()
    assert child.can_create_at(parent.specific) is allowed
