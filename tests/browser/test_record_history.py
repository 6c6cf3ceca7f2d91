"""A record's public history page and a withdrawn record's notice (410), in a browser, with axe."""

import re

import pytest
from playwright.sync_api import expect

from cdmx_global.services import PUBLISH, WITHDRAW, record_transition, record_update
from tests.support.factories import LEAK_MARK, AgreementFactory, reviewer


@pytest.fixture(scope="module")
def histories(live_site, django_db_blocker):
    """A published agreement corrected once with a public note, and one withdrawn; committed
    for the live server (``live_site`` flushes them at the module's end)."""
    with django_db_blocker.unblock():
        marta = reviewer(username="marta-historial")
        corrected = record_transition(
            record=AgreementFactory(draft=True, code="historial-1", title="Acuerdo de movilidad con Lyon"),
            user=marta, transition=PUBLISH,
        )
        record_update(record=corrected, user=marta, reason=None, expected_version=corrected.version,
                      changes={"title": "Acuerdo de movilidad urbana con Lyon"},
                      public_note="El título completo consta en el acuerdo firmado.")
        withdrawn = record_transition(
            record=AgreementFactory(draft=True, code="historial-2", title="Acuerdo duplicado con Lyon"),
            user=marta, transition=PUBLISH,
        )
        record_transition(record=withdrawn, user=marta, transition=WITHDRAW, note="Duplicado de «historial-1».")
    return corrected, withdrawn


def test_history_page_and_withdrawn_notice(page, histories, assert_accessible):
    page.goto("/acuerdos/historial-1/")
    page.get_by_role("link", name="Historial de cambios (2)").click()

    expect(page).to_have_url(re.compile(r"/acuerdos/historial-1/historial/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Acuerdo de movilidad urbana con Lyon")
    expect(page.get_by_role("heading", level=2)).to_have_text([re.compile(r"^Corregido · "), re.compile(r"^Publicado · ")])
    expect(page.locator(".history-note")).to_have_text("Nota: El título completo consta en el acuerdo firmado.")
    expect(page.locator("table tbody tr")).to_have_text(
        [re.compile(r"Título\s+Acuerdo de movilidad con Lyon\s+Acuerdo de movilidad urbana con Lyon")]
    )
    assert LEAK_MARK not in page.content()
    assert_accessible(page)

    response = page.goto("/acuerdos/historial-2/")
    assert response.status == 410
    expect(page.get_by_role("heading", level=1)).to_have_text("Este registro fue retirado")
    expect(page.locator("dl.facts")).to_contain_text("Acuerdo duplicado con Lyon")
    expect(page.locator("dl.facts")).to_contain_text("Duplicado de «historial-1».")
    page.get_by_role("link", name="Ver la lista de registros publicados").click()
    expect(page).to_have_url(re.compile(r"/acuerdos/$"))
    page.goto("/acuerdos/historial-2/")
    assert_accessible(page)
    # Chromium logs every 4xx document as a console error: these two 410s are the point of the test.
    expected = "Failed to load resource: the server responded with a status of 410 (Gone)"
    assert page.console_errors.count(expected) == 2
    page.console_errors[:] = [error for error in page.console_errors if error != expected]
