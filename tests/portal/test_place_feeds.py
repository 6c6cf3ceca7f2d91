"""The Atom feed of each country's and each counterpart's page
(``?formato=atom``): exactly the published records the page shows, the most
recently published first, in a constant number of queries."""

import datetime
import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cdmx_global.models import Counterpart
from tests.support.factories import (
    LEAK_MARK,
    ActionFactory,
    AgreementFactory,
    AwardFactory,
    CounterpartFactory,
    EventFactory,
    NetworkFactory,
    VisitFactory,
    VisitGuestFactory,
    leak_bait,
)
from tests.support.feeds import ATOM, atom_entries, atom_feed_entries, atom_root

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]


def at(day: int) -> datetime.datetime:
    """A publication moment: day ``day`` of January 2031, later than anything the book holds."""
    return datetime.datetime(2031, 1, day, 12, tzinfo=datetime.UTC)


def page_titles(page: str) -> set[tuple[str, str]]:
    """Every (link, linked title) of the page's record lists (``h3 > a``)."""
    return {
        (html.unescape(link), html.unescape(title))
        for link, title in re.findall(r'<h3><a href="([^"]+)"[^>]*>([^<]+)</a>', page)
    }


def feed_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert atom_feed_entries(client.get(url, {"formato": "atom"}))
    return len(queries.captured_queries)


# --- A country ------------------------------------------------------------------


def test_country_feed_has_exactly_the_published_records_its_page_shows_newest_published_first(client):
    # What could leak first: a draft of each kind linked to a published
    # counterpart in Fiji, newer than any, and published records whose only
    # counterpart in Fiji is a draft.
    suva = CounterpartFactory(published=True, country="FJ", name="Suva", description="Capital de Fiyi.", published_at=at(1))
    lautoka = CounterpartFactory(draft=True, country="FJ", name=f"Lautoka {LEAK_MARK}")
    AgreementFactory(draft=True, title=f"Acuerdo {LEAK_MARK}", counterparts=[suva], published_at=at(20))
    ActionFactory(draft=True, title=f"Acción {LEAK_MARK}", counterparts=[suva])
    VisitFactory(draft=True, title=f"Visita {LEAK_MARK}", counterparts=[suva])
    AwardFactory(draft=True, title=f"Premio {LEAK_MARK}", granted_by=[suva])
    EventFactory(draft=True, name=f"Cumbre {LEAK_MARK}", country="FJ")
    AgreementFactory(published=True, title=f"Acuerdo con Lautoka {LEAK_MARK}", counterparts=[lautoka], published_at=at(21))
    agreement = AgreementFactory(published=True, title="Hermanamiento con Suva", counterparts=[suva],
                                 purpose="Cooperación en turismo <sostenible>.", published_at=at(5))
    action = ActionFactory(published=True, title="Taller de manglares en Suva", counterparts=[suva], published_at=at(3))
    visit = VisitFactory(published=True, title="Gira oficial a Suva", counterparts=[suva], published_at=at(7))
    award = AwardFactory(published=True, title="Premio del Pacífico", granted_by=[suva], published_at=at(2))
    event = EventFactory(published=True, name="Foro de islas del Pacífico", country="FJ", published_at=at(6))

    page = client.get("/paises/fj/").text
    feed = client.get("/paises/fj/", {"formato": "atom"})

    entries = atom_feed_entries(feed)
    assert [(entry.title, entry.link) for entry in entries] == [
        ("Gira oficial a Suva", f"http://testserver/visitas/{visit.pk}/"),
        ("Foro de islas del Pacífico", f"http://testserver/eventos/{event.pk}/"),
        ("Hermanamiento con Suva", f"http://testserver/acuerdos/{agreement.code}/"),
        ("Taller de manglares en Suva", f"http://testserver/acuerdos/acciones/{action.pk}/"),
        ("Premio del Pacífico", f"http://testserver/premios/{award.pk}/"),
        ("Suva, Fiyi", "http://testserver/contrapartes/suva/"),
    ]
    assert [entry.published for entry in entries] == [at(7), at(6), at(5), at(3), at(2), at(1)]
    assert [entry.updated for entry in entries] == [at(7), at(6), at(5), at(3), at(2), at(1)]
    # The same records the page lists, and only those.
    assert page_titles(page) == {
        (f"/visitas/{visit.pk}/", "Gira oficial a Suva"),
        (f"/eventos/{event.pk}/", "Foro de islas del Pacífico"),
        (f"/acuerdos/{agreement.code}/", "Hermanamiento con Suva"),
        (f"/acuerdos/acciones/{action.pk}/", "Taller de manglares en Suva"),
        (f"/premios/{award.pk}/", "Premio del Pacífico"),
        ("/contrapartes/suva/", "Suva"),
    }
    assert entries[2].summary == "Cooperación en turismo &lt;sostenible&gt;."
    assert entries[5].summary == "Capital de Fiyi."
    assert LEAK_MARK not in feed.content.decode()
    assert LEAK_MARK not in page


