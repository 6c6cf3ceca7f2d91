"""Redis for the tests of the shared caches (``cdmx_global.rediscache``).

``redis_caches`` points both caches at the shared Redis on 127.0.0.1:6379
under a key prefix of their own (worker, process and test), and deletes
those keys afterwards: the suite never empties a Redis others use. It skips
when that Redis does not answer, except on CI (``CI`` set, as ``.ci/run``
does), where its absence is a failure. ``own_redis`` starts a Redis server of
the test's own on a free port, for the tests that stop it.

Two servers are two sets of cache instances, each with its own connections,
as two processes would have (``two_servers``); ``on(server)`` makes a set the
one this thread's requests use.
"""

import os
import shutil
import socket
import subprocess
import time
import uuid
from contextlib import contextmanager

import pytest
import redis
from django.core.cache import caches

from cdmx_global import rediscache

SHARED_URL = "redis://127.0.0.1:6379/0"
ALIASES = ("default", "pages")


def answers(url: str) -> bool:
    try:
        return bool(redis.Redis.from_url(url, socket_connect_timeout=0.5).ping())
    except redis.exceptions.RedisError:
        return False


def cache_settings(url: str, prefix: str, retry_seconds: float = 5.0) -> dict:
    options = {"socket_connect_timeout": 0.5, "socket_timeout": 0.5, "outage_retry_seconds": retry_seconds}
    return {
        alias: {
            "BACKEND": "cdmx_global.rediscache.ResilientRedisCache",
            "LOCATION": url,
            "KEY_PREFIX": f"{prefix}:{name}",
            "TIMEOUT": 300,
            "OPTIONS": options,
        }
        for alias, name in zip(ALIASES, ("limits", "pages"))
    }


def unique_prefix() -> str:
    return f"test:{os.environ.get('PYTEST_XDIST_WORKER', 'main')}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@pytest.fixture
def redis_caches(settings):
    """Both caches in the shared Redis, under this test's prefix (returned)."""
    if not answers(SHARED_URL):
        if os.environ.get("CI"):
            pytest.fail("Redis no responde en 127.0.0.1:6379 (.ci/run lo inicia).")
        pytest.skip("Redis no responde en 127.0.0.1:6379.")
    prefix = unique_prefix()
    rediscache._outages.clear()
    settings.REDIS_URL = SHARED_URL
    settings.CACHES = cache_settings(SHARED_URL, prefix)
    yield prefix
    client = redis.Redis.from_url(SHARED_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)
    rediscache._outages.clear()


def two_servers() -> tuple[dict, dict]:
    """Two processes' caches: new instances of both aliases, each with its own connection pool."""
    return tuple({alias: caches.create_connection(alias) for alias in ALIASES} for _ in range(2))


@contextmanager
def on(server: dict):
    """Requests made in the block use ``server``'s caches."""
    previous = {alias: caches[alias] for alias in server}
    for alias, cache in server.items():
        caches[alias] = cache
    try:
        yield
    finally:
        for alias, cache in previous.items():
            caches[alias] = cache


class OwnRedis:
    """A Redis server on a free port that a test may stop and start again (empty: it keeps nothing)."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [shutil.which("redis-server"), "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while not answers(self.url):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis-server no arrancó en el puerto {self.port}")
            time.sleep(0.05)

    def stop(self) -> None:
        """Killed, as a crash would: no goodbye to its clients."""
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


@pytest.fixture
def own_redis():
    if shutil.which("redis-server") is None:
        if os.environ.get("CI"):
            pytest.fail("Falta redis-server (apt-get install redis-server).")
        pytest.skip("redis-server no está instalado.")
    server = OwnRedis()
    server.start()
    yield server
    server.stop()
    rediscache._outages.clear()
