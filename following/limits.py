"""Limits on follow requests: per client and per address, counted in the
cache for an hour (the cache the portal shares between its processes). Over
a limit, nothing is saved and nothing is sent.

The address is counted by a hash, never kept: the count says nothing of
whether the address follows anything, so the limit does not tell either.
"""

import hashlib

from django.conf import settings

from cdmx_global.limits import within_limit


def address_key(email: str) -> str:
    digest = hashlib.sha256(email.encode()).hexdigest()[:32]
    return f"following:address:{digest}"


def allow_client(client: str | None) -> bool:
    return within_limit(f"following:client:{client or 'unknown'}", settings.FOLLOW_REQUESTS_PER_CLIENT)


def allow_address(email: str) -> bool:
    return within_limit(address_key(email), settings.FOLLOW_REQUESTS_PER_ADDRESS)
