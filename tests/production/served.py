"""A real Shegong on loopback, for the production tests and bench/load: a data folder with the demo content,
served by gunicorn with production settings, and a visitor that talks to it as a browser behind nginx does."""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests

BIN = Path(sys.executable).parent
NOT_SECRET_KEY = "loopback-tests-and-benchmarks-only-not-a-secret-0123456789"
# As docs/deploy/shegong-web.service runs it: threaded workers, so a login waiting for its low-priority password
# hash (shegong.ops.passwords) holds one thread, not a whole worker.
WORKERS, THREADS = 3, 4


def site_env(data_dir, database_url=None, **extra):
    """Production settings over plain HTTP on loopback (no TLS redirect), the data in data_dir."""
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE", "MEDIA_ROOT")}
    env.update(
        DJANGO_SETTINGS_MODULE="shegong.settings.production",
        SECRET_KEY=NOT_SECRET_KEY,
        SHEGONG_DATA_DIR=str(data_dir),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        SECURE_SSL_REDIRECT="0",
        LOG_LEVEL="ERROR",
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    env.update({key: str(value) for key, value in extra.items()})
    return env


def shegong(env, *args, check=True):
    return subprocess.run([str(BIN / "shegong"), *args], env=env, check=check, capture_output=True, text=True)


def prepare_demo(env):
    """An empty database made ready as an operator does: migrate, the demo content (indexed by the task worker, as
    the shegong-tasks unit would), static files."""
    shegong(env, "migrate", "--noinput", "-v0")
    shegong(env, "load_demo")
    shegong(env, "db_worker", "--batch", "--no-startup-delay", "--no-reload", "-v0")
    shegong(env, "collectstatic", "--noinput", "-v0")


def empty_postgres(url):
    """The database DATABASE_URL names, created if missing, with nothing in it."""
    url = url.replace("postgres://", "postgresql://")
    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """gunicorn on 127.0.0.1 only; stopped (by its own pid) when the with-block ends."""

    def __init__(self, env, workers=WORKERS, threads=THREADS, timeout=60):
        self.env, self.workers, self.threads, self.timeout = env, workers, threads, timeout
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - gunicorn writes to it until __exit__ closes it

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "shegong.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--timeout",
                "120",
            ],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=self.log,  # a file: a full pipe would stall it
        )
        try:
            self.wait_until_healthy()
        except BaseException:
            self.__exit__()  # never leave a server behind, whatever went wrong
            raise
        return self

    def wait_until_healthy(self):
        deadline = time.monotonic() + self.timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                raise RuntimeError("gunicorn stopped: " + self.log.read().decode()[-2000:])
            try:
                if requests.get(self.url + "/healthz", timeout=15).status_code == 200:
                    return
            except (requests.ConnectionError, requests.Timeout):
                pass
            time.sleep(0.3)
        raise RuntimeError("gunicorn did not answer /healthz in time")

    def worker_pids(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in children.read_text().split()] if children.exists() else []

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class Visitor:
    """A browser behind the HTTPS proxy: says so (X-Forwarded-Proto, Origin), keeps the Secure cookies that a
    plain-HTTP client would otherwise drop, and posts forms with their CSRF token."""

    def __init__(self, base, forwarded_for=None):
        self.base = base
        self.session = requests.Session()
        self.session.headers.update({"X-Forwarded-Proto": "https", "Origin": base.replace("http://", "https://")})
        if forwarded_for:
            self.session.headers["X-Forwarded-For"] = forwarded_for

    def get(self, path, **kwargs):
        response = self.session.get(self.base + path, allow_redirects=False, timeout=30, **kwargs)
        for cookie in response.cookies:
            self.session.cookies.set(cookie.name, cookie.value)
        return response

    def feedback_token(self):
        """What a project page's script fetches before sending a comment (the cached page carries no token)."""
        return self.get("/feedback/token/").json()["token"]

    def submit(self, action, data):
        token = self.feedback_token()
        response = self.session.post(
            self.base + action, data={**data, "csrfmiddlewaretoken": token}, allow_redirects=False, timeout=30
        )
        for cookie in response.cookies:
            self.session.cookies.set(cookie.name, cookie.value)
        return response
