"""API benchmark: listing 20 projects with all fields beside the bare listing (id, title), in one run.

    .venv/bin/python bench/api                       # 300 projects, 300 requests of each
    .venv/bin/python bench/api --projects 600 --requests 500

A throwaway SQLite database is migrated and filled with projects that have every relation set (category,
department, organization, street, community, cover image with renditions, tags, participants,
milestones, a body). Requests go through Django's full stack (middleware, URL routing, DRF, rendering)
with its test client, alternating between the two listings so both see the same machine state.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LISTINGS = {
    "all fields": "/api/v2/projects/?limit=20&fields=*",
    "bare (id, title)": "/api/v2/projects/?limit=20&fields=_,id,title",
}


def setup(data_dir):
    os.environ.update(SHEGONG_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="shegong.settings.dev", DEBUG="0")
    os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def fill(count):
    import datetime
    import random

    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from shegong.pages.models import ProjectMilestone, ProjectParticipant
    from tests.factories import (
        CategoryFactory,
        DepartmentFactory,
        OrganizationFactory,
        ProjectPageFactory,
        StreetFactory,
    )

    rng = random.Random(4)
    images = [
        get_image_model().objects.create(title=f"照片{n}", file=get_test_image_file(size=(1200, 800))) for n in range(5)
    ]
    categories = [CategoryFactory() for _ in range(4)]
    departments = [DepartmentFactory() for _ in range(6)]
    organizations = [OrganizationFactory() for _ in range(20)]
    streets = [StreetFactory() for _ in range(6)]
    for _ in range(count):
        page = ProjectPageFactory(
            category=rng.choice(categories),
            purchaser=rng.choice(departments),
            organization=rng.choice(organizations),
            street=rng.choice(streets),
            image=rng.choice(images),
            budget=rng.randint(50, 500) * 1000,
            start_date=(start := datetime.date(rng.randint(2017, 2024), rng.randint(1, 12), 1)),
            end_date=start + datetime.timedelta(days=364),
            body=[
                ("heading", "服务内容"),
                ("paragraph", "<p>" + "为辖区独居老人提供上门探访与助餐服务。" * 8 + "</p>"),
            ],
        )
        page.tags.add(*rng.sample(["养老", "儿童", "社区营造", "五社联动", "志愿服务"], 2))
        page.save()
        ProjectParticipant.objects.bulk_create(
            ProjectParticipant(page=page, name=f"志愿者队{k}", sort_order=k) for k in range(3)
        )
        ProjectMilestone.objects.create(page=page, stage="call", reached_on=datetime.date(2022, 1, 1))


def measure(requests):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    for url in LISTINGS.values():  # warm up: renditions, caches, imports
        for _ in range(5):
            assert client.get(url).status_code == 200
    times = {name: [] for name in LISTINGS}
    for _ in range(requests):
        for name, url in LISTINGS.items():
            start = time.perf_counter()
            response = client.get(url)
            times[name].append(time.perf_counter() - start)
            assert response.status_code == 200 and len(response.json()["items"]) == 20
    return times


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=300)
    parser.add_argument("--requests", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="shegong-bench-api-") as data_dir:
        setup(data_dir)
        started = time.perf_counter()
        fill(args.projects)
        print(
            f"{args.projects} projects created in {time.perf_counter() - started:.1f} s; {args.requests} requests each"
        )
        times = measure(args.requests)
    p50 = {name: statistics.median(values) for name, values in times.items()}
    print(f"{'listing of 20 projects':<24}{'p50 ms':>10}{'p95 ms':>10}{'req/s':>10}")
    for name, values in times.items():
        p95 = statistics.quantiles(values, n=20)[-1]
        print(f"{name:<24}{p50[name] * 1000:>10.1f}{p95 * 1000:>10.1f}{len(values) / sum(values):>10.1f}")
    ratio = p50["all fields"] / p50["bare (id, title)"]
    print(f"all fields / bare at p50: {ratio:.2f}x (target <= 1.5x)")


if __name__ == "__main__":
    main()
