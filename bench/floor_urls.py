"""The portal's addresses plus one for the benchmark: the floor served.

A floor (``bench/floors.py``) runs in the same process, without a request; an
endpoint is always a request, and a request through the whole middleware stack
(security headers, CSP, CORS, locale, sessions, conditional GET, the page
cache's lookup, CSRF, authentication, history, axes) costs about as much as the
smallest table's query. So the suite also serves each floor at
``/__piso__/`` through that same stack and compares the endpoint with it: what
is left is the endpoint's own work. The address exists only here, never in the
portal's own URL configuration.
"""

from django.http import HttpResponse
from django.urls import path

from config.urls import handler500, urlpatterns as portal_urlpatterns

__all__ = ["handler500", "urlpatterns", "FLOOR_PATH", "serving"]

FLOOR_PATH = "/__piso__/"

#: The floor runner the address serves (``serving``).
_runner = [lambda: b"[]"]


def serving(run) -> None:
    """Makes ``/__piso__/`` serve ``run``'s bytes."""
    _runner[0] = run


def floor(request):
    return HttpResponse(_runner[0](), content_type="application/json")


urlpatterns = [path(FLOOR_PATH.strip("/") + "/", floor), *portal_urlpatterns]
