"""The public figures (four groupings and station coverage) and GET /stats/ at a district's scale, in a throwaway
SQLite database.

    .venv/bin/python bench/stats_figures.py [PROJECTS]   (default 1000)

Prints milliseconds per operation; nothing is asserted.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shegong.settings.test")
os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='shegong-bench-')}/bench.sqlite3"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

from bench.district import build_district  # noqa: E402
from shegong.stats.figures import public_figures  # noqa: E402


def timed(label, fn, repeat=5):
    best = min(_run(fn) for _ in range(repeat))
    print(f"{label}: {best * 1000:.1f} ms")


def _run(fn):
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    build_district(count)
    print(f"built {count} projects in {time.perf_counter() - start:.1f} s")
    timed("public figures (4 groupings + station coverage)", public_figures)
    client = Client(HTTP_HOST="localhost")
    assert client.get("/stats/").status_code == 200
    timed("GET /stats/", lambda: client.get("/stats/"))


if __name__ == "__main__":
    main()
