"""The reports an hour one client may send (``ERROR_REPORTS_PER_CLIENT``),
counted in the cache the portal's processes share, as following counts its
requests: the client's address is a key of the count for an hour, never
written to the database."""

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600


def allow_client(client: str | None) -> bool:
    """Count one report from ``client``; ``False`` when it is over the limit this hour."""
    key = f"feedback:client:{client or 'unknown'}"
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW_SECONDS)
        count = 1
    return count <= settings.ERROR_REPORTS_PER_CLIENT
