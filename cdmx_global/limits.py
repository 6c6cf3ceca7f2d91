"""Hourly counts for the public forms' limits (following, error reports): counted
in the ``default`` cache the portal's processes share, never in the database."""

from django.core.cache import cache

WINDOW_SECONDS = 3600


def within_limit(key: str, limit: int, window: int = WINDOW_SECONDS) -> bool:
    """Count one request under ``key``; ``False`` when over ``limit`` in this window."""
    cache.add(key, 0, window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, window)
        count = 1
    return count <= limit
