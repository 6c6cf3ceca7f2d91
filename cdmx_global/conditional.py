"""Conditional requests on what reusers fetch again and again: the API, the
bulk downloads, the data package and the feeds.

Each answer carries an ``ETag``; a client that sends it back in
``If-None-Match`` gets ``304 Not Modified`` (no body) while the answer is
still the same, and the whole answer the moment it is not. Django decides
(``django.utils.cache.get_conditional_response``: ``If-None-Match`` before
``If-Modified-Since``, ``If-Match``…).

- An answer written whole (JSON, Atom, iCalendar) is tagged with a digest of
  its own bytes (Django's ``set_response_etag``): the tag changes exactly when
  the bytes do, whatever changed them. The page cache keeps the tag with the
  answer, so a kept answer is sent as 304 without being read again.
- A streamed download cannot be hashed before it is written: the view tags it
  before writing anything (``opendata.views``), from the content generation
  and the request, and answers 304 without making the file.

``Last-Modified`` says when the last public change was made (the public
change log, ``cdmx_global.changelog``): a draft's save does not move it. It
is informative only. ``If-Modified-Since`` is not honoured (the answer is
the whole one): a date to the second cannot tell two changes in the same
second apart, and some of what the answers show is not in the change log
(evaluations, reports, a commitment); the ETag can. A view whose answer the
log does not cover at all says so (``untracked``) and sends none.
``Cache-Control: no-cache`` tells clients and caches to ask again each time
(with the ETag) rather than guess how long an answer stays fresh.
"""

import datetime

from django.db import connection
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

#: Feeds, wherever they are: tagged with their bytes.
FEED_TYPES = ("application/atom+xml", "application/rss+xml", "text/calendar")
#: Under these (the API's resources, the data package and the DCAT catalogue in either language),
#: these types are tagged with their bytes.
DATA_PATHS = ("/api/v1/", "/datos/", "/en/datos/")
DATA_TYPES = ("application/json", "application/ld+json", "text/turtle")

NOT_READ = object()

#: Set on a response whose validators are decided (by the view, or kept with a cached answer).
DECIDED = "conditional_decided"
#: Set on a response whose content the public change log does not cover: no Last-Modified.
UNTRACKED = "conditional_untracked"


def untracked(response):
    """Mark ``response`` as showing what the public change log does not record (no Last-Modified)."""
    setattr(response, UNTRACKED, True)
    return response


def last_public_change():
    """The moment of the latest public change, or None before any."""
    return public_state()[1]


def public_state() -> tuple[int, object]:
    """The content generation (``cdmx_global.pagecache``) and the moment of the
    latest public change (or None), in one query."""
    from .changelog import PublicChange
    from .models import ContentGeneration

    quote = connection.ops.quote_name
    changes = quote(PublicChange._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT value FROM {quote(ContentGeneration._meta.db_table)} WHERE id = 1), "
            f"(SELECT {quote('at')} FROM {changes} ORDER BY {quote('sequence')} DESC LIMIT 1)"
        )
        generation, moment = cursor.fetchone()
    if isinstance(moment, str):  # SQLite gives the text it keeps
        moment = PublicChange._meta.get_field("at").to_python(moment)
    if moment is not None and timezone.is_naive(moment):
        moment = timezone.make_aware(moment, datetime.UTC)
    return generation or 0, moment


def request_public_state(request) -> tuple[int, object]:
    """``public_state()`` read once per request: the page cache and a download
    (its ETag and its kept file) name the same generation, with one query."""
    state = getattr(request, "_cdmx_public_state", None)
    if state is None:
        state = request._cdmx_public_state = public_state()
    return state


def _eligible(request, response) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def add_validators(request, response, moment=NOT_READ):
    """Tag a whole answer with the digest of its bytes, say when the last
    public change was made (``moment``, if the caller has read it), and ask
    caches to revalidate. Once per answer."""
    if getattr(response, DECIDED, False) or response.has_header("ETag") or not _eligible(request, response):
        return response
    content_type = response.get("Content-Type", "")
    in_scope = content_type.startswith(FEED_TYPES) or (
        content_type.startswith(DATA_TYPES) and request.path.startswith(DATA_PATHS)
    )
    if response.streaming or not in_scope:
        return response
    set_response_etag(response)
    tracked(response, moment)
    return response


def tracked(response, moment=NOT_READ):
    """``Last-Modified`` (unless ``untracked``) and ``Cache-Control: no-cache`` on a tagged answer;
    ``moment``, the latest public change, if the caller has read it."""
    setattr(response, DECIDED, True)
    response.headers.pop("Last-Modified", None)  # a feed's own: its newest entry, not what changed
    if not getattr(response, UNTRACKED, False):
        if moment is NOT_READ:
            moment = last_public_change()
        if moment is not None:
            response.headers["Last-Modified"] = http_date(moment.timestamp())
    patch_cache_control(response, no_cache=True)
    return response


def not_modified(request, etag: str, response=None):
    """A 304 (or 412) for ``request`` if its preconditions say so with this ETag, else None
    (``If-Modified-Since`` is not honoured: see the module)."""
    answer = get_conditional_response(request, etag=etag, last_modified=None, response=response)
    if answer is response:
        return None
    return answer


class ConditionalGetMiddleware:
    """Tags the answers that lack an ETag (``add_validators``) and answers 304
    when the client's ETag is still the answer's. Outside the page cache, so a
    kept answer (which carries its tag) is sent as 304 too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        add_validators(request, response)
        etag = response.get("ETag")
        if not etag or not _eligible(request, response):
            return response
        return not_modified(request, etag, response) or response
