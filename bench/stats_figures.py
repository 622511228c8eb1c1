"""Statistics and funds report at a district's scale, in a throwaway SQLite database (the duplicate check: bench/duplicates.py).

    .venv/bin/python bench/stats_figures.py [PROJECTS]   (default 1000)

Prints milliseconds per operation; nothing is asserted.
"""

import os
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shegong.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='shegong-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402
import decimal  # noqa: E402
import random  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from shegong.funds.models import Disbursement  # noqa: E402
from shegong.pages.models import ProjectIndexPage, ProjectPage  # noqa: E402
from shegong.snippets.models import Department, ProjectCategory, Region, SocialOrganization  # noqa: E402
from shegong.stats.figures import public_figures  # noqa: E402

SERVICES = [
    "独居老人关爱",
    "困境儿童陪伴",
    "残疾人康复支持",
    "社区营造",
    "禁毒宣传",
    "新时代文明实践",
    "青少年成长",
    "妇女儿童之家",
]


def timed(label, fn, repeat=5):
    best = min(_run(fn) for _ in range(repeat))
    print(f"{label}: {best * 1000:.1f} ms")


def _run(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def build(count):
    call_command("migrate", verbosity=0)
    rng = random.Random(5)
    district = Region.objects.create(name="官渡区", level="district")
    streets = [Region.objects.create(name=f"第{i}街道", level="street", parent=district) for i in range(12)]
    communities = [
        Region.objects.create(name=f"{s.name}第{j}社区", level="community", parent=s) for s in streets for j in range(8)
    ]
    departments = [Department.objects.create(name=f"官渡区第{i}局") for i in range(10)]
    categories = [ProjectCategory.objects.create(name=f"类别{i}") for i in range(6)]
    organizations = [SocialOrganization.objects.create(name=f"官渡区第{i}社会工作服务中心") for i in range(80)]
    index = ProjectIndexPage.objects.get()
    for n in range(count):
        community = rng.choice(communities)
        service = rng.choice(SERVICES)
        year = rng.randint(2017, 2024)
        page = ProjectPage(
            title=f"{community.name}{service}服务项目",
            slug=f"p{n}",
            code=f"GD-{year}-{n:04d}",
            summary=f"为{community.name}居民提供{service}服务，开展个案、小组和社区活动，第{n}号。",
            category=rng.choice(categories),
            purchaser=rng.choice(departments),
            organization=rng.choice(organizations),
            street=community.parent,
            community=community,
            budget=decimal.Decimal(rng.randint(50, 300) * 1000),
            start_date=datetime.date(year, 3, 1),
            end_date=datetime.date(year + 1, 2, 28),
            stage="implementation",
        )
        index.add_child(instance=page)
        Disbursement.objects.create(
            project=page, paid_on=datetime.date(year, 4, 1), amount=page.budget / 2, kind="first"
        )
    return rng


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    start = time.perf_counter()
    build(count)
    print(f"built {count} projects in {time.perf_counter() - start:.1f} s")
    timed("public figures (4 groupings + station coverage)", public_figures)
    client = Client(HTTP_HOST="localhost")
    assert client.get("/stats/").status_code == 200
    timed("GET /stats/", lambda: client.get("/stats/"))


if __name__ == "__main__":
    main()
