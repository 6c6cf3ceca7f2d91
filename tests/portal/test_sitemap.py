"""The sitemap lists every published record's page and the portal's fixed
pages, in Spanish and in English, with hreflang alternates; nothing
unpublished."""

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from networks.models import Network
from tests.support.factories import LEAK_MARK, leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9", "xhtml": "http://www.w3.org/1999/xhtml"}
SERVER = "http://testserver"
RECORD_MODELS = [Agreement, Action, Counterpart, Network, Event, Visit, Award]
FIXED_PAGES = [
    "/", "/acerca/", "/cronologia/", "/acuerdos/", "/acuerdos/convenios-marco-onu/", "/acuerdos/acciones/", "/redes/",
    "/redes/cargos/", "/visitas/", "/eventos/", "/premios/", "/contrapartes/", "/paises/", "/informes/",
]


def both_languages(path: str) -> set[str]:
    return {f"{SERVER}{path}", f"{SERVER}/en{path}"}


def published_record_paths() -> set[str]:
    with translation.override("es-mx"):
        return {record.get_absolute_url() for model in RECORD_MODELS for record in model.objects.published()}


@pytest.fixture
def sitemap(client):
    bait = leak_bait()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return bait, ET.fromstring(response.content)


def test_sitemap_lists_exactly_the_published_pages_in_both_languages(sitemap):
    bait, root = sitemap
    locations = [url.findtext("sm:loc", namespaces=NS) for url in root.findall("sm:url", NS)]

    country_pages = {loc for loc in locations if "/paises/" in loc and not loc.endswith("/paises/")}
    record_pages = set(locations) - country_pages - {loc for path in FIXED_PAGES for loc in both_languages(path)}
    assert record_pages == {loc for path in published_record_paths() for loc in both_languages(path)}
    assert len(record_pages) == 2 * (65 + 39 + 129 + 18 + 33 + 41 + 34)
    assert {loc for path in FIXED_PAGES for loc in both_languages(path)} <= set(locations)
    assert len(locations) == len(set(locations))
    assert both_languages("/paises/jp/") <= country_pages
    assert not country_pages & (both_languages("/paises/is/") | both_languages("/paises/nz/"))
    for record in bait["draft"] + bait["withdrawn"]:
        assert f"{SERVER}{record.get_absolute_url()}" not in locations


def test_sitemap_has_no_unpublished_record(client):
    leak_bait()

    assert LEAK_MARK.encode() not in client.get("/sitemap.xml").content


def test_sitemap_gives_each_page_its_language_alternates(sitemap):
    _bait, root = sitemap
    agreement = Agreement.objects.published().get(code="cce-2014-los-angeles")
    path = agreement.get_absolute_url()

    entries = {url.findtext("sm:loc", namespaces=NS): url for url in root.findall("sm:url", NS)}
    for loc in both_languages(path):
        links = {link.get("hreflang"): link.get("href") for link in entries[loc].findall("xhtml:link", NS)}
        assert links == {"es-mx": f"{SERVER}{path}", "en": f"{SERVER}/en{path}", "x-default": f"{SERVER}{path}"}
    # The sitemap gives the day in the portal's time zone.
    lastmod = entries[f"{SERVER}{path}"].findtext("sm:lastmod", namespaces=NS)
    assert lastmod == timezone.localdate(agreement.updated_at).isoformat()
