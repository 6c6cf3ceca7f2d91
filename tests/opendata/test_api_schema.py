"""The API checked against its own OpenAPI schema by schemathesis, in
process: generated requests to every operation, over the book's records and
drafts that must not show, find no server error and no response that
breaks the schema (status code, content type, headers and body).

Two of schemathesis's checks are left out on purpose. ``positive_data_acceptance``
expects every value the schema allows to be accepted, but a theme, body,
network or ODS filter names a catalogue entry, and which entries exist is
data, not schema: an unknown one is refused with a documented 400.
``negative_data_rejection`` expects unknown query parameters to be refused,
but the API ignores them, as clients add their own (cache busters, tracking).
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.factories import LEAK_MARK, leak_bait

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]


# Generating the schema reads no record, so it is loaded when the module is.
schema = schemathesis.openapi.from_wsgi("/api/schema/", get_wsgi_application())


@pytest.fixture(autouse=True)
def bait(book):
    return leak_bait()


@pytest.fixture(autouse=True)
def connection_kept_across_requests():
    """Requests reach the WSGI application directly, which would close the
    database connection at the end of each one, and with it the test's
    transaction; Django's own test client disconnects the same handlers."""
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
    yield
    for signal in (request_started, request_finished):
        signal.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_schema(case):
    response = case.call_and_validate(checks=CHECKS)

    assert LEAK_MARK not in response.text
