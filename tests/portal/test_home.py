"""The home page: headline figures, the world map and its table, the latest
records; published records only, in a fixed number of queries.

The expected figures are computed from the book's data modules (the rows
``load_book`` loads), not from the selectors under test, and written out too.
"""

import datetime
import html
import re
from collections import defaultdict
from decimal import ROUND_HALF_UP, Decimal

import pytest
from django.utils import timezone
from django_countries import countries as country_names

from agreements.models import Agreement, Validity
from sourcebook.records import agreements as book_agreements
from sourcebook.records import awards as book_awards
from sourcebook.records import counterparts as book_counterparts
from sourcebook.records import events as book_events
from sourcebook.records import networks as book_networks
from sourcebook.records import visits as book_visits
from cdmx_global.models import Counterpart
from portal import worldmap
from tests.support import factories

pytestmark = pytest.mark.django_db

#: Queries the home page makes, whatever the number of records: seven figures,
#: counterparts by country, the map's places, four lists of latest records.
HOME_QUERIES = 13

COUNTERPARTS = book_counterparts.COUNTERPARTS
BOOK_COUNTRIES = {row["country"] for row in COUNTERPARTS if row["country"]}
BOOK_MARKER_SLUGS = {row["slug"] for row in COUNTERPARTS if row.get("latitude") is not None}


def book_agreements_by_country() -> dict[str, int]:
    country_of = {row["slug"]: row["country"] for row in COUNTERPARTS}
    agreements = defaultdict(set)
    for row in book_agreements.AGREEMENTS:
        for slug in row.get("counterparts", []):
            if country_of[slug]:
                agreements[country_of[slug]].add(row["code"])
    return {country: len(codes) for country, codes in agreements.items()}


def book_counterparts_by_country() -> dict[str, int]:
    counts = defaultdict(int)
    for row in COUNTERPARTS:
        if row["country"]:
            counts[row["country"]] += 1
    return dict(counts)


def figures(content: str) -> dict[str, int]:
    """The figures as shown, in order: link target → value."""
    found = re.findall(
        r'<li(?: class="[^"]*")?><a href="([^"]+)"><span class="figure__value">(\d+)</span>', content
    )
    return {html.unescape(url): int(value) for url, value in found}


def agreement_figure(content: str) -> dict[str, str]:
    """The agreements' figure as shown, in order: link target → its words."""
    start = content.index('<li class="figure--agreements">')
    block = content[start : content.index("</ul>", start)]
    return {
        html.unescape(url): " ".join(html.unescape(re.sub(r"<[^>]+>", " ", words)).split())
        for url, words in re.findall(r'<a href="([^"]+)">(.*?)</a>', block, re.S)
    }


def book_agreements_with(validity: str) -> int:
    """How many of the book's agreements have ``validity`` (the book gives none: "unknown")."""
    return sum(1 for row in book_agreements.AGREEMENTS if row.get("validity", Validity.UNKNOWN) == validity)


def map_countries(content: str) -> set[str]:
    return set(re.findall(r'<a href="/paises/([a-z]{2})/" aria-label="[^"]*" data-country="[A-Z]{2}">', content))


def map_country_labels(content: str) -> dict[str, str]:
    return {
        code: html.unescape(label)
        for label, code in re.findall(r'aria-label="([^"]*)" data-country="([A-Z]{2})"', content)
    }


def markers(content: str) -> list[tuple[str, str]]:
    """The map's markers as shown, in order: (link, accessible name)."""
    found = re.findall(r'<a href="([^"]+)" aria-label="([^"]*)"><circle class="marker[ "]', content)
    return [(url, html.unescape(label)) for url, label in found]


def book_places() -> dict[tuple, list[dict]]:
    """The book's counterparts with coordinates by country and cell of one
    degree, rounded half away from zero as both databases round."""
    places = defaultdict(list)
    for row in COUNTERPARTS:
        if row.get("latitude") is not None:
            cell = tuple(Decimal(row[axis]).quantize(Decimal(1), ROUND_HALF_UP) for axis in ("latitude", "longitude"))
            places[(row["country"], *cell)].append(row)
    return places


