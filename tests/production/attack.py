"""The attacker for the abuse test, in its own process as a real one would be (threads in the test's own
process would share its interpreter lock with the citizens being timed):

    python -m tests.production.attack URL PROJECT_PATH SECONDS RATE

Two login guessers on one account and two comment flooders on one project, each sending RATE requests a
second (or as fast as answered when slower). Prints `ready` when the attack begins, then the status codes each kind got, as JSON."""

import json
import re
import sys
import threading
import time

from tests.production.served import CSRF_FIELD, Visitor


def paced(seconds, rate, send):
    answers, stop = [], time.monotonic() + seconds
    while (started := time.monotonic()) < stop:
        answers.append(send(len(answers)))
        time.sleep(max(0.0, 1 / rate - (time.monotonic() - started)))
    return answers


def guesser(url, seconds, rate, n, ready):
    visitor = Visitor(url)
    token = CSRF_FIELD.search(visitor.get("/admin/login/").text).group(1)
    ready.wait()
    return paced(
        seconds,
        rate,
        lambda i: (
            visitor.session.post(
                url + "/admin/login/",
                data={"username": "chenjing", "password": f"guess-{n}-{i}", "csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=30,
            ).status_code
        ),
    )


def flooder(url, project, seconds, rate, n, ready):
    visitor = Visitor(url)
    action = re.search(r'action="(/feedback/projects/\d+/comments/)"', visitor.get(project).text).group(1)
    token = visitor.feedback_token()
    ready.wait()
    return paced(
        seconds,
        rate,
        lambda i: (
            visitor.session.post(
                url + action,
                data={"name": "刷屏", "text": f"广告 {n} {i}", "rating": "1", "csrfmiddlewaretoken": token},
                allow_redirects=False,
                timeout=30,
            ).status_code
        ),
    )


def main(url, project, seconds, rate):
    results = {"logins": [], "comments": []}
    ready = threading.Barrier(5, timeout=60)  # the four attackers and this thread, which then tells the test
    jobs = [("logins", guesser, (url, seconds, rate, n, ready)) for n in range(2)]
    jobs += [("comments", flooder, (url, project, seconds, rate, n, ready)) for n in range(2)]

    def run(kind, attacker, args):
        answers = attacker(*args)
        results[kind].extend(answers)

    threads = [threading.Thread(target=run, args=job) for job in jobs]
    for thread in threads:
        thread.start()
    ready.wait()
    print("ready", flush=True)
    for thread in threads:
        thread.join()
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
