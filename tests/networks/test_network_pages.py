"""The networks list, a network's page and the list of positions held."""

from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cdmx_global.models import Theme
from networks.models import Network, Position
from tests.support.factories import (
    LEAK_MARK,
    CounterpartFactory,
    GovernmentBodyFactory,
    HostedOfficeFactory,
    MembershipFactory,
    NetworkFactory,
    PositionFactory,
    ThemeFactory,
    leak_bait,
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

NETWORKS = reverse("networks:list")
POSITIONS = reverse("networks:position_list")


def names(response) -> set[str]:
    return {network.name for network in response.context["object_list"]}


def titles(response) -> set[str]:
    return {position.title for position in response.context["object_list"]}


def query_count(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return len(queries)


def facet(response, name: str) -> dict[str, int]:
    """The options of one facet on the page, as {value: count}."""
    [found] = [facet for facet in response.context["facets"] if facet.name == name]
    return {option.value: option.count for option in found.options}


def test_network_list_without_filters_shows_every_published_network(client):
    response = client.get(NETWORKS)

    assert response.context["result_count"] == Network.objects.published().count() == 18
    assert names(response) == set(Network.objects.published().values_list("name", flat=True))
    assert "18 registros" in response.text


def test_position_list_without_filters_shows_every_published_position(client):
    response = client.get(POSITIONS)

    assert response.context["result_count"] == Position.objects.published().count() == 11
    assert "11 registros" in response.text


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"theme": "innovacion"}, {
            "Red de Ciudades Creativas de la UNESCO",
            "World e-Governments Organization of Cities and Local Governments",
        }),
        ({"scope": "global"}, {
            "Asociación Mundial de las Grandes Metrópolis", "Ciudades y Gobiernos Locales Unidos", "Urban 20",
        }),
        ({"year": "2013"}, {"100 Ciudades Resilientes"}),
        ({"scope": "thematic", "theme": "desarrollo-urbano"}, {
            "100 Ciudades Resilientes", "Fondo Mundial para el Desarrollo de las Ciudades",
        }),
        ({"scope": "regional", "theme": "innovacion"}, set()),
    ],
)
def test_network_list_filter_returns_exactly_the_matching_networks(client, query, expected):
    response = client.get(NETWORKS, query)

    assert names(response) == expected
    assert response.context["result_count"] == len(expected)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"network": "ucci"}, {
            "Presidencia de los Comités Sectoriales",
            "Presidencia del Comité Sectorial de Políticas Sociales y de Turismo",
            "Vicepresidencia Temática de Desarrollo Económico",
        }),
        ({"year": "2014"}, {"Presidencia del Comité Sectorial de Políticas Sociales y de Turismo"}),
        ({"network": "ucci", "year": "2016"}, {"Vicepresidencia Temática de Desarrollo Económico"}),
        ({"network": "c40", "body": "cgai"}, {"Miembro del Comité Directivo en representación de América Latina"}),
    ],
)
def test_position_list_filter_returns_exactly_the_matching_positions(client, query, expected):
    assert titles(client.get(POSITIONS, query)) == expected


def test_network_facets_count_published_networks_per_option(client):
    published = Network.objects.published()
    theme_counts = Counter(
        slug for network in published for slug in network.themes.published().values_list("slug", flat=True)
    )
    year_counts = Counter(
        str(year) for network in published
        for year in {m.start_on.year for m in network.memberships.published() if m.start_on}
    )

    response = client.get(NETWORKS)

    assert facet(response, "theme") == dict(theme_counts)
    assert facet(response, "scope") == {"thematic": 13, "global": 3, "regional": 2}
    assert facet(response, "year") == dict(year_counts) == {"2013": 1}
    assert facet(response, "body") == {"cgai": 18}


def test_network_facets_apply_the_other_filters(client):
    response = client.get(NETWORKS, {"scope": "global"})

    assert facet(response, "scope") == {"thematic": 13, "global": 3, "regional": 2}
    assert facet(response, "theme") == {}


def test_position_facets_count_positions_per_network(client):
    response = client.get(POSITIONS)

    assert facet(response, "network") == {
        "alcaldes-por-la-paz": 1, "al-las": 1, "metropolis": 1, "cglu": 3, "c40": 1, "ucci": 3, "wego": 1,
    }
    assert facet(response, "year") == {"2012": 1, "2014": 1, "2016": 2}


def test_network_year_lists_and_counts_a_network_once_for_two_memberships_that_year(client):
    network = NetworkFactory(published=True, name="Red de prueba con dos ingresos")
    MembershipFactory(network=network, published=True, body=network.body, **partial_date("start_on", 2015))
    MembershipFactory(network=network, published=True, body=network.body, **partial_date("start_on", 2015, 6))

    response = client.get(NETWORKS, {"year": "2015"})

    assert [n.name for n in response.context["object_list"]] == ["Red de prueba con dos ingresos"]
    assert facet(response, "year")["2015"] == 1


@pytest.mark.parametrize("url", [NETWORKS, POSITIONS])
def test_list_with_invalid_year_shows_a_spanish_error(client, url):
    response = client.get(url, {"year": "abc"})

    assert response.status_code == 200
    assert "Escriba el año con cuatro cifras, p. ej. 2016." in response.text
    assert response.context["result_count"] == 0


