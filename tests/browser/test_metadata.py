"""The catalogue and the schema.org metadata as a browser meets them: the
open-data page links the DCAT-AP catalogue and carries its ``DataCatalog``, an
event page its ``Event``, a record page its body; the JSON-LD blocks log no
CSP refusal (they are data, not scripts) and read back as JSON in the page."""

import re

from playwright.sync_api import expect

from events.models import Event

READ_BLOCKS = "() => [...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))"


def test_open_data_page_links_the_catalogue_and_describes_the_datasets(page, assert_accessible):
    page.goto("/datos/")

    section = page.get_by_role("region", name="Catálogo DCAT-AP")
    expect(section.get_by_role("link", name="Turtle")).to_have_attribute("href", "/datos/catalogo.ttl")
    [catalog] = page.evaluate(READ_BLOCKS)
    assert catalog["@type"] == "DataCatalog"
    visits = next(dataset for dataset in catalog["dataset"] if dataset["identifier"] == "visits")
    assert visits["temporalCoverage"] == "2003/2018-03"
    assert_accessible(page)

    turtle = page.request.get("/datos/catalogo.ttl")
    assert turtle.headers["content-type"] == "text/turtle; charset=utf-8"
    assert "dcat:Catalog" in turtle.text()


def test_an_event_page_carries_its_event_and_its_body(page):
    event = Event.objects.published().filter(start_on_precision="year").order_by("pk").first()
    page.goto(f"/eventos/{event.pk}/")

    expect(page.get_by_role("heading", level=1)).to_have_text(event.name)
    described = {block["@type"]: block for block in page.evaluate(READ_BLOCKS)}
    assert described["Event"]["startDate"] == str(event.start_on.year)
    assert re.fullmatch(r"http://[^/]+/eventos/\d+/", described["Event"]["url"])
    assert described["GovernmentOrganization"]["parentOrganization"]["name"] == "Gobierno de la Ciudad de México"
