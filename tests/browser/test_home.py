"""The home page in a real browser: figures, the map used by keyboard, the
table alternative, accessibility, and the language switch."""

import re

import pytest
from playwright.sync_api import expect

from sourcebook.records import agreements as book_agreements
from tests.support.factories import LEAK_MARK

#: The map's highlighted countries come first in its tab order, by Spanish name.
FIRST_MAP_LINK = ("Alemania: 1 contraparte", "/paises/de/")
BRAND = "rgb(138, 28, 58)"


def settle(page) -> None:
    """Wait until the page has fetched everything (the favicon too): leaving it
    earlier aborts those requests, which the ``page`` fixture counts as errors."""
    page.wait_for_load_state("networkidle")


def tab_to_the_map(page, limit: int = 200) -> None:
    """Press Tab until the focus is on a link inside the map."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('.world-map svg a') !== null"):
            return
    pytest.fail("El tabulador nunca llegó al mapa")


def test_home_by_keyboard_then_about_and_the_language_switch(page, assert_accessible):
    page.goto("/")
    settle(page)

    figures = page.locator(".figures")
    for name in ("129 Contrapartes", "35 Países", "41 Visitas oficiales", "34 Premios y reconocimientos"):
        expect(figures.get_by_role("link", name=name)).to_be_visible()
    expect(page.locator("body")).not_to_contain_text(LEAK_MARK)

    table = page.get_by_role("table", name=re.compile("^Países con contrapartes publicadas"))
    expect(table).to_be_visible()
    expect(table.get_by_role("row", name="Estados Unidos 10 6")).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(35)
    assert_accessible(page)

    tab_to_the_map(page)
    label, path = FIRST_MAP_LINK
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == label
    # Focus shows on the map itself (the country turns the brand colour) and is named below it.
    assert page.evaluate("getComputedStyle(document.activeElement.querySelector('path')).fill") == BRAND
    expect(page.locator(".map-label")).to_have_text(label)

    page.keyboard.press("Enter")
    page.wait_for_url(f"**{path}")
    settle(page)

    # After the countries come the counterparts' markers.
    page.goto("/")
    settle(page)
    countries = page.locator(".map-countries a").count()
    first_marker = page.locator(".map-markers a").first
    tab_to_the_map(page)
    for _ in range(countries):
        page.keyboard.press("Tab")
    href = page.evaluate("document.activeElement.getAttribute('href')")
    assert page.evaluate("document.activeElement.querySelector('circle.marker') !== null")
    assert href == first_marker.get_attribute("href")
    assert re.fullmatch(r"/contrapartes/[a-z0-9-]+/", href), href
    expect(page.locator(".map-label")).to_have_text(first_marker.get_attribute("aria-label"))

    page.keyboard.press("Enter")
    page.wait_for_url(f"**{href}")
    settle(page)

    page.goto("/acerca/")
    settle(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Acerca de este registro")
    assert_accessible(page)

    page.goto("/")
    settle(page)
    page.get_by_role("navigation", name="Idioma").get_by_role("link", name="English").click()
    page.wait_for_url("**/en/")
    settle(page)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mexico City’s international action")
    expect(page.locator(".figures").get_by_role("link", name="129 Counterparts")).to_be_visible()
    expect(page.locator(".world-map .map-countries a[href='/en/paises/us/']")).to_have_attribute(
        "aria-label", "United States of America: 10 counterparts"
    )
    assert_accessible(page)

    page.get_by_role("navigation", name="Language").get_by_role("link", name="Español").click()
    page.wait_for_url(re.compile(r"/$"))
    settle(page)
    assert not page.url.endswith("/en/")
    expect(page.get_by_role("heading", level=1)).to_have_text("La acción internacional de la Ciudad de México")


def test_home_gives_the_agreements_registered_beside_those_in_force_and_without_validity(page, assert_accessible):
    """The first figure as a person reads it: the agreements registered, then
    those in force according to the recorded information beside those without
    validity information (the book gives none), never «0 Acuerdos vigentes»
    alone; the draft and withdrawn agreements in force count nowhere."""
    registered = len(book_agreements.AGREEMENTS)
    page.goto("/")
    settle(page)

    first = page.locator(".figures > li").first
    expect(first).to_have_class("figure--agreements")
    expect(first.get_by_role("link")).to_have_text(
        [f"{registered} Acuerdos registrados", "0 vigentes según la información registrada",
         f"{registered} sin información de vigencia"]
    )
    # Shown as one figure: the two counts under the number, inside its box.
    number, without_validity = first.locator(".figure__value"), first.get_by_role("link", name=re.compile("sin información"))
    expect(without_validity).to_be_visible()
    assert number.bounding_box()["y"] < without_validity.bounding_box()["y"] < first.bounding_box()["y"] + first.bounding_box()["height"]
    expect(page.locator(".figures")).not_to_contain_text("Acuerdos vigentes")
    assert_accessible(page)

    without_validity.click()
    page.wait_for_url("**/acuerdos/?validity=unknown")
    settle(page)
    expect(page.locator(".result-count")).to_have_text(f"{registered} registros")
    expect(page.locator("body")).not_to_contain_text(LEAK_MARK)
