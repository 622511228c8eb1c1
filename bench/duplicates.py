"""Duplicate detection: precision and recall on the labelled pairs, and the time of one check at scale.

    .venv/bin/python bench/duplicates.py [PROJECTS]      (default 1000 existing projects)
    DATABASE_URL=postgres://shegong:shegong@127.0.0.1:5432/shegong_NAME .venv/bin/python bench/duplicates.py

Each pair of tests/duplicates/cases.py is saved as an editor would (the earlier project published, the
later one a draft) and the check runs on the draft, as on publishing. Prints precision and recall on the
TUNING pairs (the rules were chosen on them) and on the HELD_OUT pairs (written after), every misjudged
pair with its score, then the median milliseconds of one check among PROJECTS existing projects.
Nothing is asserted; tests/duplicates/test_duplicates.py holds the floor. SQLite runs in a throwaway
file; on PostgreSQL the run creates and drops test_NAME, as the tests do.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shegong.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{tempfile.mkdtemp(prefix='shegong-bench-')}/bench.sqlite3")

import django  # noqa: E402

django.setup()

import datetime  # noqa: E402
import decimal  # noqa: E402
import random  # noqa: E402

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from wagtail.rich_text import RichText  # noqa: E402

from shegong.duplicates.detection import THRESHOLD, assessments, likely_duplicates  # noqa: E402
from shegong.pages.models import ProjectIndexPage, ProjectPage  # noqa: E402
from shegong.snippets.models import Department, Region, SocialOrganization  # noqa: E402
from tests.duplicates.applications import save_pair  # noqa: E402
from tests.duplicates.cases import HELD_OUT, TUNING  # noqa: E402
from tests.factories import ensure_site_tree  # noqa: E402

SERVICES = [
    ("独居老人关爱", "为独居老人提供定期探访、健康监测和精神慰藉服务，链接志愿者结对帮扶。"),
    ("四点半课堂", "为双职工家庭儿童提供放学后作业辅导、阅读陪伴和安全教育。"),
    ("残疾人康复支持", "为持证残疾人提供居家康复指导、辅具适配和家属喘息服务。"),
    ("社区营造", "推行楼栋长制度，培育居民议事会，引导居民参与公共空间营造。"),
    ("禁毒宣传教育", "开展禁毒知识宣传、青少年毒品预防教育和禁毒志愿者培训。"),
    ("新时代文明实践志愿服务", "培育志愿服务队伍，开展理论宣讲、移风易俗和邻里互助活动。"),
    ("青少年成长", "为困境青少年开展课业辅导、心理支持和团体成长小组。"),
    ("低保家庭帮扶", "为低保、低收入家庭提供需求评估、资源链接和个案帮扶。"),
]


def judge(pairs):
    """Counts and misjudged pairs: a pair is flagged when the check on the later one names the earlier one."""
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    wrong = []
    for pair in pairs:
        earlier, later = save_pair(pair)
        flagged = earlier.pk in {m.project.pk for m in likely_duplicates(later)}
        outcome = {(True, True): "tp", (True, False): "fn", (False, True): "fp", (False, False): "tn"}
        counts[outcome[pair.duplicate, flagged]] += 1
        if flagged != pair.duplicate:
            match = next((m for m in assessments(later) if m.project.pk == earlier.pk), None)
            score = f"{match.score:.2f}（{match.reason}）" if match else "不比较（服务期、地点或服务对象不同）"
            wrong.append(f"  {'漏判' if pair.duplicate else '误判'}：{pair.name}，得分 {score}")
    return counts, wrong


def report(label, pairs):
    counts, wrong = judge(pairs)
    precision = counts["tp"] / ((counts["tp"] + counts["fp"]) or 1)
    recall = counts["tp"] / ((counts["tp"] + counts["fn"]) or 1)
    size = f"{len(pairs)} pairs ({sum(p.duplicate for p in pairs)} duplicates)"
    print(f"{label}: {size}, precision {precision:.2f}, recall {recall:.2f},", counts)
    print("\n".join(wrong) or "  no pair misjudged")


def build(count):
    """`count` published projects over 12 streets of 8 communities and eight years, with 简介 and 详情."""
    rng = random.Random(7)
    district = Region.objects.create(name="官渡区（基准）", level="district")
    streets = [Region.objects.create(name=f"基准{i}街道", level="street", parent=district) for i in range(12)]
    communities = [
        Region.objects.create(name=f"{s.name}第{j}社区", level="community", parent=s) for s in streets for j in range(8)
    ]
    departments = [Department.objects.create(name=f"官渡区基准局{i}") for i in range(10)]
    organizations = [SocialOrganization.objects.create(name=f"官渡区基准社会工作服务中心{i}") for i in range(80)]
    index = ProjectIndexPage.objects.get()
    for n in range(count):
        community = rng.choice(communities)
        service, summary = rng.choice(SERVICES)
        year = rng.randint(2017, 2024)
        index.add_child(
            instance=ProjectPage(
                title=f"{community.name}{service}服务项目",
                slug=f"bench-{n}",
                code=f"BENCH-{year}-{n:04d}",
                summary=summary,
                body=[("paragraph", RichText(f"<p>{community.name}{summary}第{n}期计划开展活动{n % 40}场。</p>"))],
                purchaser=rng.choice(departments),
                organization=rng.choice(organizations),
                street=community.parent,
                community=community,
                budget=decimal.Decimal(rng.randint(50, 300) * 1000),
                start_date=datetime.date(year, 3, 1),
                end_date=datetime.date(year + 1, 2, 28),
                stage="implementation",
            )
        )
    return rng


def time_checks(count, checks=50):
    start = time.perf_counter()
    rng = build(count)
    print(f"built {count} projects in {time.perf_counter() - start:.1f} s")
    existing = list(ProjectPage.objects.filter(code__startswith="BENCH-"))
    times, flagged = [], 0
    for n in range(checks):
        probe = rng.choice(existing)
        draft = ProjectPage(
            title=probe.title,
            summary=probe.summary,
            body=probe.body,
            organization=probe.organization,
            purchaser=probe.purchaser,
            street=probe.street,
            community=probe.community,
            budget=probe.budget,
            start_date=probe.start_date,
            end_date=probe.end_date,
            slug=f"bench-draft-{n}",
            code=f"DRAFT-{n}",
            live=False,
        )
        ProjectIndexPage.objects.get().add_child(instance=draft)
        began = time.perf_counter()
        flagged += bool(likely_duplicates(draft))
        times.append(time.perf_counter() - began)
    print(
        f"one check among {count} projects: median {statistics.median(times) * 1000:.1f} ms, "
        f"max {max(times) * 1000:.1f} ms over {checks} checks ({flagged} of {checks} copies flagged)"
    )


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    setup_test_environment()
    throwaway = connection.vendor != "sqlite"
    if throwaway:
        name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    else:
        call_command("migrate", verbosity=0)
    try:
        ensure_site_tree()
        print(f"database: {connection.vendor}; threshold {THRESHOLD}")
        report("TUNING", TUNING)
        report("HELD_OUT", HELD_OUT)
        time_checks(count)
    finally:
        if throwaway:
            connection.creation.destroy_test_db(name, verbosity=0)


if __name__ == "__main__":
    main()
