"""The open-data page: every collection with its exact number of published
records and its downloads, in both languages; unpublished records not counted."""

import re

import pytest

from agreements.models import Action, Agreement, Commitment
from cdmx_global.models import Counterpart, GovernmentBody, PublicationStatus, Theme
from events.models import Award, Event, Visit
from networks.models import Membership, Network, Position
from reports.models import CongressAgreementEvaluation
from evaluations.models import AgreementEvaluation
from tests.support.factories import AgreementEvaluationFactory, GovernmentBodyFactory, ThemeFactory, leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

PUBLISHED = PublicationStatus.PUBLISHED

#: The book's published records, by collection (see sourcebook/records/).
BOOK_COUNTS = {
    "agreements": 65,
    "commitments": 0,
    "actions": 39,
    "counterparts": 129,
    "networks": 18,
    "memberships": 18,
    "positions": 11,
    "visits": 41,
    "events": 33,
    "awards": 34,
    "bodies": 46,
    "themes": 29,
    # The book has no evaluation: they are entered each semester (tests/reports/test_public_evaluations.py).
    "evaluations": 0,
    "congress-evaluations": 0,
}

SPANISH_TITLES = {
    "agreements": "Acuerdos internacionales",
    "commitments": "Compromisos de los acuerdos",
    "actions": "Acciones",
    "counterparts": "Contrapartes",
    "networks": "Redes de ciudades",
    "memberships": "Membresías en redes",
    "positions": "Cargos de dirección en redes",
    "visits": "Visitas oficiales",
    "events": "Eventos internacionales",
    "awards": "Premios y reconocimientos",
    "bodies": "Dependencias",
    "themes": "Temas",
    "evaluations": "Evaluaciones del Gobierno",
    "congress-evaluations": "Evaluaciones del Congreso",
}

ROW = re.compile(
    r'<th scope="row">(?P<title>[^<]+)</th>\s*<td class="number">(?P<count>\d+)</td>\s*<td>(?P<links>.*?)</td>', re.S
)


@pytest.fixture
def unpublished():
    """Unpublished records of every kind, a draft body and theme, and the
    evaluation of a draft agreement."""
    bait = leak_bait()
    AgreementEvaluationFactory(agreement=bait["draft"][1], advantages="Ventaja Quimera")
    GovernmentBodyFactory(name="Secretaría Quimera", draft=True)
    ThemeFactory(name="Tema Quimera", draft=True)


def independent_counts() -> dict[str, int]:
    """The published records, counted straight from the models."""
    return {
        "agreements": Agreement.objects.filter(status=PUBLISHED).count(),
        # A commitment is public with its agreement.
        "commitments": Commitment.objects.filter(agreement__status=PUBLISHED).count(),
        "actions": Action.objects.filter(status=PUBLISHED).count(),
        "counterparts": Counterpart.objects.filter(status=PUBLISHED).count(),
        "networks": Network.objects.filter(status=PUBLISHED).count(),
        # A part of a network is public only on its published network's page.
        "memberships": Membership.objects.filter(status=PUBLISHED, network__status=PUBLISHED).count(),
        "positions": Position.objects.filter(status=PUBLISHED, network__status=PUBLISHED).count(),
        "visits": Visit.objects.filter(status=PUBLISHED).count(),
        "events": Event.objects.filter(status=PUBLISHED).count(),
        "awards": Award.objects.filter(status=PUBLISHED).count(),
        "bodies": GovernmentBody.objects.filter(status=PUBLISHED).count(),
        "themes": Theme.objects.filter(status=PUBLISHED).count(),
        "evaluations": AgreementEvaluation.objects.filter(status="approved", agreement__status=PUBLISHED).count(),
        "congress-evaluations": CongressAgreementEvaluation.objects.filter(
            evaluation__status="submitted", evaluation__report__status="published", agreement__status=PUBLISHED
        ).count(),
    }


def rows(html: str) -> list[tuple[str, int, list[str]]]:
    return [
        (match["title"], int(match["count"]), re.findall(r'<a href="([^"]+)" download>', match["links"]))
        for match in ROW.finditer(html)
    ]


def test_the_page_lists_every_collection_with_its_published_count_and_downloads(client, unpublished):
    response = client.get("/datos/")

    assert response.status_code == 200
    html = response.content.decode()
    assert independent_counts() == BOOK_COUNTS
    assert rows(html) == [
        (SPANISH_TITLES[name], count, [f"/datos/{name}.csv", f"/datos/{name}.xlsx", f"/datos/{name}.json"])
        for name, count in BOOK_COUNTS.items()
    ]
    assert "Quimera" not in html
    assert '<caption>Colecciones publicadas, con su número de registros y sus descargas</caption>' in html


def test_the_english_page_links_the_english_downloads(client, unpublished):
    html = client.get("/en/datos/").content.decode()

    assert [(count, links) for _, count, links in rows(html)] == [
        (count, [f"/en/datos/{name}.csv", f"/en/datos/{name}.xlsx", f"/en/datos/{name}.json"])
        for name, count in BOOK_COUNTS.items()
    ]
    assert '<html lang="en">' in html
    assert 'href="/en/datos/datapackage.json"' in html


def test_the_page_explains_the_transparency_layout_the_package_the_api_and_the_licence(client, settings):
    settings.API_THROTTLE_RATES = {"anon": "120/minute", "downloads": "30/minute"}

    html = client.get("/datos/").content.decode()

    assert "65 acuerdos publicados." in html
    for path in ("csv", "xlsx", "json"):
        assert f'href="/datos/agreements-transparency.{path}" download' in html
    assert "artículo 65, fracción XXV" in html
    assert 'href="/datos/datapackage.json"' in html
    assert 'href="/api/v1/"' in html
    assert 'href="/api/docs/"' in html
    assert 'href="/api/schema/"' in html
    assert "/api/v1/agreements/?kind=twinning&amp;year=2016" in html
    assert 'href="/datos/agreements.csv?kind=twinning&amp;year=2016"' in html
    assert "120 solicitudes a la API por minuto;" in html
    assert "30 descargas por minuto." in html
    assert "Accept-Language: en" in html
    assert (
        '<a href="https://creativecommons.org/licenses/by/4.0/deed.es" rel="license">'
        "Creative Commons Atribución 4.0 Internacional</a>"
    ) in html


def test_a_draft_is_not_counted(client):
    before = dict((title, count) for title, count, _ in rows(client.get("/datos/").content.decode()))

    leak_bait()

    after = dict((title, count) for title, count, _ in rows(client.get("/datos/").content.decode()))
    assert after == before


def test_the_main_navigation_and_the_footer_link_the_page(client):
    html = client.get("/datos/").content.decode()

    assert '<li><a href="/datos/" aria-current="page">Datos abiertos</a></li>' in html
    assert '<li><a href="/datos/">Datos abiertos: descargas y API</a></li>' in html