def table_rows(content: str) -> dict[str, tuple[int, int]]:
    table = content[content.index('id="tabla-paises"'):]
    table = table[: table.index("</table>")]
    rows = re.findall(
        r'<th scope="row"><a href="/paises/([a-z]{2})/">[^<]*</a></th>\s*'
        r'<td class="number">(\d+)</td>\s*<td class="number">(\d+)</td>',
        table,
    )
    return {code.upper(): (int(counterparts), int(agreements)) for code, counterparts, agreements in rows}


def latest(content: str, key: str) -> list[str]:
    section = content[content.index(f'id="recientes-{key}"'):]
    section = section[: section.index("</section>")]
    return [html.unescape(title) for title in re.findall(r'<br><a href="[^"]+" lang="es-MX">([^<]+)</a>', section)]


# --- Without the book (runs first, before the module loads the book) ---------------


def test_home_queries_with_three_records_are_the_fixed_count(client, django_assert_num_queries):
    assert not Counterpart.objects.exists(), "este test debe correr antes de cargar el libro"
    paris = factories.CounterpartFactory(published=True, name="París", country="FR", latitude="48.85660", longitude="2.35220")
    factories.AgreementFactory(published=True, counterparts=[paris], validity=Validity.IN_FORCE)
    factories.VisitFactory(published=True, counterparts=[paris])

    with django_assert_num_queries(HOME_QUERIES):
        response = client.get("/")

    assert agreement_figure(response.content.decode()) == {
        "/acuerdos/": "1 Acuerdo registrado",
        "/acuerdos/?validity=in_force": "1 vigente según la información registrada",
        "/acuerdos/?validity=unknown": "0 sin información de vigencia",
    }
    # A lone counterpart's marker: its page, under its name, as small as ever.
    assert markers(response.content.decode()) == [("/contrapartes/paris/", "París, Francia")]
    assert re.search(r'"París, Francia"><circle class="marker" cx="[\d.]+" cy="[\d.]+" r="3"/>', response.content.decode())


def test_counterparts_near_each_other_share_one_marker_to_their_country(client):
    # A draft there first: named to sort before the others, it would name the marker were it counted.
    draft = factories.CounterpartFactory(
        draft=True, name=f"Agencia {factories.LEAK_MARK}", country="FR", latitude="48.86000", longitude="2.34000"
    )
    for name, latitude, longitude in (
        ("París", "48.85660", "2.35220"), ("Saint-Denis", "48.93620", "2.35740"), ("Versalles", "48.80490", "2.12040"),
    ):
        factories.CounterpartFactory(published=True, name=name, country="FR", latitude=latitude, longitude=longitude)
    factories.CounterpartFactory(published=True, name="Lyon", country="FR", latitude="45.76400", longitude="4.83570")

    content = client.get("/").content.decode()

    assert sorted(markers(content)) == [
        ("/contrapartes/lyon/", "Lyon, Francia"),
        ("/paises/fr/", "Francia: 3 contrapartes, entre ellas París"),
    ]
    # Drawn a little bigger than a lone counterpart's (radius 3), with a class of its own.
    assert re.search(
        r'aria-label="Francia: 3 contrapartes, entre ellas París">'
        r'<circle class="marker marker--group" cx="[\d.]+" cy="[\d.]+" r="4"/>',
        content,
    )
    assert factories.LEAK_MARK not in content and draft.slug not in content


def test_counterparts_without_a_country_near_each_other_share_one_marker_to_the_list(client):
    for name in ("Oficina de Ginebra", "Agencia de Ginebra"):
        factories.CounterpartFactory(published=True, un_agency=True, name=name, latitude="46.20440", longitude="6.14320")

    content = client.get("/").content.decode()

    assert markers(content) == [("/contrapartes/", "2 contrapartes sin país, entre ellas Agencia de Ginebra")]


# --- With the book ----------------------------------------------------------

with_book = pytest.mark.usefixtures("book")


@with_book
def test_home_queries_with_the_book_are_the_same_fixed_count(client, django_assert_num_queries):
    factories.leak_bait()
    with django_assert_num_queries(HOME_QUERIES):
        client.get("/")


