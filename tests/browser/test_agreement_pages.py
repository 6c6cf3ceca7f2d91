"""The agreement list and detail in a real browser: filter by kind, open a
record from the list, and check both pages with axe-core."""

from playwright.sync_api import expect

from agreements.models import Agreement
from tests.support.factories import LEAK_MARK


def test_kind_filter_lists_the_twinnings_and_leads_to_a_detail(page, assert_accessible):
    twinnings = sorted(Agreement.objects.published().filter(kind="twinning").values_list("title", flat=True))
    assert len(twinnings) == 16

    page.goto("/acuerdos/")
    expect(page.locator(".result-count")).to_have_text("65 registros")
    assert_accessible(page)

    page.get_by_label("Tipo de instrumento").select_option(label="Hermanamiento (16)")
    page.get_by_role("button", name="Aplicar filtros").click()
    page.wait_for_url("**/acuerdos/?*kind=twinning*")
    expect(page.locator(".result-count")).to_have_text("16 registros")
    # text_content, not inner_text: the kind is shown in capitals by CSS.
    assert page.locator(".record-list .record-kind").all_text_contents() == ["Hermanamiento"] * 16
    assert sorted(page.locator(".record-list h3 a").all_text_contents()) == twinnings
    assert LEAK_MARK not in page.content()

    link = page.locator(".record-list h3 a").first
    title = link.text_content()
    link.click()
    expect(page.locator("h1")).to_have_text(title)
    facts = page.locator(".facts")
    expect(facts.locator("dt").first).to_have_text("Tipo de instrumento")
    expect(facts.locator("dd").first).to_have_text("Hermanamiento")
    expect(page.get_by_role("navigation", name="Ruta de navegación").get_by_role("link", name="Acuerdos")).to_be_visible()
    assert_accessible(page)