def test_country_feed_of_the_book_is_what_its_page_lists(client):
    leak_bait()

    page = client.get("/paises/jp/").text
    feed = client.get("/paises/jp/", {"formato": "atom"})

    entries = atom_feed_entries(feed)
    assert {entry.title for entry in entries} == {
        "Agencia de Cooperación Internacional del Japón",
        "Departamento de Agua y Alcantarillado de la Ciudad de Nagoya, Japón",
        "Nagoya, Japón",
        "Hermanamiento con Nagoya (refrendo de 2008)",
        "Acuerdo de Colaboración con JICA y el Departamento de Agua y Alcantarillado de la Ciudad de Nagoya",
        "Hermanamiento con Nagoya (1977)",
        "Alas de la Ciudad de México en Nagoya",
        "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
    }
    assert {entry.link.removeprefix("http://testserver") for entry in entries} == {link for link, _ in page_titles(page)}
    assert len(entries) == 9
    # The book's records carry no publication moment: the last change dates them.
    assert [entry.updated for entry in entries] == sorted((entry.updated for entry in entries), reverse=True)
    assert LEAK_MARK not in feed.content.decode()


def test_country_feed_describes_itself_and_its_page(client):
    root = atom_root(client.get("/paises/jp/", {"formato": "atom"}))

    assert root.findtext(f"{ATOM}title") == "CDMX Global: la Ciudad de México con Japón"
    assert root.findtext(f"{ATOM}subtitle") == (
        "Lo que muestra la página del país: en cada sección (contrapartes, acuerdos, acciones, visitas, "
        "premios y eventos), los primeros 10 registros publicados; del publicado más recientemente al más antiguo."
    )
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links == {"alternate": "http://testserver/paises/jp/", "self": "http://testserver/paises/jp/?formato=atom"}


def test_country_feed_in_english_links_the_english_pages(client):
    entries = atom_entries(client.get("/en/paises/jp/", {"formato": "atom"}))

    assert ("Nagoya, Japan", "http://testserver/en/contrapartes/nagoya/") in entries
    assert all(link.startswith("http://testserver/en/") for _title, link in entries)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("/paises/is/", id="country-with-only-a-draft-counterpart"),
        pytest.param("/paises/nz/", id="country-with-only-a-withdrawn-counterpart"),
        pytest.param("/paises/aq/", id="country-with-nothing-linked"),
        pytest.param("/paises/zz/", id="not-a-country"),
        pytest.param("/contrapartes/no-existe/", id="unknown-counterpart"),
    ],
)
def test_feed_of_a_page_that_does_not_exist_is_not_found(client, url):
    leak_bait()

    response = client.get(url, {"formato": "atom"})

    assert response.status_code == 404
    assert LEAK_MARK not in response.content.decode()


@pytest.mark.parametrize("status", ["draft", "withdrawn"])
def test_feed_of_an_unpublished_counterpart_is_not_found(client, status):
    counterpart = {record.__class__: record for record in leak_bait()[status]}[Counterpart]

    response = client.get(counterpart.get_absolute_url(), {"formato": "atom"})

    assert response.status_code == 404


