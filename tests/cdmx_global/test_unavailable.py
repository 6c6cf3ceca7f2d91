"""The answer when the database does not respond (cdmx_global/unavailable.py):
503 with Retry-After and a short page, not the 500 page, logged once.

The whole path, with a real PostgreSQL server stopped under real gunicorn
processes, is tests/bench/test_faults.py; here each way in on its own, with the
exceptions Django raises then, and the driver's own one that once escaped as
a 500 (Django closes a server-side cursor outside its error wrapper)."""

import inspect
import json
import logging

import pytest
from django.db import InterfaceError, OperationalError, connection, connections
from django.test import Client, RequestFactory
from django.utils import translation

from cdmx_global.unavailable import DatabaseUnavailableMiddleware, server_error

MESSAGE = ("El portal no está disponible por un momento: su base de datos no responde. "
           "Intente de nuevo en unos segundos.")


def middleware():
    return DatabaseUnavailableMiddleware(lambda request: None)


#: What psycopg2 says when the server died under an open connection.
SERVER_GONE = "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally\n"


@pytest.mark.parametrize("error", [
    OperationalError("could not connect to server: Connection refused"),
    InterfaceError("connection already closed"),
    connection.Database.OperationalError(SERVER_GONE),
    connection.Database.InterfaceError("connection already closed"),
], ids=["operational", "interface", "driver-operational", "driver-interface"])
def test_a_view_that_loses_the_database_answers_503_with_retry_after_and_the_short_page(error, caplog):
    request = RequestFactory().get("/acuerdos/")

    with translation.override("es"), caplog.at_level(logging.ERROR):
        response = middleware().process_exception(request, error)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Cache-Control"] == "no-store"
    content = response.content.decode()
    assert "<h1>Portal no disponible por un momento</h1>" in content
    assert f'<p class="lead">{MESSAGE}</p>' in content
    assert '<html lang="es-MX">' in content
    # Logged once, as an error, with its cause; Django does not log the same answer again.
    assert [(record.name, record.levelname, record.getMessage(), record.exc_info[1])
            for record in caplog.records] == [
        ("cdmx_global.unavailable", "ERROR", "Base de datos no disponible (503): GET /acuerdos/", error),
    ]
    assert response._has_been_logged


def test_the_api_gets_the_message_as_json():
    request = RequestFactory().get("/api/v1/agreements/")

    with translation.override("es"):
        response = middleware().process_exception(request, OperationalError("server closed the connection"))

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"detail": MESSAGE}


def test_other_errors_are_left_to_the_500_page():
    request = RequestFactory().get("/acuerdos/")

    assert middleware().process_exception(request, ValueError("otro error")) is None


@pytest.mark.parametrize("error_class", [OperationalError, connection.Database.OperationalError],
                         ids=["django", "driver"])
def test_the_500_handler_answers_503_when_a_middleware_lost_the_database(error_class):
    # The page cache's middleware reads the content generation before any view:
    # Django hands its exception to handler500, inside the except block.
    request = RequestFactory().get("/acuerdos/")
    with translation.override("es"):
        try:
            raise error_class("terminating connection due to administrator command")
        except error_class:
            response = server_error(request)

    assert response.status_code == 503
    assert response["Retry-After"] == "10"
    assert MESSAGE in response.content.decode()


def test_the_500_handler_keeps_the_500_page_for_anything_else():
    request = RequestFactory().get("/acuerdos/")
    try:
        raise ValueError("otro error")
    except ValueError:
        response = server_error(request)

    assert response.status_code == 500
    assert "<h1>Error del servidor</h1>" in response.content.decode()
    assert "Retry-After" not in response


def test_the_portal_uses_both():
    from django.conf import settings

    from config import urls

    assert "cdmx_global.unavailable.DatabaseUnavailableMiddleware" in settings.MIDDLEWARE
    assert urls.handler500 == "cdmx_global.unavailable.server_error"


class ServerGoneAtClose:
    """A server-side cursor whose server died after its last rows were read: its
    ``close()`` (``CLOSE`` on the server) raises the driver's own error, as
    psycopg2 did under Django's ``cursor_iter`` in the fault runs."""

    closed_from: list[str] = []

    def __init__(self, cursor):
        self._cursor = cursor

    def __getattr__(self, name):
        return getattr(self._cursor, name)

    def __iter__(self):
        return iter(self._cursor)

    def close(self):
        ServerGoneAtClose.closed_from.append(inspect.stack()[1].function)
        self._cursor.close()
        raise connection.Database.OperationalError(SERVER_GONE)


@pytest.mark.django_db
def test_a_server_side_cursor_closed_after_the_server_died_answers_503_not_500(monkeypatch, caplog):
    """The fault runs' rare 500, on its path: the events list's facets read a
    filter form's choices with ``QuerySet.iterator()`` then (they read them in
    one plain query now); an XLSX download still reads its rows so, and writes
    the whole file before it answers. The server dies before Django closes that
    cursor, whose error is the driver's, unwrapped."""
    database = connections["default"]
    chunked_cursor = database.chunked_cursor
    monkeypatch.setattr(database, "chunked_cursor", lambda: ServerGoneAtClose(chunked_cursor()))
    ServerGoneAtClose.closed_from.clear()

    with caplog.at_level(logging.ERROR):
        response = Client(raise_request_exception=False).get("/datos/events.xlsx")

    assert ServerGoneAtClose.closed_from == ["cursor_iter"]
    assert response.status_code == 503
    assert (response["Retry-After"], response["Cache-Control"]) == ("10", "no-store")
    assert response["Content-Type"] == "text/html; charset=utf-8"
    content = response.content.decode()
    assert "<h1>Portal no disponible por un momento</h1>" in content
    assert f'<p class="lead">{MESSAGE}</p>' in content
    assert "Error del servidor" not in content
    # Logged once, as the outage, with the driver's error as its cause.
    assert [(record.name, record.getMessage(), type(record.exc_info[1])) for record in caplog.records] == [
        ("cdmx_global.unavailable", "Base de datos no disponible (503): GET /datos/events.xlsx",
         connection.Database.OperationalError),
    ]
