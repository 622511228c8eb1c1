"""Calls for projects and applications, as editors and organizations make them."""

import datetime
import decimal

import factory
import wagtail_factories
from django.utils import timezone

from shegong.calls.models import Application, ApplicationBudgetLine, CallPage
from shegong.pages.models import NoticeIndexPage
from tests.factories import DepartmentFactory, OrganizationFactory, StreetFactory, section


class CallPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CallPage

    title = factory.Sequence(lambda n: f"2027 年社区服务项目征集公告{n}")
    slug = factory.Sequence(lambda n: f"call-{n}")
    parent = factory.LazyFunction(lambda: section(NoticeIndexPage))
    opens_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))
    closes_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=20))
    purchaser = factory.SubFactory(DepartmentFactory)
    budget_ceiling = decimal.Decimal("200000.00")
    required_materials = "项目申报书、机构登记证书、上年度审计报告"


class ApplicationFactory(factory.django.DjangoModelFactory):
    """A complete draft, ready to submit: its one budget line adds up to the budget."""

    class Meta:
        model = Application
        skip_postgeneration_save = True

    call = factory.SubFactory(CallPageFactory)
    organization = factory.SubFactory(OrganizationFactory)
    title = factory.Sequence(lambda n: f"困境儿童关爱服务项目{n}")
    content = "为辖区困境儿童提供课业辅导、心理支持和家庭探访服务。"
    street = factory.SubFactory(StreetFactory)
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=364))
    budget = decimal.Decimal("100000.00")
    social_worker = "张社工"
    line = factory.RelatedFactory(
        "tests.calls.factories.BudgetLineFactory",
        factory_related_name="application",
        amount=decimal.Decimal("100000.00"),
    )


class BudgetLineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ApplicationBudgetLine

    item = "人员经费"
    amount = decimal.Decimal("100000.00")
