"""Every list, the search, every record page and the report archive carry
their «Seguir por correo» link, naming exactly what the page shows."""

import html
import re

import pytest

from tests.support import factories

pytestmark = pytest.mark.django_db


def follow_href(response) -> str:
    found = re.search(r'<p class="follow-link"><a href="([^"]+)" rel="nofollow">([^<]+)</a>', response.content.decode())
    assert found, "La página no tiene el enlace «Seguir por correo»"
    return html.unescape(found.group(1)), found.group(2)


@pytest.mark.parametrize(("path", "expected", "label"), [
    ("/acuerdos/?country=FR&page=1&formato=", "/seguir/?que=list&clave=agreements%3Alist&country=FR",
     "Seguir esta lista por correo"),
    ("/visitas/?direction=incoming", "/seguir/?que=list&clave=events%3Avisit_list&direction=incoming",
     "Seguir esta lista por correo"),
    ("/redes/", "/seguir/?que=list&clave=networks%3Alist", "Seguir esta lista por correo"),
    ("/contrapartes/", "/seguir/?que=list&clave=portal%3Acounterpart_list", "Seguir esta lista por correo"),
    ("/buscar/?q=movilidad", "/seguir/?que=list&clave=search%3Aresults&q=movilidad", "Seguir esta búsqueda por correo"),
    ("/informes/", "/seguir/?que=reports", "Recibir por correo los informes nuevos"),
])
def test_lists_search_and_archive_link_to_following_what_they_show(client, path, expected, label):
    assert follow_href(client.get(path)) == (expected, label)


def test_record_pages_link_to_following_the_record(client):
    paris = factories.CounterpartFactory(name="París", slug="paris", country="FR", published=True)
    agreement = factories.AgreementFactory(code="cce-paris", counterparts=[paris], published=True)
    network = factories.NetworkFactory(slug="red-de-ciudades", published=True)

    assert follow_href(client.get(agreement.get_absolute_url()))[0] == "/seguir/?que=agreement&clave=cce-paris"
    assert follow_href(client.get("/contrapartes/paris/"))[0] == "/seguir/?que=counterpart&clave=paris"
    assert follow_href(client.get("/paises/fr/"))[0] == "/seguir/?que=country&clave=FR"
    assert follow_href(client.get(network.get_absolute_url()))[0] == "/seguir/?que=network&clave=red-de-ciudades"


def test_the_follow_form_names_the_followed_record_and_offers_both_languages(client):
    agreement = factories.AgreementFactory(code="cce-paris", title="Hermanamiento con París", published=True)
    page = client.get("/seguir/", {"que": "agreement", "clave": agreement.code}).content.decode()
    assert "Va a seguir: <strong>Acuerdo «Hermanamiento con París»</strong>" in page
    assert re.search(r'value="es-mx" id="id_language_0" required checked>', page)
    english = client.get("/en/seguir/", {"que": "agreement", "clave": agreement.code}).content.decode()
    assert re.search(r'value="en" id="id_language_1" required checked>', english)
