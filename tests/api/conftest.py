import datetime

import pytest
from django.core.cache import cache
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from shegong.pages.models import ProjectMilestone, ProjectParticipant
from tests.factories import PolicyPageFactory, ProjectPageFactory


@pytest.fixture(autouse=True)
def _fresh_cache():
    # Wagtail caches site root paths; tests build their own tree.
    cache.clear()


@pytest.fixture
def image(db):
    return get_image_model().objects.create(title="社区活动照片", file=get_test_image_file(size=(1200, 800)))


@pytest.fixture
def project(home, image):
    page = ProjectPageFactory(
        title="银龄守护社区养老服务项目",
        image=image,
        body=[("heading", "服务内容"), ("paragraph", "<p>为独居老人提供上门探访。</p>")],
    )
    page.save_revision().publish()
    ProjectParticipant.objects.create(page=page, name="阳光志愿者队", kind="volunteers")
    ProjectMilestone.objects.create(page=page, stage="publicity", reached_on=datetime.date(2022, 2, 10))
    return page


@pytest.fixture
def policy(home):
    page = PolicyPageFactory(title="关于加快推进社会工作发展的意见", level="provincial")
    page.save_revision().publish()
    return page
