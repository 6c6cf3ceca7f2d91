"""The reports in a real browser: from the archive to a report's page, and
the verify page recognising the report's PDF; accessible, with no console
or Content-Security-Policy error."""

import re

import pytest
from django.test import override_settings
from playwright.sync_api import expect

from tests.support.factories import LEAK_MARK
from tests.support.report_fixtures import make_report_set


@pytest.fixture(scope="module")
def reports(live_site, django_db_blocker, tmp_path_factory):
    """The report set committed for the live server (flushed with the book at the module's end)."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")), django_db_blocker.unblock():
        yield make_report_set()


def test_archive_report_page_and_verify(page, assert_accessible, reports):
    page.goto("/informes/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Informes semestrales al Congreso")
    expect(page.get_by_role("heading", level=4)).to_have_text([
        "Informe semestral enero–junio de 2018 (versión 1)",
        "Informe semestral julio–diciembre de 2017 (versión 2)",
        "Informe semestral julio–diciembre de 2017 (versión 1)",
    ])
    v1 = page.locator("article.report-version").nth(2)
    expect(v1.get_by_role("link", name="Corregida por la versión 2")).to_be_visible()
    assert LEAK_MARK not in page.content()
    assert_accessible(page)

    page.get_by_role("link", name="Informe semestral julio–diciembre de 2017 (versión 2)").click()
    expect(page).to_have_url(re.compile(r"/informes/2017-2/v2/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Informe semestral julio–diciembre de 2017 (versión 2)")
    expect(page.get_by_role("heading", level=3, name="Acuerdo del Congreso CCDMX/CRI/015/2018")).to_be_visible()
    expect(page.get_by_role("heading", level=4, name="Acuerdo de prueba con Chicago")).to_be_visible()
    pdf = reports.v2.files.get(format="pdf")
    expect(page.locator("code.sha256").first).to_have_text(pdf.sha256)
    assert_accessible(page)

    page.get_by_role("link", name="Verificar un archivo").click()
    expect(page).to_have_url(re.compile(r"/informes/verificar/$"))
    assert_accessible(page)
    page.get_by_label("Archivo", exact=True).set_input_files(pdf.file.path)
    page.get_by_role("button", name="Verificar").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Coincide con el archivo PDF (documento oficial) del informe julio–diciembre de 2017, versión 2, "
        "entregado al Congreso el 5 de febrero de 2018."
    )
    expect(page.locator(".verify-result code.sha256")).to_have_text(pdf.sha256)
    assert_accessible(page)

    page.get_by_label("O bien, su huella SHA-256").fill("no-es-una-huella")
    page.get_by_role("button", name="Verificar").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Una huella SHA-256 tiene 64 caracteres hexadecimales (0–9, a–f); «no-es-una-huella» no lo es."
    )
    expect(page.get_by_label("O bien, su huella SHA-256")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page)


def test_the_verify_form_works_from_the_keyboard(page, reports):
    sha256 = reports.first_half.files.get(format="json").sha256
    page.goto("/informes/verificar/")

    page.get_by_label("O bien, su huella SHA-256").focus()
    page.keyboard.type(sha256)
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Verificar")).to_be_focused()
    page.keyboard.press("Enter")

    expect(page.get_by_role("status")).to_contain_text(
        "Coincide con el archivo JSON del informe enero–junio de 2018, versión 1"
    )
