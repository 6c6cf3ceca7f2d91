"""The counterpart pages (list with facets, one page per counterpart) and the
country pages (list, one page per country): published records only, counted
in a constant number of queries.
"""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from agreements.models import Validity
from cdmx_global.filters import CounterpartFilterSet
from cdmx_global.models import Counterpart
from sourcebook.records import agreements as book_agreements
from sourcebook.records import counterparts as book_counterparts
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
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

BOOK_PUBLISHED_COUNTERPARTS = 129


def section_titles(page: str, section: str) -> list[str]:
    """The linked titles (``h3 > a``) of the page's section ``section``, in order."""
    match = re.search(rf'<section aria-labelledby="{section}">(.*?)</section>', page, re.S)
    if match is None:
        return []
    return [html.unescape(title) for title in re.findall(r"<h3><a href=\"[^\"]+\"[^>]*>([^<]+)</a>", match.group(1))]


def table_rows(page: str) -> list[str]:
    """The row headers (``th scope=row``) of the page's tables, as text."""
    return [
        html.unescape(re.sub(r"<[^>]+>", "", cell)).strip()
        for cell in re.findall(r'<th scope="row">(.*?)</th>', page, re.S)
    ]


def agreement_facts(page: str) -> dict[str, str]:
    """The agreements' line of a country page's facts, in order: link target → its words."""
    match = re.search(r"<dt>Acuerdos</dt><dd>(.*?)</dd>", page, re.S)
    return {
        html.unescape(url): " ".join(html.unescape(re.sub(r"<[^>]+>", " ", words)).split())
        for url, words in re.findall(r'<a href="([^"]+)">(.*?)</a>', match.group(1), re.S)
    }


def book_agreements_in(country: str) -> list[dict]:
    """The book's agreements with a counterpart in ``country``, from its data modules."""
    in_country = {row["slug"] for row in book_counterparts.COUNTERPARTS if row["country"] == country}
    return [row for row in book_agreements.AGREEMENTS if in_country & set(row.get("counterparts", []))]


def query_count(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries.captured_queries)


# --- The counterpart list -----------------------------------------------------


def test_counterpart_list_counts_the_published_counterparts(client):
    leak_bait()

    response = client.get("/contrapartes/")

    assert response.context["result_count"] == BOOK_PUBLISHED_COUNTERPARTS
    assert response.context["paginator"].count == Counterpart.objects.published().count()
    assert LEAK_MARK not in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        pytest.param(
            "kind=international_org&un_system=false",
            [
                "Banco Interamericano de Desarrollo",
                "Cities Alliance",
                "Comité Internacional de la Cruz Roja",
                "Organización para la Cooperación y el Desarrollo Económicos",
                "Unión Europea",
            ],
            id="organisations-outside-the-un",
        ),
        pytest.param(
            "kind=city&region=asia",
            [
                "Beijing",
                "Departamento de Agua y Alcantarillado de la Ciudad de Nagoya",
                "Guangzhou",
                "Nagoya",
                "Seúl",
                "Shenzhen",
                "Singapur",
            ],
            id="asian-cities",
        ),
        pytest.param(
            "country=JP",
            ["Agencia de Cooperación Internacional del Japón", "Departamento de Agua y Alcantarillado de la Ciudad de Nagoya", "Nagoya"],
            id="japan",
        ),
    ],
)
def test_counterpart_filter_returns_exactly_the_matching_counterparts(client, query, expected):
    leak_bait()

    response = client.get(f"/contrapartes/?{query}")

    assert [counterpart.name for counterpart in response.context["object_list"]] == expected
    assert response.context["result_count"] == len(expected)


def test_counterpart_facets_count_published_counterparts_only(client):
    leak_bait()

    facets = {facet.name: facet for facet in client.get("/contrapartes/?kind=city").context["facets"]}

    countries = {option.value: option.count for option in facets["country"].options}
    assert "IS" not in countries
    assert "NZ" not in countries
    assert countries["JP"] == 2
    un_system = {option.value: option.count for option in facets["un_system"].options}
    assert un_system == {"false": Counterpart.objects.published().filter(kind="city").count()}


def test_counterpart_list_counts_only_published_linked_records(client):
    bait = leak_bait()
    barcelona = Counterpart.objects.get(slug="barcelona")
    assert barcelona.agreements.filter(title__contains=LEAK_MARK).count() == 2

    row = next(c for c in client.get("/contrapartes/?country=ES").context["object_list"] if c.slug == "barcelona")

    assert (row.agreement_count, row.visit_count, row.event_count, row.award_count) == (
        barcelona.agreements.published().count(),
        barcelona.visits.published().count(),
        barcelona.events.published().count(),
        barcelona.awards_granted.published().count(),
    )
    assert row.agreement_count == 1
    assert bait["draft"][0].name not in client.get("/contrapartes/?country=ES").text