def test_network_detail_shows_sections_with_anchors_periods_and_sources(client):
    network = Network.objects.get(slug="ucci")
    positions = list(Position.objects.filter(network=network))

    response = client.get(network.get_absolute_url())

    text = response.text
    for heading in ("Membresías", "Cargos de dirección", "Oficinas albergadas"):
        assert f">{heading}</h2>" in text
    for position in positions:
        assert f'id="{position.anchor}"' in text
        assert position.get_absolute_url() == f"/redes/ucci/#cargo-{position.pk}"
    assert "Periodo: 2012–2014" in text
    assert "Periodo: 2014–2016" in text
    assert 'Fuente: <span lang="es">CDMX Global (2018)' in text
    assert 'aria-current="page">Unión de Ciudades Capitales Iberoamericanas</span>' in text


def test_network_detail_links_a_published_convener(client):
    response = client.get(reverse("networks:detail", kwargs={"slug": "100-ciudades-resilientes"}))

    assert '<a href="/contrapartes/fundacion-rockefeller/">Fundación Rockefeller</a>' in response.text
    assert "Periodo: 2013" in response.text


def test_unpublished_records_appear_on_no_network_page_or_count(client):
    bait = leak_bait()
    host = Network.objects.published().first()
    draft_convener = CounterpartFactory(draft=True, name=f"Fundación {LEAK_MARK}")
    convened = NetworkFactory(published=True, name="Red con convocante en borrador", convened_by=draft_convener)
    draft_theme = ThemeFactory(draft=True, name=f"Tema {LEAK_MARK}")
    convened.themes.add(draft_theme)

    pages = [
        client.get(NETWORKS),
        client.get(POSITIONS),
        client.get(host.get_absolute_url()),
        client.get(convened.get_absolute_url()),
        client.get(NETWORKS, {"year": "2013"}),
    ]

    for response in pages:
        assert response.status_code == 200
        assert LEAK_MARK not in response.text
    assert pages[0].context["result_count"] == Network.objects.published().count() == 19
    assert pages[1].context["result_count"] == Position.objects.published().count() == 11
    listed_host = next(n for n in pages[0].context["object_list"] if n.pk == host.pk)
    assert len(listed_host.public_positions) == host.positions.published().count()
    assert facet(pages[0], "year") == {"2013": 1}
    assert draft_theme.slug not in facet(pages[0], "theme")
    for records in bait.values():
        for record in records:
            if isinstance(record, Network):
                assert client.get(record.get_absolute_url()).status_code == 404


def test_published_position_of_an_unpublished_network_is_not_listed(client):
    network = NetworkFactory(draft=True, name=f"Red {LEAK_MARK} sin publicar")
    PositionFactory(network=network, published=True, title=f"Cargo en red {LEAK_MARK}")

    response = client.get(POSITIONS)

    assert LEAK_MARK not in response.text
    assert response.context["result_count"] == 11


def test_network_detail_of_a_draft_network_is_not_found(client):
    network = NetworkFactory(draft=True)

    assert client.get(network.get_absolute_url()).status_code == 404


def _networks_with_parts(body, count: int) -> None:
    theme = Theme.objects.published().first()
    for _ in range(count):
        network = NetworkFactory(published=True, body=body, themes=[theme], convened_by=CounterpartFactory(published=True))
        MembershipFactory(network=network, published=True, body=body)
        PositionFactory(network=network, published=True, body=body)


@pytest.mark.parametrize("url", [NETWORKS, POSITIONS])
def test_list_queries_do_not_grow_with_rows(client, django_assert_num_queries, url):
    few, many = GovernmentBodyFactory(), GovernmentBodyFactory()
    _networks_with_parts(few, 2)
    _networks_with_parts(many, 20)
    client.get(url, {"body": few.slug})

    with django_assert_num_queries(query_count(client, url, {"body": few.slug})):
        response = client.get(url, {"body": many.slug})

    assert response.context["result_count"] == 20


def test_network_detail_queries_do_not_grow_with_parts(client, django_assert_num_queries):
    few = NetworkFactory(published=True, themes=ThemeFactory.create_batch(1))
    many = NetworkFactory(published=True, themes=ThemeFactory.create_batch(8))
    for network, count in ((few, 1), (many, 10)):
        for _ in range(count):
            MembershipFactory(network=network, published=True)
            PositionFactory(network=network, published=True)
            HostedOfficeFactory(network=network, published=True, host_body=GovernmentBodyFactory())
    client.get(few.get_absolute_url())

    with django_assert_num_queries(query_count(client, few.get_absolute_url())):
        response = client.get(many.get_absolute_url())

    assert len(response.context["network"].public_positions) == 10
    assert len(response.context["network"].public_offices) == 10


@pytest.mark.parametrize(
    ("url", "label"),
    [
        ("/en/redes/", "City networks"),
        ("/en/redes/", "Scope"),
        ("/en/redes/cargos/", "Leadership positions in networks"),
        ("/en/redes/ucci/", "Leadership positions"),
        ("/en/redes/ucci/", "Memberships"),
    ],
)
def test_network_pages_in_english_show_english_labels(client, url, label):
    assert label in client.get(url).text
