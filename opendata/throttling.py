"""Limits on anonymous use of the API and of the bulk downloads.

Rates come from ``settings.API_THROTTLE_RATES`` when a request is checked, not
when the class is defined, so a deployment (or a test) can change them. A rate
of ``None`` lets every request through.

With Redis (``REDIS_URL``) the hits are counted there, in one step on the
Redis server (``ResilientRedisCache.hit_window``), so every server shares one
exact count: DRF's own history (read the list, append, write it back) would
let two servers that read it at once both take the last place. While Redis is
unreachable, requests go through (fail-open, ``cdmx_global.rediscache``).
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client address to the API (``scope`` "anon")."""

    scope = "anon"

    def get_rate(self):
        return settings.API_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view):
        hit_window = getattr(self.cache, "hit_window", None)
        if self.rate is None or hit_window is None:
            return super().allow_request(request, view)
        self.key = self.get_cache_key(request, view)
        if self.key is None:
            return True
        self.shared_wait = hit_window(self.key, self.num_requests, self.duration)
        return self.shared_wait is None

    def wait(self):
        if hasattr(self, "shared_wait"):
            return self.shared_wait
        return super().wait()


class DownloadRateThrottle(AnonymousRateThrottle):
    """Bulk downloads cost more than an API page, so they have a rate of their own."""

    scope = "downloads"
