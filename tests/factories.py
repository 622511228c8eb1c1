"""Factories for the content model, the accounts in each role and the records of the platform's own work,
shared by every test package."""

import datetime
import decimal

import factory
import wagtail_factories
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from shegong.evaluations.models import Evaluation, EvaluationGrade
from shegong.feedback.models import Comment, Objection
from shegong.funds.models import Disbursement, PaymentKind
from shegong.lifecycle.models import ReviewScore
from shegong.pages.enums import NoticeKind, PolicyLevel, ProjectStage, StationLevel
from shegong.pages.models import (
    ContentPage,
    HomePage,
    NoticeIndexPage,
    NoticePage,
    PolicyIndexPage,
    PolicyPage,
    ProjectIndexPage,
    ProjectPage,
    StationIndexPage,
    StationPage,
)
from shegong.roles.models import StaffProfile
from shegong.snippets.credit_code import credit_code_check_char, org_code_check_char
from shegong.snippets.models import Department, ProjectCategory, Region, RegionLevel, SocialOrganization
from shegong.updates.models import ImplementationUpdate


def make_credit_code(n):
    """A valid 统一社会信用代码 for a social organization registered in Guandu (530111)."""
    org8 = f"{50000000 + n:08d}"
    first17 = "52530111" + org8 + org_code_check_char(org8)
    return first17 + credit_code_check_char(first17)


class DepartmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Department
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"官渡区测试局{n}")
    short_name = factory.Sequence(lambda n: f"测试局{n}")


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProjectCategory
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"测试类别{n}")


class DistrictFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ["name", "parent"]

    name = "官渡区"
    level = RegionLevel.DISTRICT
    parent = None


class StreetFactory(DistrictFactory):
    name = factory.Sequence(lambda n: f"测试{n}街道")
    level = RegionLevel.STREET
    parent = factory.SubFactory(DistrictFactory)


class CommunityFactory(DistrictFactory):
    name = factory.Sequence(lambda n: f"测试{n}社区")
    level = RegionLevel.COMMUNITY
    parent = factory.SubFactory(StreetFactory)


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SocialOrganization
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"昆明市官渡区测试社会工作服务中心{n}")
    credit_code = factory.Sequence(make_credit_code)
    rating = "3A"
    contact_person = "联系人甲"
    contact_phone = "0871-63000000"
    address = "官渡区测试路 1 号"


def section(model):
    ensure_site_tree()
    return model.objects.first()


def ensure_site_tree():
    """The home page and its three sections, as the migration makes them.

    Tests on a transactional database start from flushed tables, so they
    rebuild the tree here.
    """
    # A flushed database has lost the default locale too, which every page needs.
    Locale.objects.get_or_create(language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE))
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node() or Page.add_root(title="Root", slug="root")
        home = root.add_child(instance=HomePage(title="官渡区社会工作服务项目管理平台", slug="home"))
        Site.objects.update_or_create(
            is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
        )
    for model, title, slug in [
        (ProjectIndexPage, "服务项目", "projects"),
        (PolicyIndexPage, "政策法规", "policies"),
        (NoticeIndexPage, "通知公告", "notices"),
        (StationIndexPage, "社工站点", "stations"),
    ]:
        if not model.objects.exists():
            home.add_child(instance=model(title=title, slug=slug))
    return home


class ProjectPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ProjectPage

    title = factory.Sequence(lambda n: f"测试社区服务项目{n}")
    slug = factory.Sequence(lambda n: f"gd-test-{n:03d}")
    code = factory.Sequence(lambda n: f"GD-2022-{n:03d}")
    parent = factory.LazyFunction(lambda: section(ProjectIndexPage))
    category = factory.SubFactory(CategoryFactory)
    purchaser = factory.SubFactory(DepartmentFactory)
    organization = factory.SubFactory(OrganizationFactory)
    street = factory.SubFactory(StreetFactory)
    community = factory.LazyAttribute(lambda o: CommunityFactory(parent=o.street))
    budget = decimal.Decimal("150000.00")
    start_date = datetime.date(2022, 3, 1)
    end_date = datetime.date(2023, 2, 28)
    stage = ProjectStage.IMPLEMENTATION
    summary = "为辖区独居老人和困难群众提供社会工作服务。"


class PolicyPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = PolicyPage

    title = factory.Sequence(lambda n: f"关于社会工作服务的测试通知{n}")
    slug = factory.Sequence(lambda n: f"policy-{n}")
    parent = factory.LazyFunction(lambda: section(PolicyIndexPage))
    document_number = factory.Sequence(lambda n: f"官民发〔2022〕{n + 1}号")
    level = PolicyLevel.DISTRICT
    issuer = "官渡区民政局"
    issued_on = datetime.date(2022, 5, 1)


class NoticePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NoticePage

    title = factory.Sequence(lambda n: f"测试工作动态{n}")
    slug = factory.Sequence(lambda n: f"notice-{n}")
    parent = factory.LazyFunction(lambda: section(NoticeIndexPage))
    kind = NoticeKind.NEWS
    published_on = datetime.date(2022, 6, 1)


class StationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StationPage

    title = factory.Sequence(lambda n: f"测试{n}街道社会工作服务站")
    slug = factory.Sequence(lambda n: f"station-{n}")
    parent = factory.LazyFunction(lambda: section(StationIndexPage))
    level = StationLevel.STREET
    region = factory.SubFactory(StreetFactory)
    address = "测试街道党群服务中心二楼"
    phone = "0871-67180000"
    opened_on = datetime.date(2021, 3, 1)
    staff_count = 3
    services = "养老服务\n儿童关爱"


class ContentPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ContentPage

    title = "关于平台"
    slug = factory.Sequence(lambda n: f"about-{n}")
    parent = factory.LazyFunction(lambda: section(HomePage))


def account(username, group, department=None, organization=None):
    """A staff account in one of the four groups the roles migration made."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    user.groups.add(Group.objects.get(name=group))
    if department or organization:
        StaffProfile.objects.create(user=user, department=department, organization=organization)
    return user


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    project = factory.SubFactory(ProjectPageFactory)
    name = "居民王女士"
    contact = "13900000000"
    text = "服务很及时，老人们很满意。"


class ObjectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Objection

    project = factory.SubFactory(ProjectPageFactory)
    name = "居民李先生"
    contact = "13800000000"
    text = "承接机构资质存疑。"


class ReviewScoreFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReviewScore

    project = factory.SubFactory(ProjectPageFactory)
    reviewer = factory.Sequence(lambda n: f"评审专家{n}")
    score = "87.50"
    comment = "需求调研扎实。"


class UpdateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ImplementationUpdate

    project = factory.SubFactory(ProjectPageFactory)
    title = factory.Sequence(lambda n: f"第{n}次入户探访")
    text = "走访独居老人 12 户。"


class DisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disbursement

    project = factory.SubFactory(ProjectPageFactory)
    paid_on = datetime.date(2022, 4, 1)
    amount = decimal.Decimal("50000.00")
    kind = PaymentKind.FIRST


class EvaluationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evaluation

    project = factory.SubFactory(ProjectPageFactory, stage=ProjectStage.EVALUATION)
    agency = "云南省社会工作评估中心"
    evaluated_on = datetime.date(2023, 3, 10)
    score = decimal.Decimal("86.00")
    grade = EvaluationGrade.GOOD
