"""Anonymous pages served from a cache, retired the moment the record changes.

A citizen's page (a list, a record, the search, an API answer) is the same
for every anonymous visitor until staff save something, so it is kept once
made. Each page is stored under the *content generation*, one number in the
database that every save, deletion or change of links in the public apps
raises when its transaction commits. A request reads that number (one
query on a one-row table) and looks for its page under it: after a change
no worker, on any server sharing the database, can serve a page made
before it, and the old pages simply age out. ``PAGE_CACHE_SECONDS`` bounds
how long a page lives even without changes (some pages depend on the date).

Only anonymous ``GET`` requests are served from the cache (no session
cookie: staff, who see previews and the admin, always reach the view), and
only complete ``200`` answers that set no cookie and are not marked private
are kept, with their ETag (``cdmx_global.conditional``). Bulk downloads
stream and are never kept here (``opendata.filecache`` keeps them as files).
"""

import hashlib

from django.conf import settings
from django.core.cache import caches
from django.db import connection, transaction
from django.db.models import F
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal
from django.http import HttpResponse
from django.utils import translation

from .conditional import add_validators, request_public_state

#: The apps whose records public pages show; a write to any of their models retires every cached page.
PUBLIC_APPS = frozenset({"cdmx_global", "agreements", "networks", "events", "evaluations", "reports"})

#: What a cached answer may be.
CACHEABLE_TYPES = (
    "text/html", "application/json", "application/atom+xml", "application/xml",
    # The open data's DCAT catalogue.
    "application/ld+json", "text/turtle",
)

CACHE_HEADER = "X-Page-Cache"


def current_generation() -> int:
    """One read of one row, in SQL: building it through the ORM cost more than the database's work."""
    from .models import ContentGeneration

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT value FROM {connection.ops.quote_name(ContentGeneration._meta.db_table)} WHERE id = 1")
        row = cursor.fetchone()
    return row[0] if row else 0


#: Sent once a change to public content is committed and its pages retired,
#: with the new ``generation``: what is kept of the old one can be made again.
generation_changed = Signal()


def bump_generation() -> None:
    """Retire every cached page (runs after the transaction that changed something commits)."""
    from .models import ContentGeneration

    if not ContentGeneration.objects.filter(pk=1).update(value=F("value") + 1):
        ContentGeneration.objects.get_or_create(pk=1, defaults={"value": 1})
    generation_changed.send(sender=ContentGeneration, generation=current_generation())


def content_changed() -> None:
    """Schedule one bump for the current transaction, however many records it writes."""
    connection = transaction.get_connection()
    if not any(callback is bump_generation for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(bump_generation)


def _written(sender, **kwargs):
    meta = sender._meta
    if (
        meta.app_label in PUBLIC_APPS
        and not meta.model_name.startswith("historical")
        and not kwargs.get("raw")
        # A migration's historical models: a data migration may run before
        # the generation's table exists, and a migrated database is new anyway.
        and sender.__module__ != "__fake__"
    ):
        content_changed()


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_written, dispatch_uid=f"pagecache-{signal!r}")


def _key(request, generation: int) -> str:
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    # The page's language (from its address) and the one Accept-Language asks
    # for, which the API answers in.
    asked = translation.get_language_from_request(request, check_path=False)
    return f"page:{generation}:{request.LANGUAGE_CODE}:{asked}:{digest}"


def _cacheable_request(request) -> bool:
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method == "GET"
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS)
    )


def _cacheable_response(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        # A page with a form carries the visitor's CSRF token: never someone else's page.
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
        and response.get("Content-Type", "").startswith(CACHEABLE_TYPES)
    )


class AnonymousPageCacheMiddleware:
    """Serves anonymous ``GET`` pages from the ``pages`` cache (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _cacheable_request(request):
            return self.get_response(request)
        cache = caches[settings.PAGE_CACHE_ALIAS]
        # The generation for the key and, for a miss, the latest public change
        # its Last-Modified says: one query for both.
        generation, last_change = request_public_state(request)
        key = _key(request, generation)
        stored = cache.get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content, headers=headers)
            response[CACHE_HEADER] = "hit"
            return response
        response = self.get_response(request)
        if _cacheable_response(request, response):
            # Its ETag is kept with it: a kept answer is sent as 304 to a client that has it.
            add_validators(request, response, last_change)
            # The headers of the answer as made here; the middleware outside this one add theirs on every answer.
            cache.set(key, (response.content, dict(response.items())), settings.PAGE_CACHE_SECONDS)
            response[CACHE_HEADER] = "miss"
        return response
