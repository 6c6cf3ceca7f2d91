"""Browser tests: the portal served by a live server, driven in Debian's
headless Chromium through Playwright (no browser is downloaded).

The book's records, plus drafts and withdrawn records that must never show,
are committed once per module so the server thread sees them, and flushed at
the module's end. Every page a test opens must log no console error, and
``assert_accessible`` runs axe-core over it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from cdmx_global.book.loader import load_book

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


@pytest.fixture(scope="module")
def committed_book(django_db_setup, django_db_blocker):
    """The book's records committed for the live server, with unpublished
    records that could leak (see ``tests.factories.leak_bait``)."""
    from tests import factories

    with django_db_blocker.unblock():
        load_book()
        bait = factories.leak_bait()
        yield bait
        call_command("flush", interactive=False, verbosity=0)


class ConsoleErrors(list):
    """What the page logged as an error: console errors, uncaught exceptions, CSP refusals."""


@pytest.fixture
def page(browser, live_server, committed_book):
    context = browser.new_context(locale="es-MX", base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors = ConsoleErrors()
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("requestfailed", lambda request: errors.append(f"{request.url}: {request.failure}"))
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