def test_counterpart_filter_with_an_invalid_value_says_so_in_spanish(client):
    response = client.get("/contrapartes/?kind=planeta")

    assert response.status_code == 200
    assert "Seleccione una opción válida. planeta no es una de las opciones disponibles." in response.text


def test_counterpart_filterset_un_system_filter():
    filterset = CounterpartFilterSet({"un_system": "true", "kind": "international_org"}, queryset=Counterpart.objects.published())

    assert filterset.is_valid()
    assert all(counterpart.is_un_system for counterpart in filterset.qs)
    assert filterset.qs.count() == Counterpart.objects.published().filter(is_un_system=True).count()


def test_counterpart_list_queries_do_not_grow_with_rows(client, django_assert_num_queries):
    for _ in range(2):
        counterpart = CounterpartFactory(published=True, country="FJ")
        AgreementFactory(published=True, counterparts=[counterpart])
    few = query_count(client, "/contrapartes/?country=FJ")
    for _ in range(18):
        counterpart = CounterpartFactory(published=True, country="FJ")
        AgreementFactory(published=True, counterparts=[counterpart])
        VisitFactory(published=True, counterparts=[counterpart])

    with django_assert_num_queries(few):
        response = client.get("/contrapartes/?country=FJ")
    assert response.context["result_count"] == 20


# --- One counterpart's page ---------------------------------------------------


def test_counterpart_page_lists_exactly_its_published_records(client):
    leak_bait()
    VisitGuestFactory(visit=VisitFactory(incoming=True, title=f"Visita {LEAK_MARK}"), name=f"Persona {LEAK_MARK}",
                      counterpart=Counterpart.objects.get(slug="los-angeles"))

    page = client.get("/contrapartes/los-angeles/").text

    assert section_titles(page, "acuerdos") == [
        "Convenio de cooperación específica con Los Ángeles (2014)",
        "Hermanamiento con Los Ángeles (refrendo de 2007)",
    ]
    assert section_titles(page, "acciones") == [
        "Alas de la Ciudad de México en Los Ángeles",
        "Diálogo estratégico: Chicago-Ciudad de México-Los Ángeles",  # undated: after the dated
    ]
    assert section_titles(page, "visitas") == [
        "Visita de Eric Garcetti, Alcalde de Los Ángeles",
        "Gira oficial del Jefe de Gobierno a Los Ángeles",
    ]
    assert "Eric Garcetti, Alcalde de Los Ángeles, Estados Unidos de América" in page
    # No events, awards or networks: their sections are left out.
    for section in ("eventos", "premios", "redes"):
        assert f'aria-labelledby="{section}"' not in page
    assert 'href="/paises/us/"' in page
    assert "América del Norte" in page
    assert "latitud 34.0522, longitud -118.2437" in page
    assert LEAK_MARK not in page


def test_counterpart_page_of_an_organisation_lists_events_awards_and_networks(client):
    leak_bait()

    page = client.get("/contrapartes/unesco/").text

    assert section_titles(page, "eventos") == [
        "Reunión consultiva del Programa de Acción Global de Educación para el Desarrollo Sostenible de la UNESCO",
        "Foro internacional “Ciudad de México y la condición de las y los creadores”",
        "Foro internacional “Ciudad de México: Lugar donde las culturas dialogan”",
    ]
    assert section_titles(page, "premios") == ["Premio Ciudades del Aprendizaje"]
    assert section_titles(page, "redes") == [
        "Ciudades del aprendizaje, UNESCO (UIL)",
        "Coalición Latinoamericana y Caribeña de Ciudades contra el Racismo, la Discriminación y la Xenofobia",
        "Programa de Acción Global de Educación para el Desarrollo Sostenible",
        "Red de Ciudades Creativas de la UNESCO",
    ]
    assert "Sí, forma parte del sistema de las Naciones Unidas" in page


def test_counterpart_page_leaves_out_unpublished_records_linked_to_it(client):
    bait = leak_bait()
    barcelona = Counterpart.objects.get(slug="barcelona")
    NetworkFactory(name=f"Red convocada {LEAK_MARK}", convened_by=barcelona)

    page = client.get(barcelona.get_absolute_url()).text

    assert LEAK_MARK not in page
    for record in bait["draft"] + bait["withdrawn"]:
        assert str(record) not in page


