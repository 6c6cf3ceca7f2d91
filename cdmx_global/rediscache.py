"""Django's Redis cache, made to keep the portal serving when Redis is gone.

With ``REDIS_URL`` set (``config/settings.py``) the limits and the page cache
live in Redis, shared by every server. Redis is a help, not a need: when it
cannot be reached, this backend behaves as Django's dummy cache (nothing is
found, nothing is kept, ``add`` succeeds, ``incr`` finds no key), so pages are
built as if uncached and the limits let requests through (fail-open: a limit
that refused every visitor while Redis is down would turn a cache outage into
a portal outage). It says so once in the log for each server it loses, and
once when it is back, not on every request: after a failure it does not try
Redis again for ``outage_retry_seconds`` (an option, 5 by default), so a dead
Redis costs a request nothing. The state is kept per process and per Redis
location, shared by the threads' and aliases' cache instances.
"""

import functools
import logging
import threading
import time
import uuid
from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache

logger = logging.getLogger(__name__)

#: Seconds without trying Redis after it failed.
OUTAGE_RETRY_SECONDS = 5.0


class Outage:
    """Whether one Redis location is unreachable, for every cache instance of this process."""

    def __init__(self, location: str, retry_seconds: float):
        self.location = location
        self.retry_seconds = retry_seconds
        self.down_since: float | None = None
        self.retry_at = 0.0
        self._lock = threading.Lock()

    def waiting(self) -> bool:
        """True while Redis failed less than ``retry_seconds`` ago: don't try it."""
        return self.down_since is not None and time.monotonic() < self.retry_at

    def failed(self, error: Exception) -> None:
        with self._lock:
            now = time.monotonic()
            self.retry_at = now + self.retry_seconds
            if self.down_since is None:
                self.down_since = now
                logger.warning(
                    "Redis no disponible en %s (%s): el portal sigue sirviendo sin caché compartida "
                    "y sin aplicar los límites de uso hasta que vuelva",
                    self.location, type(error).__name__,
                )

    def succeeded(self) -> None:
        if self.down_since is None:
            return
        with self._lock:
            if self.down_since is not None:
                logger.warning(
                    "Redis disponible de nuevo en %s tras %.0f s: caché y límites compartidos otra vez",
                    self.location, time.monotonic() - self.down_since,
                )
                self.down_since = None


_outages: dict[str, Outage] = {}
_outages_lock = threading.Lock()


def outage_for(location: str, retry_seconds: float) -> Outage:
    with _outages_lock:
        if location not in _outages:
            _outages[location] = Outage(location, retry_seconds)
        outage = _outages[location]
        outage.retry_seconds = retry_seconds
        return outage


def public_location(servers) -> str:
    """The servers as host:port/db, without the password a URL may carry."""
    shown = []
    for server in servers:
        parts = urlsplit(server)
        shown.append(f"{parts.hostname}:{parts.port or 6379}{parts.path or '/0'}")
    return ",".join(shown)


def _missing_key(key, *args, **kwargs):
    raise ValueError(f"Key '{key}' not found.")


def guarded(fallback):
    """Runs the cache method against Redis; while Redis is unreachable, ``fallback(*args)`` instead."""

    def wrap(method):
        @functools.wraps(method)
        def run(self, *args, **kwargs):
            outage = self.outage
            if outage.waiting():
                return fallback(*args, **kwargs)
            try:
                result = method(self, *args, **kwargs)
            except self.unreachable as error:
                outage.failed(error)
                return fallback(*args, **kwargs)
            outage.succeeded()
            return result

        return run

    return wrap


#: A sliding window of hits in a sorted set, counted and added in one step on
#: the Redis server (by its clock): two servers' requests can't both take the last place.
SLIDING_WINDOW = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2]) * 1000000
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
if redis.call('ZCARD', KEYS[1]) < limit then
    redis.call('ZADD', KEYS[1], now, ARGV[3])
    redis.call('PEXPIRE', KEYS[1], math.ceil(window / 1000))
    return -1
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return window - (now - tonumber(oldest[2]))
"""

#: INCRBY only on a key that exists, in one step: Django's two (EXISTS, then
#: INCR) would make a counter that never expires if the key expired between them.
INCR_EXISTING = """
if redis.call('EXISTS', KEYS[1]) == 1 then
    return redis.call('INCRBY', KEYS[1], ARGV[1])
end
return false
"""


class ResilientRedisCache(RedisCache):
    """``django.core.cache.backends.redis.RedisCache`` that falls back to no cache (see the module)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        retry_seconds = float(options.pop("outage_retry_seconds", OUTAGE_RETRY_SECONDS))
        import redis
        from redis.backoff import NoBackoff
        from redis.retry import Retry

        # One retry at once: a pooled connection Redis closed (a restart) is
        # reconnected; a Redis that is really gone fails fast into the fallback.
        options.setdefault("retry", Retry(NoBackoff(), 1))
        super().__init__(server, {**params, "OPTIONS": options})
        self.unreachable = (redis.exceptions.ConnectionError, redis.exceptions.TimeoutError)
        self.outage = outage_for(public_location(self._servers), retry_seconds)

    #: Whatever it holds is seen by every server that uses the same Redis (``opendata.filecache``).
    shared_between_servers = True

    def client(self, *, write: bool = True):
        """The redis-py client, for what the cache API cannot say."""
        return self._cache.get_client(write=write)

    def available(self) -> bool:
        """False from a failure until Redis answers again: what it said may be the fallback's."""
        return self.outage.down_since is None

    @guarded(lambda *args, **kwargs: None)
    def hit_window(self, key: str, limit: int, duration: int) -> float | None:
        """Count one hit under ``key`` if fewer than ``limit`` were counted in
        the last ``duration`` seconds: None when counted, otherwise the seconds
        until a place frees up. While Redis is unreachable, None (fail-open)."""
        key = self.make_and_validate_key(key)
        wait = self._cache.get_client(key, write=True).eval(SLIDING_WINDOW, 1, key, limit, duration, uuid.uuid4().hex)
        return None if wait < 0 else wait / 1_000_000

    @guarded(_missing_key)
    def incr(self, key, delta=1, version=None):
        key = self.make_and_validate_key(key, version=version)
        value = self._cache.get_client(key, write=True).eval(INCR_EXISTING, 1, key, delta)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    add = guarded(lambda *args, **kwargs: True)(RedisCache.add)
    get = guarded(lambda key, default=None, *args, **kwargs: default)(RedisCache.get)
    set = guarded(lambda *args, **kwargs: None)(RedisCache.set)
    touch = guarded(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = guarded(lambda *args, **kwargs: False)(RedisCache.delete)
    get_many = guarded(lambda *args, **kwargs: {})(RedisCache.get_many)
    has_key = guarded(lambda *args, **kwargs: False)(RedisCache.has_key)
    set_many = guarded(lambda *args, **kwargs: [])(RedisCache.set_many)
    delete_many = guarded(lambda *args, **kwargs: None)(RedisCache.delete_many)
    clear = guarded(lambda *args, **kwargs: False)(RedisCache.clear)
