"""Limits on anonymous use of the API and of the bulk downloads.

Rates come from ``settings.API_THROTTLE_RATES`` when a request is checked, not
when the class is defined, so a deployment (or a test) can change them. A rate
of ``None`` lets every request through.
"""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    """Requests per client address to the API (``scope`` "anon")."""

    scope = "anon"

    def get_rate(self):
        return settings.API_THROTTLE_RATES.get(self.scope)


class DownloadRateThrottle(AnonymousRateThrottle):
    """Bulk downloads cost more than an API page, so they have a rate of their own."""

    scope = "downloads"