@pytest.mark.parametrize("status", ["draft", "withdrawn"])
def test_unpublished_counterpart_page_is_not_found(client, status):
    counterpart = {record.__class__: record for record in leak_bait()[status]}[Counterpart]

    assert client.get(counterpart.get_absolute_url()).status_code == 404
    assert client.get(f"/en{counterpart.get_absolute_url()}").status_code == 404


def test_counterpart_page_queries_do_not_grow_with_records(client, django_assert_num_queries):
    def counterpart_with(n: int):
        counterpart = CounterpartFactory(published=True)
        for _ in range(n):
            AgreementFactory(published=True, counterparts=[counterpart])
            ActionFactory(published=True, counterparts=[counterpart])
            visit = VisitFactory(published=True, incoming=True, counterparts=[counterpart])
            VisitGuestFactory(visit=visit, counterpart=counterpart)
            EventFactory(published=True, organisers=[counterpart])
            AwardFactory(published=True, granted_by=[counterpart])
            NetworkFactory(published=True, convened_by=counterpart)
        return counterpart

    few = query_count(client, counterpart_with(2).get_absolute_url())
    many = counterpart_with(20)

    with django_assert_num_queries(few):
        response = client.get(many.get_absolute_url())
    assert len(section_titles(response.text, "acuerdos")) == 20


# --- Countries ------------------------------------------------------------------


def test_country_list_shows_countries_with_published_records_and_their_counts(client):
    leak_bait()

    response = client.get("/paises/")

    rows = {row.code: row for row in response.context["countries"]}
    assert len(rows) == 37
    assert "IS" not in rows
    assert "NZ" not in rows
    assert (rows["JP"].counterparts, rows["JP"].agreements, rows["JP"].visits, rows["JP"].events) == (3, 3, 0, 0)
    # The U20 declaration counts for the United States (Chicago) and Spain (Madrid); the consultations
    # at the UN in New York are the United States' third event, the regional conference Mexico's 20th.
    assert (rows["US"].counterparts, rows["US"].agreements, rows["US"].visits, rows["US"].events) == (10, 6, 10, 3)
    # Spain holds Barcelona, which the bait's agreements, visits and events name; Mexico the bait's events.
    assert (rows["ES"].counterparts, rows["ES"].agreements, rows["ES"].visits, rows["ES"].events) == (3, 4, 2, 0)
    assert rows["MX"].events == 20
    assert 'href="/paises/jp/"' in response.text
    assert "Islandia" not in response.text
    assert LEAK_MARK not in response.text


def test_country_page_lists_everything_published_linked_to_the_country(client):
    leak_bait()

    page = client.get("/paises/jp/").text

    assert section_titles(page, "contrapartes") == [
        "Agencia de Cooperación Internacional del Japón",
        "Departamento de Agua y Alcantarillado de la Ciudad de Nagoya",
        "Nagoya",
    ]
    assert section_titles(page, "acuerdos") == [
        "Hermanamiento con Nagoya (refrendo de 2008)",
        "Acuerdo de Colaboración con JICA y el Departamento de Agua y Alcantarillado de la Ciudad de Nagoya",
        "Hermanamiento con Nagoya (1977)",
    ]
    assert section_titles(page, "acciones") == [
        "Alas de la Ciudad de México en Nagoya",
        "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
    ]
    for section in ("visitas", "premios", "eventos"):
        assert f'aria-labelledby="{section}"' not in page
    assert "<h1>Japón</h1>" in page


def test_country_page_leaves_out_unpublished_records(client):
    leak_bait()
    spain = Counterpart.objects.get(slug="barcelona").country.code.lower()

    page = client.get(f"/paises/{spain}/").text

    assert LEAK_MARK not in page


@pytest.mark.parametrize(
    "code",
    [
        pytest.param("is", id="only-a-draft-counterpart"),
        pytest.param("nz", id="only-a-withdrawn-counterpart"),
        pytest.param("aq", id="nothing-linked"),
        pytest.param("zz", id="not-a-country"),
        pytest.param("esp", id="alpha-3"),
    ],
)
def test_country_page_without_published_records_is_not_found(client, code):
    leak_bait()

    assert client.get(f"/paises/{code}/").status_code == 404


def test_country_page_in_upper_case_redirects_to_lower_case(client):
    response = client.get("/paises/JP/")

    assert response.status_code == 301
    assert response["Location"] == "/paises/jp/"


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


def test_country_page_queries_do_not_grow_with_records(client, django_assert_num_queries):
    few = query_count(client, country_with("FJ", 2))
    many = country_with("TO", 20)

    with django_assert_num_queries(few):
        response = client.get(many)
    agreements = response.context["records"].agreements
    assert (len(agreements.records), agreements.total) == (10, 20)


