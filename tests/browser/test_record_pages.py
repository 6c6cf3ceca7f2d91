"""The visits list filtered in a browser, and a position's link landing on
its place in its network's page."""

import re

from playwright.sync_api import expect

from tests.support.factories import LEAK_MARK


def test_visit_filter_and_position_anchor(page, assert_accessible):
    page.goto("/visitas/")
    assert_accessible(page)

    page.get_by_label("Tipo de visita").select_option("outgoing")
    page.get_by_role("button", name="Aplicar filtros").click()

    expect(page).to_have_url(re.compile(r"/visitas/\?.*direction=outgoing"))
    expect(page.get_by_role("status")).to_have_text("15 registros")
    titles = page.locator(".record-list > li h2").all_inner_texts()
    assert len(titles) == 15
    assert all(title.startswith("Gira oficial del Jefe de Gobierno a ") for title in titles)
    assert "Gira oficial del Jefe de Gobierno a Moscú" in titles
    expect(page.get_by_role("link", name="Quitar el filtro Tipo de visita: Gira al extranjero")).to_be_visible()
    assert LEAK_MARK not in page.content()
    assert_accessible(page)

    page.goto("/redes/cargos/?network=cglu")
    assert_accessible(page)
    page.get_by_role("link", name="Miembro del Buró Ejecutivo").click()

    expect(page).to_have_url(re.compile(r"/redes/cglu/#cargo-\d+$"))
    target = page.locator(":target")
    expect(target).to_have_count(1)
    expect(target.get_by_role("heading", level=3)).to_have_text("Miembro del Buró Ejecutivo")
    expect(target).to_be_in_viewport()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ciudades y Gobiernos Locales Unidos (CGLU)")
    assert LEAK_MARK not in page.content()
    assert_accessible(page)
