"""The reports an hour one client may send (``ERROR_REPORTS_PER_CLIENT``),
counted in the cache the portal's processes share, as following counts its
requests: the client's address is a key of the count for an hour, never
written to the database."""

from django.conf import settings

from cdmx_global.limits import within_limit


def allow_client(client: str | None) -> bool:
    """Count one report from ``client``; ``False`` when it is over the limit this hour."""
    return within_limit(f"feedback:client:{client or 'unknown'}", settings.ERROR_REPORTS_PER_CLIENT)