def test_country_feed_in_upper_case_redirects_to_the_lower_case_feed(client):
    response = client.get("/paises/JP/", {"formato": "atom"})

    assert response.status_code == 301
    assert response["Location"] == "/paises/jp/?formato=atom"


def country_with(code: str, n: int) -> str:
    """``n`` published records of each kind linked to the country ``code``; its page's address."""
    for _ in range(n):
        counterpart = CounterpartFactory(published=True, country=code)
        AgreementFactory(published=True, counterparts=[counterpart])
        ActionFactory(published=True, counterparts=[counterpart])
        VisitFactory(published=True, counterparts=[counterpart])
        AwardFactory(published=True, granted_by=[counterpart])
        EventFactory(published=True, country=code)
    return f"/paises/{code.lower()}/"


def test_country_feed_queries_do_not_grow_with_records(client):
    few = feed_queries(client, country_with("FJ", 2))
    many = country_with("TO", 20)

    assert feed_queries(client, many) == few
    assert len(atom_entries(client.get(many, {"formato": "atom"}))) == 60


# --- A counterpart --------------------------------------------------------------


def test_counterpart_feed_has_exactly_the_published_records_its_page_shows_newest_published_first(client):
    apia = CounterpartFactory(published=True, country="WS", name="Apia")
    # What could leak first: a draft of each kind linked to it, newer than any.
    AgreementFactory(draft=True, title=f"Acuerdo {LEAK_MARK}", counterparts=[apia], published_at=at(20))
    ActionFactory(draft=True, title=f"Acción {LEAK_MARK}", counterparts=[apia])
    VisitFactory(draft=True, title=f"Visita {LEAK_MARK}", counterparts=[apia])
    VisitGuestFactory(visit=VisitFactory(draft=True, title=f"Visita con invitada {LEAK_MARK}"), counterpart=apia)
    EventFactory(draft=True, name=f"Cumbre {LEAK_MARK}", organisers=[apia])
    AwardFactory(draft=True, title=f"Premio {LEAK_MARK}", granted_by=[apia])
    NetworkFactory(draft=True, name=f"Red {LEAK_MARK}", convened_by=apia)
    agreement = AgreementFactory(published=True, title="Hermanamiento con Apia", counterparts=[apia], published_at=at(4))
    action = ActionFactory(published=True, title="Intercambio escolar con Apia", counterparts=[apia], published_at=at(9))
    visit = VisitFactory(published=True, incoming=True, title="Visita de la alcaldesa de Apia", counterparts=[apia],
                         published_at=at(8))
    # Its mayor came with her visit's guests, and on another visit as a guest only.
    VisitGuestFactory(visit=visit, counterpart=apia)
    guest_visit = VisitFactory(published=True, incoming=True, title="Foro de alcaldías del Pacífico en la Ciudad",
                               published_at=at(3))
    VisitGuestFactory(visit=guest_visit, counterpart=apia)
    event = EventFactory(published=True, name="Semana de Samoa", organisers=[apia], published_at=at(6))
    award = AwardFactory(published=True, title="Premio Apia a la resiliencia", granted_by=[apia], published_at=at(5))
    NetworkFactory(published=True, name="Red de ciudades isleñas", convened_by=apia, published_at=at(1))
    # Published at the same moment as the action: by title, after it.
    late = AgreementFactory(published=True, title="Memorando con Apia", counterparts=[apia], published_at=at(9))

    page = client.get("/contrapartes/apia/").text
    feed = client.get("/contrapartes/apia/", {"formato": "atom"})

    entries = atom_feed_entries(feed)
    assert [(entry.title, entry.link) for entry in entries] == [
        ("Intercambio escolar con Apia", f"http://testserver/acuerdos/acciones/{action.pk}/"),
        ("Memorando con Apia", f"http://testserver/acuerdos/{late.code}/"),
        ("Visita de la alcaldesa de Apia", f"http://testserver/visitas/{visit.pk}/"),
        ("Semana de Samoa", f"http://testserver/eventos/{event.pk}/"),
        ("Premio Apia a la resiliencia", f"http://testserver/premios/{award.pk}/"),
        ("Hermanamiento con Apia", f"http://testserver/acuerdos/{agreement.code}/"),
        ("Foro de alcaldías del Pacífico en la Ciudad", f"http://testserver/visitas/{guest_visit.pk}/"),
        ("Red de ciudades isleñas", "http://testserver/redes/red-de-ciudades-islenas/"),
    ]
    assert [entry.published for entry in entries] == [at(9), at(9), at(8), at(6), at(5), at(4), at(3), at(1)]
    # The page links the same records (the guest's visit from its guests' section).
    assert {link for link, _title in page_titles(page)} | {
        link for link in re.findall(r'<a href="(/visitas/\d+/)"', page)
    } == {entry.link.removeprefix("http://testserver") for entry in entries}
    assert entries[5].summary == "Cooperación técnica en materia de movilidad."
    assert LEAK_MARK not in feed.content.decode()
    assert LEAK_MARK not in page


