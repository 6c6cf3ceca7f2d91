"""Browser tests: the portal served by a live server, driven in Debian's
headless Chromium through Playwright (no browser is downloaded).

The book's records (written back from the session's copy, see
``tests/conftest.py``), plus drafts and withdrawn records that must never
show, are committed once per module so the server thread sees them, and
flushed at the module's end, the migrations' rows put back. Every page a
test opens must log no console error, and
``assert_accessible`` runs axe-core over it.
"""

import os
import threading
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.db import transaction

from sourcebook.loader import load_book
from tests.support import snapshots

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
# Flags for a machine without a display, sandbox or outside network: without
# the background-networking ones Chromium keeps calling Google's hosts.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's synchronous API runs an event loop in the test's thread; the
# test's own database calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    # The test database exists only for tests that ask for it. Browser tests
    # read through the live server, never writing, so a plain (rolled-back)
    # database mark is enough; a transactional one would empty the module's data.
    here = Path(__file__).parent
    for item in items:
        if item.path.parent == here:
            item.add_marker(pytest.mark.django_db)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Falta Chromium en {CHROMIUM}: instálelo con «apt-get install chromium».")
        pytest.skip(f"Chromium no está instalado en {CHROMIUM} (apt-get install chromium).")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server over SQLite's in-memory test database, whose one
    connection every request thread shares: requests run one at a time (each
    response read whole under the lock), so two never use the connection at
    once. Seen without it: the admin's ``jsi18n`` read a session row while
    another request used the connection, and failed with an IndexError."""

    lock = threading.Lock()

    def get_app(self):
        application = super().get_app()

        def one_at_a_time(environ, start_response):
            with self.lock:
                response = application(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return one_at_a_time


@pytest.fixture(scope="module")
def live_site(django_db_setup, django_db_blocker, kept_book):
    """A live server over the book's records and unpublished records that
    could leak (see ``tests.factories.leak_bait``), committed once for the
    module and flushed at its end.

    Not pytest-django's ``live_server``: that one makes every test
    transactional, emptying the database after the module's first test.
    """
    from pytest_django.live_server_helper import LiveServer

    from tests.support import factories

    with django_db_blocker.unblock():
        with transaction.atomic():
            if not kept_book.write():
                load_book()
        bait = factories.leak_bait()
        server = LiveServer("localhost:0", start=False)
        if server.thread.connections_override:
            server.thread.server_class = OneRequestAtATime
        server.start()
        server.bait = bait
        yield server
        # Let requests still in flight (a favicon the last page dropped) finish
        # before the server gives back the shared in-memory SQLite connection.
        for thread in threading.enumerate():
            if "process_request_thread" in thread.name:
                thread.join(timeout=5)
        server.stop()
        call_command("flush", interactive=False, verbosity=0)
        with transaction.atomic():
            snapshots.restore_baseline()


@pytest.fixture
def committed_book(live_site):
    """The unpublished records of ``live_site``, by status: ``{"draft": [...], "withdrawn": [...]}``."""
    return live_site.bait


class ConsoleErrors(list):
    """What the page logged as an error: console errors, uncaught exceptions, CSP refusals."""


@pytest.fixture
def page(browser, live_site):
    context = browser.new_context(locale="es-MX", base_url=live_site.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = ConsoleErrors()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    # A request the browser dropped because the test moved on (net::ERR_ABORTED)
    # is not a failure of the page; any other failed request is.
    page.on(
        "requestfailed",
        lambda request: None if request.failure == "net::ERR_ABORTED" else errors.append(f"{request.url}: {request.failure}"),
    )
    page.console_errors = errors
    yield page
    context.close()
    assert list(errors) == [], "La página registró errores en la consola"


@pytest.fixture
def assert_accessible():
    """Runs axe-core (WCAG 2.1 A and AA rules) on the page; fails on any serious or critical violation."""
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()

    def check(page):
        results = axe.run(
            page,
            options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}},
        )
        violations = [
            f"{violation['id']} ({violation['impact']}): {violation['help']} — "
            + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:5])
            for violation in results.response["violations"]
            if violation["impact"] in {"serious", "critical"}
        ]
        assert violations == [], f"{page.url}: " + "\n".join(violations)

    return check