@with_book
def test_figures_equal_the_books_counts_and_ignore_unpublished_records(client):
    factories.leak_bait()

    shown = figures(client.get("/").content.decode())

    expected = {
        "/acuerdos/": len(book_agreements.AGREEMENTS),
        "/contrapartes/": len(COUNTERPARTS),
        "/paises/": len(BOOK_COUNTRIES),
        "/redes/": len({row["network"] for row in book_networks.MEMBERSHIPS}),
        "/redes/cargos/": len(book_networks.POSITIONS),
        "/visitas/": len(book_visits.VISITS),
        "/eventos/": len(book_events.EVENTS),
        "/premios/": len(book_awards.AWARDS),
    }
    assert shown == expected
    # The book's agreements change with its audit: their number is the data module's, above.
    assert {url: value for url, value in shown.items() if url != "/acuerdos/"} == {
        "/contrapartes/": 129,
        "/paises/": 35,
        "/redes/": 18,
        "/redes/cargos/": 11,
        "/visitas/": 41,
        "/eventos/": 33,
        "/premios/": 34,
    }


@with_book
def test_agreements_figure_gives_the_registered_beside_those_in_force_and_those_without_validity(
    client, django_assert_num_queries
):
    """The first figure is the agreements registered, never those in force alone:
    the book gives no agreement's validity, so its agreements are all "without
    validity information", and one agreement recorded in force counts as such."""
    factories.leak_bait()  # a draft and a withdrawn agreement in force
    factories.AgreementFactory(published=True, validity=Validity.IN_FORCE, title="Acuerdo vigente de prueba")
    factories.AgreementFactory(draft=True, validity=Validity.UNKNOWN, title=f"Acuerdo {factories.LEAK_MARK}")
    registered = len(book_agreements.AGREEMENTS) + 1
    without_validity = book_agreements_with(Validity.UNKNOWN)
    assert book_agreements_with(Validity.IN_FORCE) == 0 and without_validity == registered - 1
    assert Agreement.objects.published().count() == registered  # the draft is not published

    with django_assert_num_queries(HOME_QUERIES):
        content = client.get("/").content.decode()

    assert agreement_figure(content) == {
        "/acuerdos/": f"{registered} Acuerdos registrados",
        "/acuerdos/?validity=in_force": "1 vigente según la información registrada",
        "/acuerdos/?validity=unknown": f"{without_validity} sin información de vigencia",
    }
    assert next(iter(figures(content).items())) == ("/acuerdos/", registered)
    assert factories.LEAK_MARK not in content
    # Each figure opens the list of exactly those agreements.
    for url, count in (
        ("/acuerdos/", registered), ("/acuerdos/?validity=in_force", 1), ("/acuerdos/?validity=unknown", without_validity),
    ):
        assert client.get(url).context["result_count"] == count, url


@with_book
def test_agreements_figure_counts_ended_and_negotiated_agreements_as_registered_only(client):
    factories.AgreementFactory(published=True, validity=Validity.ENDED)
    factories.AgreementFactory(published=True, validity=Validity.NEGOTIATION)

    shown = agreement_figure(client.get("/").content.decode())

    assert shown["/acuerdos/"] == f"{len(book_agreements.AGREEMENTS) + 2} Acuerdos registrados"
    assert shown["/acuerdos/?validity=in_force"] == "0 vigentes según la información registrada"
    assert shown["/acuerdos/?validity=unknown"] == (
        f"{book_agreements_with(Validity.UNKNOWN)} sin información de vigencia"
    )


@with_book
def test_networks_count_those_with_a_published_membership(client):
    factories.leak_bait()  # a draft and a withdrawn membership of a published network
    member = factories.NetworkFactory(published=True)
    factories.MembershipFactory(network=member, published=True)
    factories.NetworkFactory(published=True)  # in the register, no membership
    draft_member = factories.NetworkFactory(published=True)
    factories.MembershipFactory(network=draft_member, draft=True)

    assert figures(client.get("/").content.decode())["/redes/"] == 18 + 1


