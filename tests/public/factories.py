"""Factories for the page types the shared factories leave out."""

import datetime

import factory
import wagtail_factories

from shegong.pages.enums import StationLevel
from shegong.pages.models import ContentPage, HomePage, StationIndexPage, StationPage
from tests.factories import StreetFactory, section


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