def test_country_page_shows_the_ten_newest_agreements_and_links_to_all(client):
    # What could leak first: a draft agreement newer than any, and a published
    # one whose only counterpart in the country is a draft.
    suva = CounterpartFactory(published=True, country="FJ", name="Suva")
    nadi = CounterpartFactory(published=True, country="FJ", name="Nadi")
    lautoka = CounterpartFactory(draft=True, country="FJ", name=f"Lautoka {LEAK_MARK}")
    AgreementFactory(draft=True, title=f"Acuerdo {LEAK_MARK}", counterparts=[suva], **partial_date("signed_on", 2030, 1, 1))
    AgreementFactory(published=True, title="Acuerdo con Lautoka", counterparts=[lautoka], **partial_date("signed_on", 2029))
    for n in range(10):
        AgreementFactory(published=True, title=f"Acuerdo con Suva {2000 + n}", counterparts=[suva],
                         **partial_date("signed_on", 2000 + n, 3, 1))
    # Known only by its year (kept as 1 January), with both counterparts (one record).
    AgreementFactory(published=True, title="Acuerdo con Suva y Nadi", counterparts=[suva, nadi], **partial_date("signed_on", 2005))
    AgreementFactory(published=True, title="Acuerdo con Nadi sin fecha", counterparts=[nadi], signed_on=None, signed_on_precision="")

    response = client.get("/paises/fj/")
    page = response.text

    assert section_titles(page, "acuerdos") == [
        "Acuerdo con Suva 2009",
        "Acuerdo con Suva 2008",
        "Acuerdo con Suva 2007",
        "Acuerdo con Suva 2006",
        "Acuerdo con Suva 2005",
        "Acuerdo con Suva y Nadi",
        "Acuerdo con Suva 2004",
        "Acuerdo con Suva 2003",
        "Acuerdo con Suva 2002",
        "Acuerdo con Suva 2001",
    ]
    assert response.context["records"].agreements.total == 12
    # The factory's agreements have no validity recorded.
    assert agreement_facts(page) == {
        "/acuerdos/?country=FJ": "12 registrados",
        "/acuerdos/?country=FJ&validity=in_force": "0 vigentes según la información registrada",
        "/acuerdos/?country=FJ&validity=unknown": "12 sin información de vigencia",
    }
    assert '<p><a href="/acuerdos/?country=FJ">Ver los 12 acuerdos</a></p>' in page
    # Two counterparts are all there are: listed whole, with no link.
    assert section_titles(page, "contrapartes") == ["Nadi", "Suva"]
    assert "<dt>Contrapartes</dt><dd>2</dd>" in page
    assert "/contrapartes/?country=FJ" not in page
    assert LEAK_MARK not in page
    assert "Acuerdo con Lautoka" not in page

    listed = client.get("/acuerdos/?country=FJ")

    assert listed.context["result_count"] == 12
    assert [agreement.title for agreement in listed.context["object_list"]] == [
        *section_titles(page, "acuerdos"), "Acuerdo con Suva 2000", "Acuerdo con Nadi sin fecha",
    ]
    assert LEAK_MARK not in listed.text


