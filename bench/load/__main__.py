"""Load benchmark: citizens (home, listings, project pages, search, API) against gunicorn with production
settings on 127.0.0.1, at each concurrency, on SQLite and (with DATABASE_URL) on PostgreSQL.

    .venv/bin/python bench/load                                  # SQLite, 16 and 64 clients, 30 s each
    DATABASE_URL=postgres://…/shegong_production .venv/bin/python bench/load --seconds 20
    .venv/bin/python bench/load --page-cache 0 60                # without, then with the public page cache

A fresh data folder gets the demo content (migrate, load_demo, collectstatic). Each configuration prints
requests/s, p50/p95 (ms), errors (non-2xx/3xx or failures), and the workers' total RSS before and after; then
the workers' CPU time per request, the p50 of each kind of page and the machine's load average (other jobs on
the machine change the latencies, much less the CPU per request). REDIS_URL=redis://… uses Redis as the cache.
"""

import argparse
import contextlib
import os
import random
import re
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from tests.production.served import Gunicorn, Visitor, empty_postgres, prepare_demo, site_env  # noqa: E402

FIXED = [
    ("home", "/"),
    ("listing", "/projects/"),
    ("listing", "/policies/"),
    ("listing", "/notices/"),
    ("listing", "/projects/?page=2"),
    ("search", "/search/?q=社工"),
    ("search", "/search/?q=养老服务"),
    ("api", "/api/v2/projects/?limit=10"),
    ("api", "/api/v2/search/?q=儿童"),
]


def citizen_paths(url):
    listing = Visitor(url).get("/projects/").text
    projects = sorted(set(re.findall(r'href="(/projects/gd-[a-z0-9-]+/)"', listing)))[:10]
    # Weighted like a citizen's visit: more reading of projects than searching.
    return FIXED + [("project", path) for path in projects] * 2


def rss_mb(pids):
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def cpu_seconds(pids):
    """User and system CPU time the workers have used: unlike latency, not inflated by other jobs on the machine."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        except FileNotFoundError:
            pass
    return total / os.sysconf("SC_CLK_TCK")


def load(url, paths, clients, seconds):
    timings, by_kind, errors, lock = [], {}, [0], threading.Lock()
    stop = time.monotonic() + seconds

    def citizen(seed):
        chooser = random.Random(seed)
        visitor = Visitor(url)
        while time.monotonic() < stop:
            kind, path = chooser.choice(paths)
            started = time.perf_counter()
            try:
                ok = visitor.get(path).status_code < 400
            except Exception:  # noqa: BLE001 - a failed request is counted, the citizen goes on
                ok = False
            with lock:
                timings.append(time.perf_counter() - started)
                by_kind.setdefault(kind, []).append(timings[-1])
                errors[0] += not ok

    threads = [threading.Thread(target=citizen, args=(n,)) for n in range(clients)]
    began = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - began
    return timings, by_kind, errors[0], elapsed


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))] * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument(
        "--page-cache", type=int, nargs="+", default=[0], help="SHEGONG_PAGE_CACHE_SECONDS values to compare (0 = off)"
    )
    parser.add_argument("--data", help="a data folder kept between runs (SQLite: the demo is prepared once)")
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL", "")
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    cache = "Redis" if os.environ.get("REDIS_URL") else "database"
    with contextlib.ExitStack() as stack:
        data = args.data or stack.enter_context(tempfile.TemporaryDirectory(prefix="shegong-load-"))
        env = site_env(data, database_url=database_url or None)
        if database_url or not (Path(data) / "shegong.sqlite3").exists():
            if database_url:
                empty_postgres(database_url)
            print(f"preparing the demo on {engine} …", flush=True)
            prepare_demo(env)
        print(
            f"{engine}, {cache} cache, gunicorn {args.workers} workers, {args.seconds:.0f} s per configuration, "
            "loopback"
        )
        print(
            f"{'page cache':>10} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} "
            f"{'RSS before MB':>13} {'RSS after MB':>12}"
        )
        for cache_seconds in args.page_cache:
            with Gunicorn({**env, "SHEGONG_PAGE_CACHE_SECONDS": str(cache_seconds)}, workers=args.workers) as site:
                paths = citizen_paths(site.url)
                for clients in args.clients:
                    before, cpu_before = rss_mb(site.worker_pids()), cpu_seconds(site.worker_pids())
                    timings, by_kind, errors, elapsed = load(site.url, paths, clients, args.seconds)
                    after, cpu = rss_mb(site.worker_pids()), cpu_seconds(site.worker_pids()) - cpu_before
                    print(
                        f"{cache_seconds or 'off':>10} {clients:>7} {len(timings) / elapsed:>7.1f} "
                        f"{percentile(timings, 0.5):>7.0f} {percentile(timings, 0.95):>7.0f} {errors:>6} "
                        f"{before:>13.0f} {after:>12.0f}",
                        flush=True,
                    )
                    kinds = ", ".join(
                        f"{kind} {percentile(values, 0.5):.0f}" for kind, values in sorted(by_kind.items())
                    )
                    print(
                        f"{'':>10} workers' CPU {cpu * 1000 / max(1, len(timings)):.1f} ms a request; p50 ms by kind: "
                        f"{kinds}; load average {os.getloadavg()[0]:.1f}",
                        flush=True,
                    )
        if timings:
            print(f"(mean of the last configuration: {statistics.mean(timings) * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
