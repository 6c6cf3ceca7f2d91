"""Who is trying to log in, and when they must wait: the pieces django-axes
calls through ``AXES_CLIENT_IP_CALLABLE`` and ``AXES_HANDLER``."""

import ipaddress

from axes.attempts import get_cool_off_threshold
from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username, get_failure_limit
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import QuerySet, Sum


def client_ip(request) -> str | None:
    """The address the request came from.

    Each of the ``TRUSTED_PROXY_COUNT`` proxies appends the address it was
    reached from to X-Forwarded-For, so the client is that many entries from
    the right; anything further left was written by the client and is not
    believed. A header that is short or malformed means the request did not
    come through the proxies, so only the peer's address is known.
    """
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    if len(forwarded) < proxies:
        return remote
    try:
        return str(ipaddress.ip_address(forwarded[-proxies]))
    except ValueError:
        return remote


def _failures(attempts: QuerySet) -> int:
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class StaffLoginAttemptHandler(AxesDatabaseHandler):
    """Axes' database handler with a limit per key (see the settings' comment).

    Axes holds one limit for every key, so the address's count is scaled to
    reach ``AXES_FAILURE_LIMIT`` exactly when it reaches ``LOGIN_FLOOD_LIMIT``.
    """

    def _recent_attempts(self, request, credentials) -> tuple[QuerySet, QuerySet]:
        recent = AccessAttempt.objects.filter(attempt_time__gte=get_cool_off_threshold(request))
        address = recent.filter(ip_address=request.axes_ip_address)
        return address.filter(username=get_client_username(request, credentials)), address

    def get_failures(self, request, credentials: dict | None = None) -> int:
        person, address = self._recent_attempts(request, credentials)
        limit = get_failure_limit(request, credentials)
        return max(_failures(person), _failures(address) * limit // settings.LOGIN_FLOOD_LIMIT)

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        # A successful login clears that person's failures, not the whole address's.
        person, _address = self._recent_attempts(request, credentials)
        count, _deleted = person.delete()
        return count
