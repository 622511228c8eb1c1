"""Factories for fund supervision, duplicate checks and station coverage."""

import datetime
import decimal

import factory
import wagtail_factories

from shegong.funds.models import Disbursement, PaymentKind
from shegong.pages.enums import StationLevel
from shegong.pages.models import StationIndexPage, StationPage
from tests.factories import ProjectPageFactory, section


class DisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disbursement

    project = factory.SubFactory(ProjectPageFactory)
    paid_on = datetime.date(2022, 4, 1)
    amount = decimal.Decimal("50000.00")
    kind = PaymentKind.FIRST


class StationPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = StationPage

    title = factory.Sequence(lambda n: f"测试社工站{n}")
    slug = factory.Sequence(lambda n: f"station-{n}")
    parent = factory.LazyFunction(lambda: section(StationIndexPage))
    level = StationLevel.COMMUNITY
