"""Password checks that cannot take the server from citizens.

A login costs one PBKDF2 hash (Django's 1,000,000 rounds, about a second of one core), also for a username that
does not exist (Django hashes anyway, so the answer's timing does not tell which names exist). A guesser varying
usernames or addresses, or many at once, could keep every core hashing. So each worker process hashes in one
thread of its own at a lower CPU priority: the kernel gives citizens' requests the cores first and the hashes
what is left. A login waits for its hash; while PASSWORD_CHECKS_WAITING logins already wait in this process, the
next is refused at once (HTTP 429, 登录请求过多) without hashing. Needs gunicorn's threaded workers (gthread,
`--threads`): a sync worker would sit idle while its hash waits for a core.
"""

import os
import threading
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.shortcuts import render

# Nice 10: a hash gets about a tenth of a core that citizens' requests want, so it still ends under full load.
HASHING_NICENESS = 10


class PasswordChecksBusy(Exception):
    """Too many logins already wait for their hash in this process."""


def lower_own_priority():
    # On Linux a thread has its own niceness: only the hashing thread is lowered, never the request threads.
    os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), HASHING_NICENESS)


class HashingThread:
    """One low-priority thread per process (made after gunicorn forks its workers) and a bound on who waits."""

    def __init__(self):
        self.pid, self.executor, self.places = None, None, None
        self.lock = threading.Lock()

    def ready(self):
        with self.lock:
            if self.pid != os.getpid():
                self.pid = os.getpid()
                self.executor = ThreadPoolExecutor(1, "password-hashing", initializer=lower_own_priority)
                self.places = threading.BoundedSemaphore(settings.SHEGONG_PASSWORD_CHECKS_WAITING)
            return self.executor, self.places

    def run(self, function, *args):
        executor, places = self.ready()
        if not places.acquire(blocking=False):
            raise PasswordChecksBusy
        try:
            return executor.submit(function, *args).result()
        finally:
            places.release()


hashing_thread = HashingThread()


class LowPriorityPBKDF2PasswordHasher(PBKDF2PasswordHasher):
    """Django's PBKDF2 (same algorithm name and stored format, so existing passwords verify), hashed in the
    process's low-priority thread."""

    def encode(self, password, salt, iterations=None):
        return hashing_thread.run(super().encode, password, salt, iterations)


class PasswordChecksBusyMiddleware:
    """Turns a refused password check into a clear answer instead of a server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, PasswordChecksBusy):
            response = render(request, "ops/password_checks_busy.html", status=429)
            response["Retry-After"] = "10"
            return response
        return None