def test_counterpart_feed_of_the_book_is_what_its_page_lists(client):
    leak_bait()

    page = client.get("/contrapartes/los-angeles/").text
    feed = client.get("/contrapartes/los-angeles/", {"formato": "atom"})

    entries = atom_entries(feed)
    assert sorted(title for title, _link in entries) == [
        "Alas de la Ciudad de México en Los Ángeles",
        "Convenio de cooperación específica con Los Ángeles (2014)",
        "Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles",
        "Gira oficial del Jefe de Gobierno a Los Ángeles",
        "Hermanamiento con Los Ángeles (refrendo de 2007)",
        "Visita de Eric Garcetti, Alcalde de Los Ángeles",
    ]
    assert {link.removeprefix("http://testserver") for _title, link in entries} == {
        link for link, _title in page_titles(page)
    }
    root = atom_root(feed)
    assert root.findtext(f"{ATOM}title") == "CDMX Global: la Ciudad de México con Los Ángeles"
    assert root.findtext(f"{ATOM}subtitle") == (
        "Lo que muestra la página de la contraparte: sus acuerdos, acciones, visitas, eventos, premios "
        "y redes publicados, del publicado más recientemente al más antiguo."
    )
    assert LEAK_MARK not in feed.content.decode()


def counterpart_with(n: int) -> str:
    counterpart = CounterpartFactory(published=True)
    for _ in range(n):
        AgreementFactory(published=True, counterparts=[counterpart])
        ActionFactory(published=True, counterparts=[counterpart])
        visit = VisitFactory(published=True, incoming=True, counterparts=[counterpart])
        VisitGuestFactory(visit=visit, counterpart=counterpart)
        VisitGuestFactory(visit=VisitFactory(published=True, incoming=True), counterpart=counterpart)
        EventFactory(published=True, organisers=[counterpart])
        AwardFactory(published=True, granted_by=[counterpart])
        NetworkFactory(published=True, convened_by=counterpart)
    return counterpart.get_absolute_url()


def test_counterpart_feed_queries_do_not_grow_with_records(client):
    few = feed_queries(client, counterpart_with(2))
    many = counterpart_with(20)

    assert feed_queries(client, many) == few
    assert len(atom_entries(client.get(many, {"formato": "atom"}))) == 20 * 7


# --- The pages link their feeds ----------------------------------------------------


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/paises/jp/", "CDMX Global: la Ciudad de México con Japón"),
        ("/contrapartes/los-angeles/", "CDMX Global: la Ciudad de México con Los Ángeles"),
    ],
)
def test_page_links_its_feed(client, url, title):
    page = client.get(url, {"utm_source": "correo"}).text

    assert (
        f'<link rel="alternate" type="application/atom+xml" title="{title}" href="{url}?formato=atom">'
    ) in page
    assert (
        f'<p class="feeds"><a href="{url}?formato=atom" type="application/atom+xml">'
        "Canal Atom de lo que muestra esta página</a></p>"
    ) in page
