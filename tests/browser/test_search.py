"""The search in a real browser: the header's box, the results with their
kind, the filter by kind, and accessibility."""

import re

from playwright.sync_api import expect

KIND_LABELS = {
    "Acuerdo", "Acción", "Contraparte", "Red de ciudades", "Membresía en una red", "Cargo de dirección en una red",
    "Oficina albergada", "Evento internacional", "Visita oficial", "Premio o reconocimiento",
}


def test_header_search_lists_results_with_their_kind_and_filters_by_kind(page, assert_accessible):
    page.goto("/")
    box = page.get_by_role("searchbox", name="Buscar en el registro")
    box.fill("mexico")
    box.press("Enter")

    expect(page).to_have_url(re.compile(r"/buscar/\?q=mexico$"))
    expect(page.get_by_role("heading", level=2, name="91 resultados para «mexico»")).to_be_visible()
    results = page.locator(".search-results .record-list > li")
    expect(results).to_have_count(25)
    kinds = {text.strip() for text in page.locator(".search-results .record-kind").all_text_contents()}
    assert kinds <= KIND_LABELS and len(kinds) > 1
    # Ranked: the first result names México in its title.
    expect(results.first.get_by_role("link")).to_have_text(re.compile("México"))
    expect(page.get_by_role("searchbox", name="Palabras a buscar")).to_have_value("mexico")
    assert_accessible(page)

    page.get_by_role("link", name="Visita oficial (2)").click()
    expect(page).to_have_url(re.compile(r"kind=visit"))
    expect(results).to_have_count(2)
    expect(page.locator(".search-results .record-kind")).to_have_text(["Visita oficial", "Visita oficial"])

    page.get_by_role("searchbox", name="Palabras a buscar").fill("Quimera")
    page.get_by_role("searchbox", name="Palabras a buscar").press("Enter")
    expect(page.get_by_role("status")).to_have_text("Ningún registro publicado coincide con «Quimera».")
    expect(results).to_have_count(0)