@with_book
def test_map_highlights_exactly_the_countries_of_published_counterparts(client):
    factories.leak_bait()  # a draft counterpart in Iceland, a withdrawn one in New Zealand

    content = client.get("/").content.decode()

    assert {code.upper() for code in map_countries(content)} == BOOK_COUNTRIES
    assert BOOK_COUNTRIES == {
        "AR", "AU", "BE", "BR", "CA", "CN", "CO", "CR", "CU", "DE", "DK", "EC", "ES", "FI", "FR", "HN", "IE",
        "IT", "JP", "KR", "KW", "MX", "PA", "PE", "PL", "PT", "PY", "RU", "SG", "SK", "SV", "TR", "US", "UY", "VA",
    }
    assert "/paises/is/" not in content and "/paises/nz/" not in content


@with_book
def test_map_has_one_marker_per_place_of_published_counterparts_with_coordinates(client):
    bait = factories.leak_bait()

    shown = markers(client.get("/").content.decode())

    # Each of the book's counterparts with coordinates is in exactly one
    # marker: alone in its place, its own; else its place's, on its country.
    lone = [rows[0]["slug"] for rows in book_places().values() if len(rows) == 1]
    expected = [
        (counterpart.get_absolute_url(), str(counterpart)) for counterpart in Counterpart.objects.filter(slug__in=lone)
    ] + [
        (
            f"/paises/{country.lower()}/",
            f"{country_names.name(country)}: {len(rows)} contrapartes, entre ellas {min(row['name'] for row in rows)}",
        )
        for (country, *_), rows in book_places().items()
        if len(rows) > 1
    ]
    assert sorted(shown) == sorted(expected)
    assert len(shown) == 51 and sum(len(rows) for rows in book_places().values()) == len(BOOK_MARKER_SLUGS) == 55
    assert ("/contrapartes/valonia/", "Valonia, Bélgica") in shown
    # San Antonio de los Baños, at 82.5° W, is on a cell's edge: rounded away from Havana's.
    assert ("/contrapartes/san-antonio-de-los-banos/", "San Antonio de los Baños, Cuba") in shown
    assert sorted(marker for marker in shown if marker[0].startswith("/paises/")) == [
        ("/paises/ca/", "Canadá: 2 contrapartes, entre ellas Provincia de Quebec"),
        ("/paises/cu/", "Cuba: 2 contrapartes, entre ellas Cerro"),
        ("/paises/pa/", "Panamá: 2 contrapartes, entre ellas Panamá"),
        ("/paises/us/", "Estados Unidos: 2 contrapartes, entre ellas Boston"),
    ]
    bait_slugs = {record.slug for records in bait.values() for record in records if isinstance(record, Counterpart)}
    assert bait_slugs and not any(slug in url for slug in bait_slugs for url, _ in shown)
    assert not any(factories.LEAK_MARK in label for _, label in shown)


@with_book
def test_map_queries_and_markers_do_not_grow_with_counterparts_in_the_same_places(client, django_assert_num_queries):
    before = markers(client.get("/").content.decode())
    for counterpart in Counterpart.objects.filter(latitude__isnull=False):
        for _ in range(3):
            factories.CounterpartFactory(
                published=True, country=counterpart.country,
                latitude=counterpart.latitude, longitude=counterpart.longitude,
            )

    with django_assert_num_queries(HOME_QUERIES):
        content = client.get("/").content.decode()

    # Every place now has several counterparts: as many markers, each to its
    # country, or to the list for the places of counterparts without a country
    # (the U20 signatories whose country the book does not give).
    after = markers(content)
    assert len(after) == len(before) == 51
    assert sorted(url for url, _ in after) == sorted(
        f"/paises/{country.lower()}/" if country else "/contrapartes/" for country, *_ in book_places()
    )
    assert sum(1 for url, _ in after if url == "/contrapartes/") == 9
    assert ("/paises/cu/", "Cuba: 8 contrapartes, entre ellas Cerro") in after


@with_book
def test_map_names_each_country_with_its_counterparts(client):
    labels = map_country_labels(client.get("/").content.decode())

    assert labels["US"] == "Estados Unidos: 10 contrapartes"
    assert labels["DE"] == "Alemania: 1 contraparte"


@with_book
def test_small_countries_get_a_ring_on_the_map(client):
    content = client.get("/").content.decode()

    vatican = re.search(r'data-country="VA">(.*?)</a>', content).group(1)
    assert vatican.startswith('<circle class="land-ring"')


