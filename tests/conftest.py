"""Fixtures shared by the test modules."""

import pytest
from django.db import transaction

from sourcebook.loader import load_book

# Reports in every status, built once per module that asks for them.
from tests.support.report_fixtures import media_root, report_set  # noqa: F401


@pytest.fixture(scope="module")
def book(django_db_setup, django_db_blocker):
    """The book's records, loaded once for the module inside a transaction
    rolled back at its end; each test runs in its own savepoint on top."""
    with django_db_blocker.unblock(), transaction.atomic():
        summary = load_book()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """No request limit, so a test may call the API as often as it needs;
    the throttling tests set their own rates."""
    settings.API_THROTTLE_RATES = {"anon": None, "downloads": None}
