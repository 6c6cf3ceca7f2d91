"""The answer when the database does not respond (cdmx_global/unavailable.py):
503 with Retry-After and a short page, not the 500 page, logged once.

The whole path, with a real PostgreSQL server stopped under real gunicorn
processes, is tests/bench/test_faults.py; here each way in on its own, with the
exceptions Django raises then."""

import json
import logging

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from django.utils import translation

from cdmx_global.unavailable import DatabaseUnavailableMiddleware, server_error

MESSAGE = ("El portal no está disponible por un momento: su base de datos no responde. "
           "Intente de nuevo en unos segundos.")


def middleware():
    return DatabaseUnavailableMiddleware(lambda request: None)


@pytest.mark.parametrize("error", [
    OperationalError("could not connect to server: Connection refused"),
    InterfaceError("connection already closed"),
], ids=["operational", "interface"])
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


def test_the_500_handler_answers_503_when_a_middleware_lost_the_database():
    # The page cache's middleware reads the content generation before any view:
    # Django hands its exception to handler500, inside the except block.
    request = RequestFactory().get("/acuerdos/")
    with translation.override("es"):
        try:
            raise OperationalError("terminating connection due to administrator command")
        except OperationalError:
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
