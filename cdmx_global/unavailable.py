"""When the database does not answer: a short 503 page, not a server error.

While PostgreSQL restarts (or the network to it drops), every request that
needs it fails with Django's ``OperationalError`` or ``InterfaceError``.
That is no bug in the page, and the citizen can do nothing but wait a few
seconds, so the portal answers ``503 Service Unavailable`` with a
``Retry-After`` header and a short page in the page's language, logged once
as an error (with the cause) so operators see the outage. Nothing else is
needed to recover: each worker checks its kept connection at the start of
every request (``conn_health_checks``) and opens a new one once the server
is back.

Two ways in, for the two places a request meets the database:

* in a view (or its template): :class:`DatabaseUnavailableMiddleware`'s
  ``process_exception``;
* in a middleware, before or after the view (the page cache reads the
  content generation before every anonymous page; sessions are saved after
  the view): Django turns the exception into the answer of ``handler500``,
  which is :func:`server_error` here.

The driver's own errors count too, not only Django's: Django closes a
server-side cursor (``QuerySet.iterator()``: a download's rows; a filter
form's choices, when it is rendered) outside its error wrapper, so when the server dies between
the last rows and that ``CLOSE`` psycopg2's ``OperationalError`` reaches the
view as it is. That was the rare 500 seen while the database crashed under
load (about one run in fifteen of ``bench/load.py --faults``, issue 25).

The page is made without the database and without a request context (no
context processor may query it).
"""

import logging
import sys

from django.db import InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import defaults

logger = logging.getLogger(__name__)

#: Django's errors that mean "the database is not there right now".
DATABASE_DOWN = (OperationalError, InterfaceError)


def database_down(error: BaseException | None) -> bool:
    """Whether ``error`` means the database is not there right now: Django's
    errors, or the driver's own ones of the same kinds (see the module)."""
    driver = connection.Database
    return isinstance(error, (*DATABASE_DOWN, driver.OperationalError, driver.InterfaceError))

#: Seconds a client is asked to wait before trying again (a restart takes a few).
RETRY_AFTER_SECONDS = 10

TEMPLATE = "503.html"


def unavailable_response(request) -> HttpResponse:
    """The 503 answer: JSON for the API, the short page for everything else."""
    message = _("El portal no está disponible por un momento: su base de datos no responde. "
                "Intente de nuevo en unos segundos.")
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503, json_dumps_params={"ensure_ascii": False})
    else:
        content = loader.get_template(TEMPLATE).render({"message": message, "language": get_language() or "es"})
        response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never kept by a cache on the way.
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turns a view's database outage into the 503 answer (see the module)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_down(exception):
            return None
        response = unavailable_response(request)
        logger.error("Base de datos no disponible (503): %s %s", request.method, request.path, exc_info=exception)
        # Logged here with its cause: Django's own line for the 503 would say it again without it.
        response._has_been_logged = True
        return response


def server_error(request, template_name="500.html"):
    """``handler500``: the 503 answer when the error is the database's absence, else Django's 500 page.

    Django logs what this returns once, with the exception (``django.request``).
    """
    if database_down(sys.exc_info()[1]):
        return unavailable_response(request)
    return defaults.server_error(request, template_name)
