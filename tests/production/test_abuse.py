"""Stays up under abuse: a login brute force and a comment flood beside citizens, against gunicorn on loopback.
The guesser is locked out by django-axes, the flood stopped by the shared comment limit, and every citizen is
answered. How much slower citizens are served under attack is printed, not asserted: speed is a benchmark's
figure, never a timed test's (run alone with `pytest -m abuse -s` to read it)."""

import re
import threading
import time

import pytest

from .served import CSRF_FIELD, Gunicorn, Visitor, shegong

pytestmark = pytest.mark.abuse

SECONDS = 8
CITIZEN_PATHS = ["/", "/projects/", "/policies/", "/notices/", "/search/?q=社工", "/api/v2/projects/?limit=10"]


def run_for(seconds, target, threads):
    stop = time.monotonic() + seconds
    workers = [threading.Thread(target=target, args=(stop, n)) for n in range(threads)]
    for worker in workers:
        worker.start()
    return workers


def citizens(url, timings):
    def visit(stop, seed):
        visitor = Visitor(url)
        n = seed
        while time.monotonic() < stop:
            started = time.perf_counter()
            status = visitor.get(CITIZEN_PATHS[n % len(CITIZEN_PATHS)]).status_code
            timings.append((status, time.perf_counter() - started))
            n += 1

    return visit


def p95(timings):
    return sorted(elapsed for _, elapsed in timings)[int(len(timings) * 0.95)]


def test_citizens_are_served_while_a_guesser_and_a_flood_are_turned_away(served_env):
    shegong(
        {**served_env, "DJANGO_SUPERUSER_PASSWORD": "the-real-admin-password-2024"},
        "createsuperuser",
        "--noinput",
        "--username",
        "chenjing",
        "--email",
        "chenjing@example.gov.cn",
        check=False,
    )
    with Gunicorn(served_env, workers=3) as site:
        warm = Visitor(site.url)
        for path in CITIZEN_PATHS:
            warm.get(path)

        quiet = []
        for worker in run_for(SECONDS, citizens(site.url, quiet), 4):
            worker.join()

        busy, logins, comments = [], [], []

        def guess(stop, n):
            visitor = Visitor(site.url)
            token = CSRF_FIELD.search(visitor.get("/admin/login/").text).group(1)
            while time.monotonic() < stop:
                answer = visitor.session.post(
                    site.url + "/admin/login/",
                    timeout=30,
                    allow_redirects=False,
                    data={"username": "chenjing", "password": f"guess-{n}-{len(logins)}", "csrfmiddlewaretoken": token},
                )
                logins.append(answer.status_code)

        project = re.search(r'href="(/projects/gd-[a-z0-9-]+/)"', warm.get("/projects/").text).group(1)
        action = re.search(r'action="(/feedback/projects/\d+/comments/)"', warm.get(project).text).group(1)

        def flood(stop, n):
            visitor = Visitor(site.url)
            visitor.get(project)
            token = visitor.feedback_token()
            while time.monotonic() < stop:
                answer = visitor.session.post(
                    site.url + action,
                    timeout=30,
                    allow_redirects=False,
                    data={
                        "name": "刷屏",
                        "text": f"广告 {n} {len(comments)}",
                        "rating": "1",
                        "csrfmiddlewaretoken": token,
                    },
                )
                comments.append(answer.status_code)

        workers = (
            run_for(SECONDS, citizens(site.url, busy), 4) + run_for(SECONDS, guess, 2) + run_for(SECONDS, flood, 2)
        )
        for worker in workers:
            worker.join()

        admin = Visitor(site.url)
        token = CSRF_FIELD.search(admin.get("/admin/login/").text).group(1)
        after = admin.session.post(
            site.url + "/admin/login/",
            allow_redirects=False,
            timeout=30,
            data={"username": "chenjing", "password": "the-real-admin-password-2024", "csrfmiddlewaretoken": token},
        )

    # The guesser: at most 4 wrong answers from the login form, then only lockouts; the real password too is refused.
    assert logins.count(200) <= 4 and logins.count(429) == len(logins) - logins.count(200) and len(logins) > 5
    assert after.status_code == 429
    # The flood: five comments taken, every other one refused.
    assert comments.count(302) == 5 and comments.count(429) == len(comments) - 5 and len(comments) > 5
    # Citizens: every page answered, under attack as in the quiet.
    assert {status for status, _ in quiet + busy} == {200}
    print(
        f"citizens p95 quiet {p95(quiet) * 1000:.0f} ms ({len(quiet)} requests), under abuse "
        f"{p95(busy) * 1000:.0f} ms ({len(busy)}); {len(logins)} guesses, {len(comments)} flood posts"
    )