@with_book
def test_table_gives_counterparts_and_agreements_per_country_of_published_records(client):
    factories.leak_bait()

    rows = table_rows(client.get("/").content.decode())

    agreements = book_agreements_by_country()
    assert rows == {
        country: (counterparts, agreements.get(country, 0))
        for country, counterparts in book_counterparts_by_country().items()
    }
    # The United States' six: Chicago, Los Ángeles (two), Seattle, Virginia and the U20 declaration Chicago signed.
    assert rows["US"] == (10, 6)
    assert rows["CN"] == (5, 3)


@with_book
def test_table_lists_countries_in_alphabetical_order_of_their_name(client):
    content = client.get("/").content.decode()
    table = content[content.index('id="tabla-paises"'):]
    names = re.findall(r'<th scope="row"><a href="/paises/[a-z]{2}/">([^<]+)</a>', table)

    assert names[:4] == ["Alemania", "Argentina", "Australia", "Bélgica"]
    assert names[-3:] == ["Singapur", "Turquía", "Uruguay"]


@with_book
@pytest.mark.parametrize(
    ("key", "factory", "title_field"),
    [
        ("agreements", factories.AgreementFactory, "title"),
        ("visits", factories.VisitFactory, "title"),
        ("events", factories.EventFactory, "name"),
        ("awards", factories.AwardFactory, "title"),
    ],
)
def test_latest_lists_show_the_last_published_first(client, key, factory, title_field):
    factories.leak_bait()
    now = timezone.now()
    older = factory(published=True, published_at=now + datetime.timedelta(hours=1), **{title_field: "Registro anterior"})
    newer = factory(published=True, published_at=now + datetime.timedelta(hours=2), **{title_field: "Registro posterior"})
    factory(draft=True, published_at=now + datetime.timedelta(hours=3), **{title_field: "Registro Quimera sin publicar"})

    shown = latest(client.get("/").content.decode(), key)

    assert shown[:2] == [getattr(newer, title_field), getattr(older, title_field)]
    assert len(shown) == 5


@with_book
def test_latest_records_show_their_date_at_its_precision(client):
    factories.AgreementFactory(
        published=True, published_at=timezone.now() + datetime.timedelta(hours=1), title="Acuerdo de 2014",
        **factories.partial_date("signed_on", 2014),
    )
    content = client.get("/").content.decode()

    assert re.search(r'lang="es-MX">Acuerdo de 2014</a><br><span class="muted">2014</span>', content)


@with_book
def test_home_shows_no_unpublished_record(client):
    factories.leak_bait()

    content = client.get("/").content.decode()

    assert factories.LEAK_MARK not in content


@with_book
def test_home_in_english(client):
    content = client.get("/en/").content.decode()

    assert '<html lang="en">' in content
    assert "<h1>Mexico City’s international action</h1>" in content
    assert map_country_labels(content)["US"] == "United States of America: 10 counterparts"
    assert figures(content)["/en/contrapartes/"] == 129
    assert agreement_figure(content) == {
        "/en/acuerdos/": f"{len(book_agreements.AGREEMENTS)} Registered agreements",
        "/en/acuerdos/?validity=in_force": "0 in force according to the recorded information",
        "/en/acuerdos/?validity=unknown": f"{book_agreements_with(Validity.UNKNOWN)} with no validity information",
    }
    assert "Skip the map" in content


def test_world_geometry_has_every_country_the_portal_can_hold():
    """Every country can be drawn but Antarctica and the territories Natural Earth
    draws inside another country (France's overseas departments, Svalbard, Bonaire)
    or leaves out (Tuvalu, Tokelau, Gibraltar, a few islands): those are in the table only."""
    from django_countries import countries

    missing = {code for code, _ in countries} - set(worldmap.world()["countries"])
    assert missing == {"AQ", "BQ", "BV", "CC", "CX", "GF", "GI", "GP", "MQ", "RE", "SJ", "TK", "TV", "UM", "YT"}


def test_projection_places_known_points():
    top = worldmap.world()["top"]
    assert worldmap.project(0, 0, top=top) == (500.0, pytest.approx(top * worldmap.SCALE))
    x, _ = worldmap.project(180, 0, top=top)
    assert x == pytest.approx(worldmap.MAP_WIDTH)
