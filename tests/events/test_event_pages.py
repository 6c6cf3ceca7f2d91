"""The pages of events, visits and awards: lists, filters, facets, details."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cdmx_global.models import Theme
from cdmx_global.regions import REGION_BY_COUNTRY
from events.models import Award, Event, Visit
from tests.support.factories import (
    LEAK_MARK,
    AgreementFactory,
    AwardFactory,
    CounterpartFactory,
    EventFactory,
    GovernmentBodyFactory,
    VisitFactory,
    VisitGuestFactory,
    leak_bait,
    partial_date,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

EVENTS = reverse("events:event_list")
VISITS = reverse("events:visit_list")
AWARDS = reverse("events:award_list")


def shown(response) -> set[str]:
    return {str(record) for record in response.context["object_list"]}


def facet(response, name: str) -> dict[str, int]:
    [found] = [facet for facet in response.context["facets"] if facet.name == name]
    return {option.value: option.count for option in found.options}


def query_count(client, url: str, params: dict | None = None) -> int:
    with CaptureQueriesContext(connection) as queries:
        client.get(url, params)
    return len(queries)


@pytest.mark.parametrize(
    ("url", "model", "book_count"),
    [(EVENTS, Event, 33), (VISITS, Visit, 41), (AWARDS, Award, 34)],
)
def test_list_without_filters_shows_every_published_record(client, url, model, book_count):
    response = client.get(url)

    assert response.context["result_count"] == model.objects.published().count() == book_count
    assert f"{book_count} registros" in response.text


@pytest.mark.parametrize(
    ("url", "query", "expected"),
    [
        (EVENTS, {"country": "FR"}, {
            "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)",
            "Cumbre Mundial sobre Acción Climática Local",
        }),
        (EVENTS, {"region": "north_america"}, {
            "2017 MX LA: mes de la Ciudad de México en Los Ángeles",
            "Reunión de Alto Nivel sobre Cambio Climático de la ONU, 72 Asamblea General",
            # Hábitat III's preparatory meetings in Montreal and at the UN in New York.
            "Conferencia temática sobre áreas metropolitanas",
            "Reuniones de consulta convocadas en la sede de la ONU en Nueva York",
        }),
        # Hábitat III and the meetings of its process the city attended (Quito, Toluca, Montreal, New York).
        (EVENTS, {"mode": "attended", "theme": "desarrollo-urbano"}, {
            "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III",
            "Asamblea Mundial de Líderes Locales y Regionales",
            "Conferencia regional para América Latina",
            "Conferencia temática sobre áreas metropolitanas",
            "Reuniones de consulta convocadas en la sede de la ONU en Nueva York",
        }),
        (EVENTS, {"mode": "hosted", "region": "europe"}, set()),
        (VISITS, {"region": "oceania"}, {"Visita de Peter Cosgrove, Gobernador General de la Mancomunidad de Australia"}),
        (VISITS, {"direction": "outgoing", "region": "europe"}, {
            "Gira oficial del Jefe de Gobierno a Moscú", "Gira oficial del Jefe de Gobierno a París",
        }),
        (VISITS, {"country": "US", "direction": "incoming"}, {
            "Visita de Eric Garcetti, Alcalde de Los Ángeles",
            "Visita de Rahm Emanuel, Alcalde de Chicago",
            "Visita de Patrick Quinn, Gobernador del Estado de Illinois",
        }),
        (AWARDS, {"direction": "granted"}, {"Premio Internacional CGLU-Ciudad de México-Cultura 21"}),
        (AWARDS, {"category": "sustainable_development", "year": "2013"}, {
            "Premio Ciclociudades",
            "Premio Internacional Ambiental del Grupo de Liderazgo Climático C40",
            "Premio al Transporte Sustentable",
        }),
        # Granted by two counterparts in China: listed once.
        (AWARDS, {"country": "CN"}, {"Premio Internacional de Guangzhou"}),
        (AWARDS, {"country": "BR", "direction": "received"}, {
            "Reconocimiento a las políticas orientadas al tratamiento de la obesidad",
        }),
    ],
)
def test_list_filter_returns_exactly_the_matching_records(client, url, query, expected):
    response = client.get(url, query)

    assert shown(response) == expected
    assert response.context["result_count"] == len(expected)


def test_event_region_facet_folds_countries_into_regions(client):
    expected = Counter(
        REGION_BY_COUNTRY[event.country.code] for event in Event.objects.published() if event.country
    )

    response = client.get(EVENTS)

    assert facet(response, "region") == dict(expected) == {
        "latin_america": 24, "north_america": 4, "europe": 3, "asia": 1, "africa": 1,
    }


def test_event_region_facet_applies_the_other_filters(client):
    response = client.get(EVENTS, {"mode": "attended"})

    assert facet(response, "region") == {"latin_america": 5, "north_america": 4, "europe": 3, "asia": 1, "africa": 1}
    assert facet(response, "mode") == {"hosted": 19, "attended": 14}


def test_visit_region_and_country_facets_count_visits_by_published_counterparts(client):
    regions: Counter = Counter()
    countries: Counter = Counter()
    for visit in Visit.objects.published():
        published = visit.counterparts.published()
        regions.update({c.region for c in published if c.region})
        countries.update({c.country.code for c in published if c.country})

    response = client.get(VISITS)

    assert facet(response, "region") == dict(regions)
    assert facet(response, "region") == {
        "europe": 15, "north_america": 11, "latin_america": 9, "asia": 2, "oceania": 1,
    }
    assert facet(response, "country") == dict(countries)
    assert facet(response, "direction") == {"incoming": 26, "outgoing": 15}


def test_award_facets_count_awards_per_option(client):
    response = client.get(AWARDS, {"direction": "received"})

    assert facet(response, "category") == {
        "sustainable_development": 9, "health": 6, "tourism": 6, "quality_of_life": 5,
        "urban_innovation": 4, "governance_innovation": 3,
    }
    assert facet(response, "year") == dict(Counter(
        str(award.awarded_on.year) for award in Award.objects.published().filter(direction="received")
    ))


def test_award_country_is_that_of_its_published_grantors(client):
    # The bait's draft award names Barcelona; a published award names only a draft Chinese grantor.
    leak_bait()
    draft_grantor = CounterpartFactory(draft=True, country="CN", name=f"Fundación {LEAK_MARK}")
    AwardFactory(published=True, title="Premio de un otorgante en borrador", granted_by=[draft_grantor])
    countries: Counter = Counter()
    for award in Award.objects.published().prefetch_related("granted_by"):
        countries.update({c.country.code for c in award.granted_by.all() if c.status == "published" and c.country})

    china = client.get(AWARDS, {"country": "CN"})
    spain = client.get(AWARDS, {"country": "ES"})

    assert shown(china) == {"Premio Internacional de Guangzhou"}
    assert china.context["result_count"] == 1
    assert facet(china, "country") == dict(countries) == {"CN": 1, "BR": 1, "MX": 1}
    assert shown(spain) == set()
    assert facet(spain, "country") == {"CN": 1, "BR": 1, "MX": 1, "ES": 0}
    for response in (china, spain):
        assert LEAK_MARK not in response.text
        assert "Premio de un otorgante en borrador" not in response.text


def test_visit_with_two_counterparts_in_one_region_is_listed_and_counted_once(client):
    body = GovernmentBodyFactory()
    VisitFactory(published=True, body=body, title="Gira a dos ciudades de Francia", counterparts=[
        CounterpartFactory(published=True, country="FR"), CounterpartFactory(published=True, country="FR"),
    ])

    response = client.get(VISITS, {"body": body.slug, "region": "europe"})

    assert [visit.title for visit in response.context["object_list"]] == ["Gira a dos ciudades de Francia"]
    assert facet(response, "region") == {"europe": 1}
    assert facet(response, "country") == {"FR": 1}


@pytest.mark.parametrize("url", [EVENTS, VISITS, AWARDS])
def test_list_with_invalid_year_shows_a_spanish_error(client, url):
    response = client.get(url, {"year": "abc"})

    assert response.status_code == 200
    assert "Escriba el año con cuatro cifras, p. ej. 2016." in response.text
    assert response.context["result_count"] == 0


def test_event_detail_shows_its_frame_organisers_agreements_and_source(client):
    event = Event.objects.get(name="Cumbre Mundial sobre Acción Climática Local")
    parent = Event.objects.get(name="Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)")

    response = client.get(event.get_absolute_url())
    parent_response = client.get(parent.get_absolute_url())

    text = response.text
    assert "<dt>Fechas</dt><dd>diciembre de 2015</dd>" in text
    assert '<dt>Lugar</dt><dd><span lang="es">París</span>, Francia</dd>' in text
    assert f'<a href="{parent.get_absolute_url()}">{parent.name}</a>' in text
    assert "Declaración de París de Gobiernos Locales</a>" in text
    assert "CDMX Global (2018), cap. I §4.7" in text
    assert 'aria-current="page">Cumbre Mundial sobre Acción Climática Local</span>' in text
    assert f'<a href="{event.get_absolute_url()}">{event.name}</a>' in parent_response.text


def test_visit_detail_shows_guests_counterparts_and_event(client):
    visit = Visit.objects.get(title__startswith="Visita de alcaldes de América Latina")

    response = client.get(visit.get_absolute_url())

    text = response.text
    assert "<dt>Fechas</dt><dd>noviembre de 2014</dd>" in text
    assert '<a href="/contrapartes/montevideo/">' in text
    assert f'<a href="{visit.event.get_absolute_url()}">{visit.event.name}</a>' in text
    assert "Huésped distinguido" in text
    for guest in visit.guests.all():
        assert guest.name in text


def test_outgoing_visit_detail_shows_expenses_and_the_trip_report(client):
    visit = VisitFactory(
        published=True, title="Gira con informe", expenses="12500.50", expenses_currency="MXN",
        report_delivered_on=datetime.date(2018, 3, 2), report_document="documents/trip-reports/informe.pdf",
        **partial_date("start_on", 2018, 2, 10),
    )

    text = client.get(visit.get_absolute_url()).text

    assert "<dt>Gastos de viaje (viáticos)</dt><dd>12,500.50 MXN</dd>" in text
    assert "<dt>Entrega del informe al Congreso</dt><dd>2 de marzo de 2018</dd>" in text
    assert f'<a href="/documentos/informes-de-viaje/{visit.pk}/">Informe entregado al Congreso (PDF)</a>' in text
    assert "<dt>Fechas</dt><dd>10 de febrero de 2018</dd>" in text


def test_award_detail_shows_grantors_or_the_source_text(client):
    linked = Award.objects.get(title="Premio Internacional de Guangzhou")
    unlinked = AwardFactory(published=True, granted_by_text="Una fundación según la fuente", **partial_date("awarded_on", 2016, 5))

    linked_text = client.get(linked.get_absolute_url()).text
    unlinked_text = client.get(unlinked.get_absolute_url()).text

    assert '<a href="/contrapartes/cglu/">' in linked_text
    assert "<dt>Fecha</dt><dd>2016</dd>" in linked_text
    assert '<dd lang="es">Una fundación según la fuente</dd>' in unlinked_text
    assert "<dt>Fecha</dt><dd>mayo de 2016</dd>" in unlinked_text


def test_unpublished_records_appear_on_no_event_visit_or_award_page(client):
    bait = leak_bait()
    draft_counterpart = CounterpartFactory(draft=True, name=f"Ciudad {LEAK_MARK} enlazada", country="IS")
    draft_event = EventFactory(draft=True, name=f"Foro {LEAK_MARK} marco", country="IS")
    event = EventFactory(published=True, name="Foro publicado", parent=draft_event, organisers=[draft_counterpart])
    EventFactory(draft=True, name=f"Taller {LEAK_MARK} hijo", parent=event)
    VisitFactory(draft=True, title=f"Gira {LEAK_MARK} al foro", event=event)
    AgreementFactory(draft=True, title=f"Acuerdo {LEAK_MARK} del foro", signed_at_event=event)
    visit = VisitFactory(published=True, title="Visita publicada", counterparts=[draft_counterpart], event=draft_event)
    VisitGuestFactory(visit=visit, name="Persona invitada", counterpart=draft_counterpart)
    award = AwardFactory(published=True, title="Premio publicado", granted_by=[draft_counterpart])

    pages = {
        url: client.get(url)
        for url in (
            EVENTS, VISITS, AWARDS, event.get_absolute_url(), visit.get_absolute_url(), award.get_absolute_url(),
            *(f"{VISITS}?page={n}" for n in (1, 2)), f"{AWARDS}?page=2", f"{EVENTS}?page=2",
        )
    }

    for url, response in pages.items():
        assert response.status_code == 200, url
        assert LEAK_MARK not in response.text, url
    assert pages[EVENTS].context["result_count"] == Event.objects.published().count() == 34
    assert pages[VISITS].context["result_count"] == Visit.objects.published().count() == 42
    assert pages[AWARDS].context["result_count"] == Award.objects.published().count() == 35
    assert "IS" not in facet(pages[VISITS], "country")
    assert "IS" not in facet(pages[EVENTS], "country")
    assert "Persona invitada" in pages[visit.get_absolute_url()].text
    for records in bait.values():
        for record in records:
            if isinstance(record, (Event, Visit, Award)):
                assert client.get(record.get_absolute_url()).status_code == 404


def test_event_list_names_the_published_frame_read_for_the_page_only(client):
    frame = EventFactory(published=True, name="Cumbre marco publicada", start_on=datetime.date(1990, 1, 1))
    draft_frame = EventFactory(draft=True, name=f"Foro {LEAK_MARK} marco borrador")
    EventFactory(published=True, name="Taller en el marco", parent=frame, start_on=datetime.date(2099, 1, 2))
    EventFactory(published=True, name="Taller sin marco público", parent=draft_frame, start_on=datetime.date(2099, 1, 1))

    with CaptureQueriesContext(connection) as queries:
        response = client.get(EVENTS)

    text = response.text
    assert (
        f'<p>En el marco de: <a href="{frame.get_absolute_url()}" lang="es">Cumbre marco publicada</a></p>'
    ) in text[text.index("Taller en el marco"):text.index("Taller sin marco público")]
    assert LEAK_MARK not in text
    # The frames are read for the page's events (by their ids), not joined from every published event.
    [page] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "events_event"."id"')
              and "LIMIT" in q["sql"]]
    assert ' "T' not in page.split(" FROM ", 1)[1]  # no second (aliased) read of the events table
    [frames] = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "events_event"."id"')
                and " IN (" in q["sql"]]
    assert "LIMIT" not in frames


def _records(kind: str, body, count: int) -> None:
    theme = Theme.objects.published().first()
    for _ in range(count):
        counterpart = CounterpartFactory(published=True)
        if kind == "event":
            EventFactory(published=True, body=body, themes=[theme], organisers=[counterpart])
        elif kind == "visit":
            VisitFactory(published=True, body=body, themes=[theme], counterparts=[counterpart])
        else:
            AwardFactory(published=True, body=body, themes=[theme], granted_by=[counterpart])


@pytest.mark.parametrize(("kind", "url"), [("event", EVENTS), ("visit", VISITS), ("award", AWARDS)])
def test_list_queries_do_not_grow_with_rows(client, django_assert_num_queries, kind, url):
    few, many = GovernmentBodyFactory(), GovernmentBodyFactory()
    _records(kind, few, 2)
    _records(kind, many, 20)
    client.get(url, {"body": few.slug})

    with django_assert_num_queries(query_count(client, url, {"body": few.slug})):
        response = client.get(url, {"body": many.slug})

    assert response.context["result_count"] == 20


def _event_with(count: int) -> Event:
    event = EventFactory(published=True, organisers=CounterpartFactory.create_batch(count, published=True))
    for _ in range(count):
        EventFactory(published=True, parent=event)
        VisitFactory(published=True, event=event)
        AgreementFactory(published=True, signed_at_event=event)
    return event


def _visit_with(count: int) -> Visit:
    visit = VisitFactory(published=True, incoming=True, counterparts=CounterpartFactory.create_batch(count, published=True))
    for _ in range(count):
        VisitGuestFactory(visit=visit, counterpart=CounterpartFactory(published=True))
    return visit


def _award_with(count: int) -> Award:
    return AwardFactory(published=True, granted_by=CounterpartFactory.create_batch(count, published=True))


@pytest.mark.parametrize("make", [_event_with, _visit_with, _award_with])
def test_detail_queries_do_not_grow_with_related_rows(client, django_assert_num_queries, make):
    few, many = make(1), make(10)
    client.get(few.get_absolute_url())

    with django_assert_num_queries(query_count(client, few.get_absolute_url())):
        response = client.get(many.get_absolute_url())

    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "label"),
    [
        (EVENTS, "International events"),
        (EVENTS, "City&#x27;s role"),
        (VISITS, "Official visits"),
        (VISITS, "Type of visit"),
        (AWARDS, "Awards and recognitions"),
    ],
)
def test_event_pages_in_english_show_english_labels(client, url, label):
    assert label in client.get(f"/en{url}").text
