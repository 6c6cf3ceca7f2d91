"""The timeline, the countries and a counterpart in a real browser: the chart
and its table, navigation by clicking, and axe-core on each page."""

import re

from playwright.sync_api import expect


def test_timeline_countries_and_counterpart_pages(page, assert_accessible):
    page.goto("/cronologia/")

    chart = page.get_by_role("img", name="Registros publicados por año")
    expect(chart).to_be_visible()
    table = page.get_by_role("table", name="Registros publicados por año y tipo")
    expect(table).to_be_visible()
    # One bar for each year the table lists, with the same totals.
    years = table.locator("tbody tr th").all_inner_texts()
    totals = table.locator("tbody tr td:last-child").all_inner_texts()
    dated = {year: int(total) for year, total in zip(years, totals, strict=True) if year != "Sin fecha"}
    assert chart.locator("rect.bar").count() == len(dated)
    assert [int(label) for label in chart.locator("text.label").all_text_contents()] == [dated[year] for year in sorted(dated)]
    assert "Quimera" not in page.content()
    assert_accessible(page)
    # The records, 100 a page; a year of the table opens that year's records.
    expect(page.get_by_text(re.compile(r"^Registros 1 a 100 de \d+\.$"))).to_be_visible()
    table.get_by_role("link", name="2016", exact=True).click()
    expect(page).to_have_url(re.compile(r"/cronologia/\?year=2016$"))
    expect(page.get_by_role("heading", name="Registros de 2016")).to_be_visible()
    expect(page.locator("h3.timeline__year")).to_have_text(["2016"])
    expect(page.locator(".timeline .record-list > li")).to_have_count(30)
    assert_accessible(page)

    page.get_by_label("Tipo de registro").select_option("award")
    page.get_by_role("button", name="Mostrar").click()
    expect(page).to_have_url(re.compile(r"/cronologia/\?kind=award$"))
    expect(page.get_by_role("img", name="Premios por año")).to_be_visible()
    expect(page.get_by_role("status")).to_have_text("Premios: 34 registros publicados")

    page.get_by_role("navigation", name="Principal").get_by_role("link", name="Países").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Países")
    expect(page.get_by_role("link", name="Islandia")).to_have_count(0)
    assert_accessible(page)

    page.get_by_role("link", name="Japón", exact=True).click()

    expect(page).to_have_url(re.compile(r"/paises/jp/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Japón")
    expect(page.get_by_role("heading", name="Acuerdos", exact=True)).to_be_visible()
    assert_accessible(page)

    page.get_by_role("region", name="Contrapartes").get_by_role("link", name="Nagoya", exact=True).click()

    expect(page).to_have_url(re.compile(r"/contrapartes/nagoya/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Nagoya")
    expect(page.get_by_role("main").get_by_role("link", name="Japón")).to_have_attribute("href", "/paises/jp/")
    assert_accessible(page)
