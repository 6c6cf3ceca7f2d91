"""The read-only API (/api/v1/) over the book's records: exact items, the
portal's filters, search, ordering, pagination without a count, languages,
errors in Spanish, throttling, CORS, and drafts that appear nowhere."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from agreements.models import Action, Agreement, AgreementKind
from sourcebook.records.agreements import CCE_GROUP_THEMES
from cdmx_global.models import Counterpart, GovernmentBody, PublicationStatus, Theme
from events.models import Award, Event, Visit
from networks.models import Membership, Network, Position
from opendata.collections import COLLECTIONS
from tests.support.factories import (
    LEAK_MARK,
    ActionFactory,
    AgreementFactory,
    AwardFactory,
    CommitmentFactory,
    CounterpartFactory,
    EventFactory,
    FrameworkFactory,
    GovernmentBodyFactory,
    HostedOfficeFactory,
    MembershipFactory,
    NetworkFactory,
    PositionFactory,
    SustainableDevelopmentGoalFactory,
    ThemeFactory,
    UserFactory,
    VisitFactory,
    VisitGuestFactory,
    leak_bait,
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

PUBLISHED = PublicationStatus.PUBLISHED
API = "/api/v1/"


def every_item(client, resource: str, params: dict | None = None, **headers) -> list[dict]:
    """Every item of a list, page after page (following ``next``)."""
    items, url, params = [], f"{API}{resource}/", {"page_size": 100, **(params or {})}
    while url:
        response = client.get(url, params, headers=headers)
        assert response.status_code == 200, response.content
        page = response.json()
        items += page["results"]
        url, params = page["next"], None
    return items


def identifiers(items: list[dict], resource: str) -> set:
    key = {"agreements": "code", "counterparts": "slug", "networks": "slug", "bodies": "slug", "themes": "slug"}
    return {item[key.get(resource, "id")] for item in items}


def published_parts(model) -> set[int]:
    """Memberships and positions show only within a published network."""
    return set(model.objects.filter(status=PUBLISHED, network__status=PUBLISHED).values_list("pk", flat=True))


#: Each collection's published identifiers, read straight from the models.
EXPECTED = {
    "agreements": lambda: set(Agreement.objects.filter(status=PUBLISHED).values_list("code", flat=True)),
    "actions": lambda: set(Action.objects.filter(status=PUBLISHED).values_list("pk", flat=True)),
    "counterparts": lambda: set(Counterpart.objects.filter(status=PUBLISHED).values_list("slug", flat=True)),
    "networks": lambda: set(Network.objects.filter(status=PUBLISHED).values_list("slug", flat=True)),
    "memberships": lambda: published_parts(Membership),
    "positions": lambda: published_parts(Position),
    "visits": lambda: set(Visit.objects.filter(status=PUBLISHED).values_list("pk", flat=True)),
    "events": lambda: set(Event.objects.filter(status=PUBLISHED).values_list("pk", flat=True)),
    "awards": lambda: set(Award.objects.filter(status=PUBLISHED).values_list("pk", flat=True)),
    "bodies": lambda: set(GovernmentBody.objects.filter(status=PUBLISHED).values_list("slug", flat=True)),
    "themes": lambda: set(Theme.objects.filter(status=PUBLISHED).values_list("slug", flat=True)),
}

#: What the book gives (sourcebook/records/*): the sizes the API must reach.
BOOK_SIZES = {
    "agreements": 65, "counterparts": 129, "networks": 18, "memberships": 18, "positions": 11,
    "visits": 41, "events": 33, "awards": 34,
}


def test_root_lists_every_resource(client):
    response = client.get(API)

    assert response.json() == {
        name: f"http://testserver{API}{name}/"
        for name in [
            "agreements", "actions", "counterparts", "networks", "memberships", "positions",
            "visits", "events", "awards", "bodies", "themes", "evaluations", "congress-evaluations", "reports", "changes",
        ]
    }


def test_agreement_item_is_the_book_record(client):
    agreement = Agreement.objects.get(code="cce-2013-chicago")

    response = client.get(f"{API}agreements/cce-2013-chicago/")

    theme_names = dict(Theme.objects.values_list("slug", "name"))
    themes = sorted(CCE_GROUP_THEMES["América del Norte"], key=lambda slug: theme_names[slug])
    assert response.json() == {
        "code": "cce-2013-chicago",
        "url": "http://testserver/api/v1/agreements/cce-2013-chicago/",
        "portal_url": "http://testserver/acuerdos/cce-2013-chicago/",
        "title": "Convenio de cooperación específica con Chicago (2013)",
        "kind": "specific_cooperation",
        "kind_display": "Cooperación específica",
        "purpose": "",
        "counterparts": [{
            "slug": "chicago", "name": "Chicago", "country": "US", "country_name": "Estados Unidos",
            "url": "http://testserver/api/v1/counterparts/chicago/",
        }],
        "signatories": "Jefe de Gobierno de la Ciudad de México y Coordinador General de Asuntos Internacionales",
        "other_bodies": [],
        "sre_opinion_on": None,
        "sre_opinion_number": "",
        "sre_opinion": "",
        "sre_opinion_display": "",
        "sre_registration_number": "",
        "signed_on": {"value": "2013", "precision": "year", "display": "2013"},
        "signed_place": "",
        "signed_period_note": "",
        "validity": "unknown",
        "validity_display": "Sin información de vigencia",
        "in_force_on": None,
        "valid_until": None,
        "is_indefinite": False,
        "ended_on": None,
        "end_reason": "",
        "end_reason_display": "",
        "renews": None,
        "renewed_by": [],
        "terms": "",
        "amount": None,
        "currency": "",
        "modifications": "",
        "signed_document": None,
        "description": (
            "El libro da los temas por grupo regional, no por convenio: estos son los de América del Norte. "
            "Vínculo inferido: en el texto del libro las dos listas de «Temas» siguen a la lista de América Latina; "
            "la primera se asigna a América del Norte y la segunda a América Latina."
        ),
        "themes": [
            {"slug": slug, "name": theme_names[slug], "url": f"http://testserver/api/v1/themes/{slug}/"}
            for slug in themes
        ],
        "sdgs": [],
        "frameworks": [],
        "signed_at_event": None,
        "commitments": [],
        "actions": [],
        "body": {
            "slug": "cgai", "name": "Coordinación General de Asuntos Internacionales", "acronym": "CGAI",
            "url": "http://testserver/api/v1/bodies/cgai/",
        },
        "source": {"citation": "CDMX Global (2018), cap. I §4.1", "excerpt": agreement.source_excerpt},
        "updated_at": timezone.localtime(agreement.updated_at).isoformat(),
    }
    assert "1 Chicago (2013)" in agreement.source_excerpt


def test_item_dates_are_the_records_last_update_in_local_time(client):
    agreement = AgreementFactory(published=True, code="fecha-local")

    item = client.get(f"{API}agreements/fecha-local/").json()

    assert item["updated_at"] == timezone.localtime(agreement.updated_at).isoformat()


def test_english_request_gets_english_labels_and_english_portal_addresses(client):
    response = client.get(f"{API}agreements/cce-2013-chicago/", headers={"accept-language": "en"})
    item = response.json()

    assert response.headers["Content-Language"] == "en"
    assert "Accept-Language" in response.headers["Vary"]
    assert item["portal_url"] == "http://testserver/en/acuerdos/cce-2013-chicago/"
    assert item["kind_display"] == "Specific cooperation"
    assert item["validity_display"] == "No validity information"
    assert item["counterparts"][0]["country_name"] == "United States of America"
    # The book's reviewed English title, with the Spanish original beside it.
    assert (item["title"], item["title_es"], item["title_language"]) == (
        "Specific cooperation agreement with Chicago (2013)", "Convenio de cooperación específica con Chicago (2013)", "en",
    )


def test_spanish_is_the_default_language(client):
    response = client.get(f"{API}agreements/cce-2013-chicago/", headers={"accept-language": "de"})

    assert response.headers["Content-Language"] == "es-mx"
    assert response.json()["kind_display"] == "Cooperación específica"


@pytest.mark.parametrize(
    ("dates", "value", "precision", "display"),
    [
        (partial_date("signed_on", 2014), "2014", "year", "2014"),
        (partial_date("signed_on", 2014, 11), "2014-11", "month", "noviembre de 2014"),
        (partial_date("signed_on", 2010, 11, 21), "2010-11-21", "day", "21 de noviembre de 2010"),
    ],
)
def test_partial_dates_keep_the_precision_of_the_source(client, dates, value, precision, display):
    AgreementFactory(published=True, code="fecha-parcial", **dates)

    item = client.get(f"{API}agreements/fecha-parcial/").json()

    assert item["signed_on"] == {"value": value, "precision": precision, "display": display}


@pytest.mark.parametrize("resource", list(EXPECTED))
def test_each_list_holds_exactly_the_published_records(client, resource):
    leak_bait()

    items = every_item(client, resource)

    assert identifiers(items, resource) == EXPECTED[resource]()
    assert len(items) == len(identifiers(items, resource))
    if resource in BOOK_SIZES:
        assert len(items) == BOOK_SIZES[resource]


@pytest.mark.parametrize("resource", list(EXPECTED))
def test_drafts_and_withdrawn_records_show_in_no_list_item_search_or_link(client, resource):
    bait = leak_bait()

    for params in ({}, {"q": LEAK_MARK}, {"q": "Quimera borrador"}):
        response = client.get(f"{API}{resource}/", {"page_size": 100, **params})
        assert LEAK_MARK not in response.text
    for item in every_item(client, resource):
        assert LEAK_MARK not in client.get(item["url"]).text
    assert client.get(f"{API}{resource}/", {"q": LEAK_MARK}).json()["results"] == []
    collection = COLLECTIONS[resource]
    for record in bait["draft"] + bait["withdrawn"]:
        if isinstance(record, collection.model):
            lookup = getattr(record, collection.lookup_field)
            response = client.get(f"{API}{resource}/{lookup}/")
            assert response.status_code == 404
            assert response.json() == {"detail": "No hay un registro publicado con ese identificador."}


def test_a_staff_session_sees_no_draft_through_the_api(client):
    leak_bait()
    client.force_login(UserFactory(superuser=True))

    response = client.get(f"{API}agreements/", {"page_size": 100, "q": LEAK_MARK})

    assert response.json()["results"] == []


@pytest.mark.parametrize(
    ("resource", "params", "expected"),
    [
        ("agreements", {"kind": "twinning"}, lambda: set(
            Agreement.objects.filter(status=PUBLISHED, kind=AgreementKind.TWINNING).values_list("code", flat=True)
        )),
        ("agreements", {"kind": "specific_cooperation", "year": "2016"}, lambda: {
            "cce-2016-seattle", "cce-2016-montreal", "cce-2016-montevideo", "cce-2016-moscu",
        }),
        # The U20 declaration names Chicago among its signatory cities.
        ("agreements", {"q": "chicago"}, lambda: {"cce-2013-chicago", "declaracion-u20"}),
        ("visits", {"country": "US", "direction": "incoming"}, lambda: {
            "Visita de Eric Garcetti, Alcalde de Los Ángeles",
            "Visita de Rahm Emanuel, Alcalde de Chicago",
            "Visita de Patrick Quinn, Gobernador del Estado de Illinois",
        }),
        ("events", {"country": "FR"}, lambda: {
            "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)",
            "Cumbre Mundial sobre Acción Climática Local",
        }),
        ("actions", {"country": "JP"}, lambda: set(Action.objects.filter(status=PUBLISHED, title__in=[
            "Alas de la Ciudad de México en Nagoya",
            "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
            "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
        ]).values_list("pk", flat=True))),
        ("awards", {"direction": "granted"}, lambda: {"Premio Internacional CGLU-Ciudad de México-Cultura 21"}),
        # Granted by two counterparts in China: listed once.
        ("awards", {"country": "CN"}, lambda: {"Premio Internacional de Guangzhou"}),
        ("awards", {"category": "sustainable_development", "year": "2013"}, lambda: {
            "Premio Ciclociudades",
            "Premio Internacional Ambiental del Grupo de Liderazgo Climático C40",
            "Premio al Transporte Sustentable",
        }),
        ("positions", {"network": "ucci"}, lambda: {
            "Presidencia de los Comités Sectoriales",
            "Presidencia del Comité Sectorial de Políticas Sociales y de Turismo",
            "Vicepresidencia Temática de Desarrollo Económico",
        }),
        ("positions", {"year": "2016"}, lambda: {
            "Miembro del Comité Directivo en representación de América Latina",
            "Vicepresidencia Temática de Desarrollo Económico",
        }),
        # The one membership the book gives a start for («miembro fundador de 100 Ciudades Resilientes en 2013»).
        ("memberships", {"year": "2013"}, lambda: {"100-ciudades-resilientes"}),
        ("networks", {"year": "2013"}, lambda: {"100-ciudades-resilientes"}),
        ("counterparts", {"un_system": "true"}, lambda: set(
            Counterpart.objects.filter(status=PUBLISHED, is_un_system=True).values_list("slug", flat=True)
        )),
        ("themes", {"q": "agua"}, lambda: {"agua"}),
        # AL-LAs «Nació en 2012»: the network's birth, not when the city joined; no membership starts then.
        ("memberships", {"year": "2012"}, lambda: set()),
    ],
)
def test_filters_return_exactly_the_matching_records(client, resource, params, expected):
    leak_bait()

    items = every_item(client, resource, params)

    if resource in {"visits", "events", "awards"}:
        found = {item.get("title") or item.get("name") for item in items}
    elif resource == "positions":
        found = {item["title"] for item in items}
    elif resource == "memberships":
        found = {item["network"]["slug"] for item in items}
    else:
        found = identifiers(items, resource)
    assert found == expected()


def test_country_filters_of_actions_and_awards_ignore_draft_counterparts(client):
    # The bait's drafts name Barcelona; published records name only a draft counterpart in Japan.
    leak_bait()
    draft_japanese = CounterpartFactory(draft=True, country="JP", name=f"Ciudad {LEAK_MARK} de Japón")
    ActionFactory(published=True, title="Acción con una contraparte en borrador", counterparts=[draft_japanese])
    AwardFactory(published=True, title="Premio de un otorgante en borrador", granted_by=[draft_japanese])

    assert [item["title"] for item in every_item(client, "actions", {"country": "JP"})] == [
        "Alas de la Ciudad de México en Nagoya",
        "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México",
        "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec",
    ]
    assert [item["title"] for item in every_item(client, "actions", {"country": "ES"})] == [
        "Alas de la Ciudad de México en Madrid",
    ]
    assert every_item(client, "awards", {"country": "JP"}) == []
    assert every_item(client, "awards", {"country": "ES"}) == []
    response = client.get(f"{API}awards/", {"country": "XX"})
    assert response.status_code == 400
    assert response.json() == {"country": ["Seleccione una opción válida. XX no es una de las opciones disponibles."]}


def test_search_ignores_accents_and_case_like_the_portal(client):
    results = [
        identifiers(every_item(client, "agreements", {"q": query}), "agreements")
        for query in ("moscú", "MOSCU", "Moscu")
    ]

    assert results[0] == results[1] == results[2] == {"cce-2014-moscu", "cce-2016-moscu"}


def test_ordering_by_signature_puts_records_without_a_date_last(client):
    items = every_item(client, "agreements", {"ordering": "signed_on"})
    dates = [item["signed_on"]["value"] if item["signed_on"] else None for item in items]
    known = [date for date in dates if date is not None]

    assert known == sorted(known)
    assert dates == known + [None] * (len(dates) - len(known))
    descending = every_item(client, "agreements", {"ordering": "-signed_on"})
    assert [item["signed_on"]["value"] for item in descending[: len(known)]] == sorted(known, reverse=True)


def test_pages_follow_each_other_without_overlap(client):
    first = client.get(f"{API}agreements/", {"page_size": 25}).json()
    second = client.get(first["next"]).json()

    assert len(first["results"]) == len(second["results"]) == 25
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/v1/agreements/?page=2&page_size=25"
    assert second["previous"] == "http://testserver/api/v1/agreements/?page_size=25"
    third = client.get(second["next"]).json()
    assert third["next"] is None
    codes = [item["code"] for page in (first, second, third) for item in page["results"]]
    assert len(codes) == len(set(codes)) == BOOK_SIZES["agreements"]


def test_a_page_past_the_end_is_empty(client):
    assert client.get(f"{API}agreements/", {"page": 50}).json() == {
        "next": None,
        "previous": "http://testserver/api/v1/agreements/?page=49",
        "results": [],
    }


def test_a_list_never_counts_its_table(client):
    with CaptureQueriesContext(connection) as queries:
        client.get(f"{API}agreements/", {"kind": "twinning"})

    assert not any("COUNT(" in query["sql"].upper() for query in queries)


def _linked(resource: str, count: int) -> dict:
    """``count`` published records of ``resource``, each with every relation
    its item shows, and the query parameters that select exactly them."""
    body, other_body = GovernmentBodyFactory(published=True), GovernmentBodyFactory(published=True)
    theme = ThemeFactory(published=True)
    sdg = SustainableDevelopmentGoalFactory(published=True)
    framework = FrameworkFactory(published=True)
    for _ in range(count):
        counterpart = CounterpartFactory(published=True, country="FJ" if count < 10 else "TO")
        event = EventFactory(published=True)
        common = {"published": True, "body": body}
        if resource in ("agreements", "actions"):
            earlier = AgreementFactory(published=True)
            agreement = AgreementFactory(
                **common, counterparts=[counterpart], other_bodies=[other_body], themes=[theme], sdgs=[sdg],
                frameworks=[framework], renews=earlier, signed_at_event=event,
            )
            AgreementFactory(published=True, renews=agreement)
            CommitmentFactory(agreement=agreement, body=GovernmentBodyFactory())
            ActionFactory(
                **common, agreement=agreement, counterparts=[counterpart], themes=[theme], sdgs=[sdg],
                frameworks=[framework],
            )
        elif resource == "counterparts":
            AgreementFactory(published=True, counterparts=[counterpart])
            ActionFactory(published=True, counterparts=[counterpart])
            VisitFactory(published=True, counterparts=[counterpart])
            EventFactory(published=True, organisers=[counterpart])
            AwardFactory(published=True, granted_by=[counterpart])
            NetworkFactory(published=True, convened_by=counterpart)
        elif resource == "networks":
            network = NetworkFactory(**common, convened_by=counterpart, themes=[theme], sdgs=[sdg])
            MembershipFactory(published=True, network=network)
            PositionFactory(published=True, network=network)
            HostedOfficeFactory(published=True, network=network, host_body=other_body)
        elif resource == "memberships":
            MembershipFactory(**common, network=NetworkFactory(published=True))
        elif resource == "positions":
            PositionFactory(**common, network=NetworkFactory(published=True))
        elif resource == "visits":
            visit = VisitFactory(**common, incoming=True, counterparts=[counterpart], themes=[theme], event=event)
            VisitGuestFactory(visit=visit, counterpart=counterpart)
        elif resource == "events":
            parent = EventFactory(
                **common, parent=event, organisers=[counterpart], themes=[theme], sdgs=[sdg], frameworks=[framework]
            )
            EventFactory(published=True, parent=parent)
            VisitFactory(published=True, event=parent)
            AgreementFactory(published=True, signed_at_event=parent)
        elif resource == "awards":
            AwardFactory(**common, granted_by=[counterpart], themes=[theme], sdgs=[sdg])
    if resource == "counterparts":
        return {"country": "FJ" if count < 10 else "TO"}
    return {"body": body.slug}


@pytest.mark.parametrize("resource", [*EXPECTED, "reports"])
def test_list_queries_do_not_grow_with_the_rows(client, resource):
    def count(params: dict) -> int:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{API}{resource}/", {"page_size": 100, **params})
        assert response.status_code == 200
        return len(queries), len(response.json()["results"])

    if resource in {"bodies", "themes", "reports"}:
        assert count({"page_size": 2})[0] == count({})[0]
        return
    few, many = _linked(resource, 2), _linked(resource, 20)

    assert count(few)[1] == 2
    assert count(many) == (count(few)[0], 20)


@pytest.mark.parametrize(
    ("params", "errors"),
    [
        ({"year": "abc"}, {"year": ["Escriba el año con cuatro cifras, p. ej. 2016."]}),
        ({"kind": "tratado"}, {"kind": ["Seleccione una opción válida. tratado no es una de las opciones disponibles."]}),
        ({"ordering": "color"}, {"ordering": [
            "No se puede ordenar por «color». Elija entre: signed_on, title, updated_at."
        ]}),
        ({"page": "0"}, {"page": ["Escriba un número entero entre 1 y 100000."]}),
        ({"page_size": "500"}, {"page_size": ["Escriba un número entero entre 1 y 100."]}),
        ({"q": "a" * 201}, {"q": ["Escriba una búsqueda de 200 caracteres como máximo."]}),
    ],
)
def test_invalid_parameters_are_refused_in_spanish(client, params, errors):
    response = client.get(f"{API}agreements/", params)

    assert response.status_code == 400
    assert response.json() == errors


def test_the_api_is_read_only(client):
    response = client.post(f"{API}agreements/", {"title": "x"}, content_type="application/json")

    assert response.status_code == 405
    assert response.json() == {"detail": 'Método "POST" no permitido.'}
    assert Agreement.objects.filter(title="x").count() == 0


def test_anonymous_clients_are_throttled_with_retry_after(client, settings):
    settings.API_THROTTLE_RATES = {"anon": "3/minute", "downloads": None}
    cache.clear()

    statuses = [client.get(f"{API}themes/").status_code for _ in range(4)]
    response = client.get(f"{API}themes/")

    assert statuses == [200, 200, 200, 429]
    assert response.status_code == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert response.json()["detail"].startswith("Solicitud fue regulada")
    cache.clear()


def test_cross_origin_reads_are_allowed_and_nothing_else(client):
    response = client.get(f"{API}themes/", headers={"origin": "https://datos.example.org"})
    preflight = client.options(
        f"{API}themes/",
        headers={"origin": "https://datos.example.org", "access-control-request-method": "GET"},
    )

    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response.headers
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    portal = client.get("/acuerdos/", headers={"origin": "https://datos.example.org"})
    assert "Access-Control-Allow-Origin" not in portal.headers


def test_reports_are_empty_until_the_first_one_is_published(client):
    assert client.get(f"{API}reports/").json() == {"next": None, "previous": None, "results": []}
    assert client.get(f"{API}reports/1/").status_code == 404


def test_network_item_links_its_published_parts_only(client):
    leak_bait()

    item = client.get(f"{API}networks/ucci/").json()

    assert {position["title"] for position in item["positions"]} == {
        "Presidencia de los Comités Sectoriales",
        "Presidencia del Comité Sectorial de Políticas Sociales y de Turismo",
        "Vicepresidencia Temática de Desarrollo Económico",
    }
    for link in item["positions"] + item["memberships"]:
        assert client.get(link["url"]).json()["network"]["slug"] == "ucci"


def test_event_and_visit_items_link_each_other(client):
    event = EventFactory(published=True, name="Foro de prueba", **partial_date("start_on", 2016, 5))
    visit = VisitFactory(published=True, title="Gira de prueba", event=event)
    VisitFactory(draft=True, title=f"Gira {LEAK_MARK}", event=event)

    event_item = client.get(f"{API}events/{event.pk}/").json()
    visit_item = client.get(f"{API}visits/{visit.pk}/").json()

    assert event_item["visits"] == [
        {"id": visit.pk, "title": "Gira de prueba", "url": f"http://testserver/api/v1/visits/{visit.pk}/"}
    ]
    assert event_item["start_on"] == {"value": "2016-05", "precision": "month", "display": "mayo de 2016"}
    assert visit_item["event"] == {
        "id": event.pk, "name": "Foro de prueba", "url": f"http://testserver/api/v1/events/{event.pk}/"
    }
