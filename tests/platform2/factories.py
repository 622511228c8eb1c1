"""Factories for fund supervision and duplicate checks."""

import datetime
import decimal

import factory

from shegong.funds.models import Disbursement, PaymentKind
from tests.factories import ProjectPageFactory


class DisbursementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Disbursement

    project = factory.SubFactory(ProjectPageFactory)
    paid_on = datetime.date(2022, 4, 1)
    amount = decimal.Decimal("50000.00")
    kind = PaymentKind.FIRST
