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


from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402

from bench.district import build_district  # noqa: E402
from shegong.duplicates.detection import THRESHOLD, assessments, likely_duplicates  # noqa: E402
from shegong.pages.models import ProjectIndexPage, ProjectPage  # noqa: E402
from tests.duplicates.applications import save_pair  # noqa: E402
from tests.duplicates.cases import HELD_OUT, TUNING  # noqa: E402
from tests.factories import ensure_site_tree  # noqa: E402


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


def time_checks(count, checks=50):
    start = time.perf_counter()
    rng = build_district(count)
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
