"""Limits on follow requests: per client and per address, counted in the
cache for an hour (the cache the portal shares between its processes). Over
a limit, nothing is saved and nothing is sent.

The address is counted by a hash, never kept: the count says nothing of
whether the address follows anything, so the limit does not tell either.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def _hit(key: str, limit: int) -> bool:
    """Count one request under ``key``; ``False`` when over ``limit`` this hour."""
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= limit


def address_key(email: str) -> str:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return f"following:address:{digest}"


def allow_client(client: str | None) -> bool:
    return _hit(f"following:client:{client or 'unknown'}", settings.FOLLOW_REQUESTS_PER_CLIENT)


def allow_address(email: str) -> bool:
    return _hit(address_key(email), settings.FOLLOW_REQUESTS_PER_ADDRESS)