def test_country_page_links_each_long_section_to_its_list_filtered_by_the_country(client):
    # What could leak first: a draft of each kind linked to a published
    # counterpart in Tonga, and a draft counterpart there linked to published records.
    tongan = CounterpartFactory(published=True, country="TO", name="Nukualofa")
    draft_tongan = CounterpartFactory(draft=True, country="TO", name=f"Ciudad {LEAK_MARK}")
    AgreementFactory(draft=True, title=f"Acuerdo {LEAK_MARK}", counterparts=[tongan])
    ActionFactory(draft=True, title=f"Acción {LEAK_MARK}", counterparts=[tongan])
    VisitFactory(draft=True, title=f"Visita {LEAK_MARK}", counterparts=[tongan])
    AwardFactory(draft=True, title=f"Premio {LEAK_MARK}", granted_by=[tongan])
    EventFactory(draft=True, name=f"Cumbre {LEAK_MARK}", country="TO")
    AgreementFactory(published=True, counterparts=[draft_tongan])
    ActionFactory(published=True, counterparts=[draft_tongan])
    VisitFactory(published=True, counterparts=[draft_tongan])
    AwardFactory(published=True, granted_by=[draft_tongan])
    url = country_with("TO", 19)
    EventFactory(published=True, country="TO")

    response = client.get(url)
    page = response.text

    records = response.context["records"]
    sections = {
        "contrapartes": (records.counterparts, "/contrapartes/?country=TO", "Ver las 20 contrapartes"),
        "acuerdos": (records.agreements, "/acuerdos/?country=TO", "Ver los 19 acuerdos"),
        "acciones": (records.actions, "/acuerdos/acciones/?country=TO", "Ver las 19 acciones"),
        "visitas": (records.visits, "/visitas/?country=TO", "Ver las 19 visitas oficiales"),
        "premios": (records.awards, "/premios/?country=TO", "Ver los 19 premios"),
        "eventos": (records.events, "/eventos/?country=TO", "Ver los 20 eventos"),
    }
    for section, (shown, link, text) in sections.items():
        assert len(section_titles(page, section)) == len(shown.records) == 10, section
        assert f'<p><a href="{link}">{text}</a></p>' in page, section
        listed = client.get(link)
        assert listed.context["result_count"] == shown.total, section
        assert LEAK_MARK not in listed.text, section
    assert [shown.total for shown, _link, _text in sections.values()] == [20, 19, 19, 19, 19, 20]
    assert re.findall(r"<dt>[^<]+</dt><dd>(\d+)</dd>", page) == ["20", "19", "19", "19", "20"]
    assert list(agreement_facts(page).values()) == [
        "19 registrados", "0 vigentes según la información registrada", "19 sin información de vigencia",
    ]
    assert LEAK_MARK not in page


def test_country_page_gives_its_agreements_registered_in_force_and_without_validity_information(
    client, django_assert_num_queries
):
    """Japan's agreements in the book have no validity recorded: the page gives
    them as registered and without validity information, never as 0 in force
    alone; one more recorded in force counts as such, a draft nowhere."""
    leak_bait()
    nagoya = Counterpart.objects.get(slug="nagoya")
    book = len(book_agreements_in("JP"))
    assert book and all(row.get("validity", Validity.UNKNOWN) == Validity.UNKNOWN for row in book_agreements_in("JP"))
    url = "/paises/jp/"
    queries = query_count(client, url)
    AgreementFactory(published=True, validity=Validity.IN_FORCE, counterparts=[nagoya], title="Acuerdo vigente con Nagoya")
    AgreementFactory(draft=True, validity=Validity.UNKNOWN, counterparts=[nagoya], title=f"Acuerdo {LEAK_MARK}")

    with django_assert_num_queries(queries):
        page = client.get(url).text

    assert agreement_facts(page) == {
        "/acuerdos/?country=JP": f"{book + 1} registrados",
        "/acuerdos/?country=JP&validity=in_force": "1 vigente según la información registrada",
        "/acuerdos/?country=JP&validity=unknown": f"{book} sin información de vigencia",
    }
    assert "Acuerdo vigente con Nagoya" in section_titles(page, "acuerdos")
    assert LEAK_MARK not in page
    # Each figure opens the list of exactly those agreements.
    for link, count in zip(agreement_facts(page), (book + 1, 1, book)):
        listed = client.get(link)
        assert listed.context["result_count"] == count, link
        assert LEAK_MARK not in listed.text, link


def test_country_page_without_agreements_says_0_and_links_no_list(client):
    CounterpartFactory(published=True, country="WS", name="Apia")

    page = client.get("/paises/ws/").text

    assert "<dt>Acuerdos</dt><dd>0</dd>" in page
    assert "/acuerdos/?country=WS" not in page


def test_country_list_queries_do_not_grow_with_countries(client, django_assert_num_queries):
    few = query_count(client, "/paises/")
    for code in ("FJ", "TO", "WS", "VU"):
        AgreementFactory(published=True, counterparts=[CounterpartFactory(published=True, country=code)])

    with django_assert_num_queries(few):
        response = client.get("/paises/")
    assert len(response.context["countries"]) == 41


# --- English ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param("/en/contrapartes/", ["<h1>Counterparts</h1>", "United Nations system", "Agreements"], id="list"),
        pytest.param("/en/contrapartes/los-angeles/", ["Official visits", "Country", "North America"], id="detail"),
        pytest.param("/en/paises/", ["<h1>Countries</h1>", "countries with published records"], id="countries"),
        pytest.param(
        "/en/paises/jp/",
        ["<h1>Japan</h1>", "Counterparts", "Actions", "registered", "0 in force according to the recorded information"],
        id="country",
    ),
    ],
)
def test_pages_in_english(client, url, expected):
    page = client.get(url).text

    assert '<html lang="en">' in page
    for text in expected:
        assert text in page
