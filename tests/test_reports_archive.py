"""The report archive page and its Atom feed, before any report exists."""

import xml.etree.ElementTree as ET

import pytest

pytestmark = pytest.mark.django_db

ATOM = {"atom": "http://www.w3.org/2005/Atom"}


def test_archive_explains_the_report_and_says_none_is_published(client):
    page = client.get("/informes/").text

    assert "<h1>Informes semestrales al Congreso</h1>" in page
    assert "Constitución Política de la Ciudad de México, artículo 20 («Ciudad global»), numeral 8:" in page
    assert "se informarán semestralmente al Congreso de la Ciudad y a las y los ciudadanos" in page
    assert '<p class="notice">Todavía no se ha publicado ningún informe semestral.</p>' in page
    assert '<link rel="alternate" type="application/atom+xml" title="Informes semestrales" href="/informes/feed/">' in page


def test_archive_in_english_keeps_the_constitution_in_spanish(client):
    page = client.get("/en/informes/").text

    assert "<h1>Semiannual reports to Congress</h1>" in page
    assert "No semiannual report has been published yet." in page
    assert '<blockquote lang="es-MX"><p>Los acuerdos y acciones internacionales' in page


@pytest.mark.parametrize(
    ("url", "title", "link"),
    [
        pytest.param("/informes/feed/", "CDMX Global: informes semestrales al Congreso", "http://testserver/informes/", id="es"),
        pytest.param("/en/informes/feed/", "CDMX Global: semiannual reports to Congress", "http://testserver/en/informes/", id="en"),
    ],
)
def test_report_feed_is_atom_with_no_entries(client, url, title, link):
    response = client.get(url)

    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == "{http://www.w3.org/2005/Atom}feed"
    assert feed.findtext("atom:title", namespaces=ATOM) == title
    assert feed.findtext("atom:subtitle", namespaces=ATOM)
    assert feed.find("atom:link[@rel='alternate']", ATOM).get("href") == link
    assert feed.find("atom:author/atom:name", ATOM) is not None
    assert feed.findall("atom:entry", ATOM) == []
