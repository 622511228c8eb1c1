"""Load benchmark: citizens (home, listings, project pages, search, API) against gunicorn with production
settings on 127.0.0.1, at each concurrency, on SQLite and (with DATABASE_URL) on PostgreSQL.

    .venv/bin/python bench/load                                  # SQLite, 16 and 64 clients, 30 s each
    DATABASE_URL=postgres://…/shegong_production .venv/bin/python bench/load --seconds 20
    .venv/bin/python bench/load --page-cache 0 60                # without, then with the public page cache
    .venv/bin/python bench/load --against /tmp/shegong-old        # old code against this one at equal load

With --against DIR (the source tree of an older commit: `git archive COMMIT | tar -x -C DIR`), both versions are
served at once, each from its own data folder on SQLite, and the load alternates between them in windows of
--seconds (--rounds of each), so both meet the same machine load; it prints each one's figures and new/old ratios.

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

from tests.production.served import (  # noqa: E402
    THREADS,
    WORKERS,
    Gunicorn,
    Visitor,
    empty_postgres,
    prepare_demo,
    shegong,
    site_env,
)

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


def old_code_env(tree, data, shim):
    """The environment of a site served by the code in `tree`: a `shegong` package of links to its folders (as
    pyproject.toml maps them) first on the path, ahead of this checkout's editable install."""
    package = Path(shim) / "shegong"
    package.mkdir()
    for entry in (Path(tree) / "site").iterdir():
        (package / entry.name).symlink_to(entry)
    for name in ("search", "theme", "fixtures"):
        (package / name).symlink_to(Path(tree) / name)
    return site_env(data, PYTHONPATH=shim)


def prepare(env):
    """prepare_demo, for a tree that may predate the task worker (its indexing then ran in load_demo)."""
    if "db_worker" in shegong(env, "help", "--commands").stdout:
        prepare_demo(env)
    else:
        for step in (["migrate", "--noinput", "-v0"], ["load_demo"], ["collectstatic", "--noinput", "-v0"]):
            shegong(env, *step)


def compare(args, stack):
    """Old and new code served side by side, the same load alternated between them."""
    sites = {}
    for name, make_env in (
        ("old", lambda data: old_code_env(args.against, data, stack.enter_context(tempfile.TemporaryDirectory()))),
        ("new", site_env),
    ):
        env = make_env(stack.enter_context(tempfile.TemporaryDirectory(prefix=f"shegong-load-{name}-")))
        print(f"preparing the demo for the {name} code …", flush=True)
        prepare(env)
        sites[name] = env
    print(
        f"old code ({args.against}) against new, SQLite, database cache, gunicorn {args.workers} workers × "
        f"{args.threads} threads, {args.rounds} alternating windows of {args.seconds:.0f} s each"
    )
    print(
        f"{'page cache':>10} {'clients':>7} {'code':>4} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} {'CPU ms/req':>10}"
    )
    for cache_seconds in args.page_cache:
        with contextlib.ExitStack() as servers:
            served = {
                name: servers.enter_context(
                    Gunicorn(
                        {**env, "SHEGONG_PAGE_CACHE_SECONDS": str(cache_seconds)},
                        workers=args.workers,
                        threads=args.threads,
                    )
                )
                for name, env in sites.items()
            }
            paths = {name: citizen_paths(site.url) for name, site in served.items()}
            for clients in args.clients:
                totals = {name: {"timings": [], "errors": 0, "elapsed": 0.0, "cpu": 0.0} for name in served}
                for _ in range(args.rounds):
                    for name, site in served.items():
                        cpu_before = cpu_seconds(site.worker_pids())
                        timings, _, errors, elapsed = load(site.url, paths[name], clients, args.seconds)
                        totals[name]["cpu"] += cpu_seconds(site.worker_pids()) - cpu_before
                        totals[name]["timings"] += timings
                        totals[name]["errors"] += errors
                        totals[name]["elapsed"] += elapsed
                figures = {}
                for name, total in totals.items():
                    timings = total["timings"]
                    figures[name] = (
                        len(timings) / total["elapsed"],
                        percentile(timings, 0.5),
                        percentile(timings, 0.95),
                        total["cpu"] * 1000 / max(1, len(timings)),
                    )
                    rate, p50, p95, cpu = figures[name]
                    print(
                        f"{cache_seconds or 'off':>10} {clients:>7} {name:>4} {rate:>7.1f} {p50:>7.0f} {p95:>7.0f} "
                        f"{total['errors']:>6} {cpu:>10.1f}",
                        flush=True,
                    )
                ratios = [new / old for new, old in zip(figures["new"], figures["old"], strict=True)]
                print(
                    f"{'':>10} new/old: req/s ×{ratios[0]:.2f}, p50 ×{ratios[1]:.2f}, p95 ×{ratios[2]:.2f}, "
                    f"CPU per request ×{ratios[3]:.2f}; load average {os.getloadavg()[0]:.1f}",
                    flush=True,
                )


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clients", type=int, nargs="+", default=[16, 64])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--workers", type=int, default=WORKERS)
    parser.add_argument("--threads", type=int, default=THREADS)
    parser.add_argument(
        "--page-cache", type=int, nargs="+", default=[0], help="SHEGONG_PAGE_CACHE_SECONDS values to compare (0 = off)"
    )
    parser.add_argument("--data", help="a data folder kept between runs (SQLite: the demo is prepared once)")
    parser.add_argument("--against", help="the source tree of older code to compare with, at equal load (SQLite)")
    parser.add_argument("--rounds", type=int, default=3, help="with --against: windows of each code, alternated")
    args = parser.parse_args()
    if args.against:
        with contextlib.ExitStack() as stack:
            compare(args, stack)
        return

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
            f"{engine}, {cache} cache, gunicorn {args.workers} workers × {args.threads} threads, {args.seconds:.0f} s per configuration, "
            "loopback"
        )
        print(
            f"{'page cache':>10} {'clients':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} "
            f"{'RSS before MB':>13} {'RSS after MB':>12}"
        )
        for cache_seconds in args.page_cache:
            with Gunicorn(
                {**env, "SHEGONG_PAGE_CACHE_SECONDS": str(cache_seconds)}, workers=args.workers, threads=args.threads
            ) as site:
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
