"""The search: one box over every kind of published record, the same results
on SQLite and PostgreSQL, an index that follows every change, and a page that
never fails on what a person types."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains

from agreements.models import Agreement
from cdmx_global.models import PublicationStatus
from cdmx_global.services import PUBLISH, WITHDRAW, record_transition
from events.models import Visit
from networks.models import Membership, Network
from search.indexed import INDEXED
from search.filters import SearchEntryFilterSet
from search.models import SearchEntry
from search.selectors import entries_matching, entries_ranked, search_entries
from search.text import search_terms
from tests.support.factories import (
    LEAK_MARK,
    AgreementFactory,
    CounterpartFactory,
    MembershipFactory,
    NetworkFactory,
    ThemeFactory,
    VisitFactory,
    VisitGuestFactory,
    leak_bait,
    reviewer,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

URL = reverse("search:results")


def found(query: str, **filters) -> set[tuple[str, str]]:
    """(kind, title) of every entry the search finds for ``query``."""
    filterset = SearchEntryFilterSet({"q": query, **filters}, queryset=search_entries())
    return set(filterset.qs.values_list("kind", "title"))


def titles(query: str) -> list[str]:
    """The titles the search finds for ``query``, best first."""
    filterset = SearchEntryFilterSet({"q": query}, queryset=search_entries())
    return list(filterset.qs.values_list("title", flat=True))


# --- Words to stems ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("México", ["mexic"]),
        ("MÉXICO mexico", ["mexic", "mexic"]),
        ("Hermanamientos de la Ciudad", ["herman", "ciud"]),
        ("ciudades", ["ciud"]),
        ("Países y país", ["pais", "pais"]),
        ("París", ["paris"]),
        ("C40, Agenda 2030", ["c40", "agend", "2030"]),
        ("Cambio climático", ["cambi", "climat"]),
        ("Estados Unidos", ["estad", "unid"]),
        ("de la que el en y a los", []),
        ("&|!:*()<>'\"", []),
    ],
)
def test_search_terms_fold_case_accents_plurals_and_stop_words(text, terms):
    assert search_terms(text) == terms


# --- The book's records: the same sets on both databases --------------------

RESILIENCE = {
    ("action", "100 Ciudades Resilientes y Agencia de Resiliencia de la Ciudad de México"),
    ("action", "Declaratoria de Emergencia"),
    ("membership", "Miembro fundador — 100 Ciudades Resilientes"),
    ("network", "100 Ciudades Resilientes"),
}
PARIS = {
    ("action", "Proyectos de cooperación urbana del Fondo franco-mexicano de cooperación descentralizada"),
    ("action", "Visión de la Ciudad de México en materia de cambio climático hacia 2025"),
    ("agreement", "Acuerdo de amistad y cooperación con París"),
    ("agreement", "Convenio de cooperación específica con París (2014)"),
    ("agreement", "Declaración Conjunta de Urban 20 (U20)"),
    ("agreement", "Declaración de París de Gobiernos Locales"),
    ("counterpart", "París, Francia"),
    ("event", "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)"),
    ("event", "Cumbre Mundial sobre Acción Climática Local"),
    ("event", "Diálogo de Talanoa"),
    ("event", "Reunión de Alto Nivel sobre Cambio Climático de la ONU, 72 Asamblea General"),
    ("network", "Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)"),
    ("network", "Urban 20 (U20)"),
    ("visit", "Gira oficial del Jefe de Gobierno a París"),
    ("visit", "Visita oficial del alcalde de París"),
}
C40 = {
    ("award", "Premio Internacional Ambiental del Grupo de Liderazgo Climático C40"),
    ("award", "Premio de la Red de Ciudades C40 en la categoría “Cities4Action”"),
    ("counterpart", "Grupo de Liderazgo Climático C40"),
    ("event", "Conferencia “Women for Climate” de C40"),
    ("event", "Cumbre del C40"),
    ("event", "Diálogo de Talanoa"),
    ("event", "Sexta Cumbre Bienal de Alcaldes de C40"),
    ("membership", "Miembro — Grupo de Liderazgo Climático C40 (C40)"),
    ("network", "Grupo de Liderazgo Climático C40 (C40)"),
    ("network", "Urban 20 (U20)"),
    ("position", "Miembro del Comité Directivo en representación de América Latina — Grupo de Liderazgo Climático C40 (C40)"),
}
TWINNINGS = {
    ("action", "Intercambios de especies entre los Zoológicos de Higashiyama y de Chapultepec"),
    ("action", "Proyecto de Mejoramiento del Sistema de Drenaje de la Ciudad de México"),
    ("agreement", "Acuerdo de amistad y cooperación con París"),
    ("counterpart", "Kuwait, Kuwait"),
    *(
        ("agreement", f"Hermanamiento con {city}")
        for city in (
            "Barcelona", "Beijing (2009)", "Cerro", "Estambul (2010)", "Guangzhou (2010)", "Kuwait (2011)",
            "Los Ángeles (refrendo de 2007)", "Nagoya (1977)", "Nagoya (refrendo de 2008)", "Quito",
            "San Antonio de los Baños", "San José", "San Pedro Sula", "San Salvador", "Seúl (refrendo de 2010)",
            "Valonia",
        )
    ),
}
FRANCE = {
    ("action", "Proyectos de cooperación urbana del Fondo franco-mexicano de cooperación descentralizada"),
    ("agreement", "Acuerdo de amistad y cooperación con París"),
    ("agreement", "Convenio de cooperación específica con París (2014)"),
    ("agreement", "Declaración Conjunta de Urban 20 (U20)"),
    ("counterpart", "Ministerio de Asuntos Extranjeros y Europeos de Francia"),
    ("counterpart", "París, Francia"),
    ("counterpart", "República Francesa"),
    ("event", "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)"),
    ("event", "Cumbre Mundial sobre Acción Climática Local"),
    ("event", "Diálogo de Talanoa"),
    ("network", "Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)"),
    ("visit", "Gira oficial del Jefe de Gobierno a París"),
    ("visit", "Visita de François Hollande, Presidente de la República Francesa"),
    ("visit", "Visita oficial del alcalde de París"),
}
# A country is found in either language only where a record links it (a counterpart's or an event's
# country); descriptions are indexed in Spanish as written. So «France» misses AL-LAs, whose description
# alone names «París, Francia», and finds FMDV, whose description says its acronym is «del francés»
# («francés» and «France» share the stem «franc»).
FRANCE_IN_ENGLISH = (FRANCE - {("network", "Alianza Euro Latinoamericana de Cooperación entre Ciudades (AL-LAs)")}) | {
    ("network", "Fondo Mundial para el Desarrollo de las Ciudades (FMDV)"),
}


@pytest.mark.parametrize(
    ("queries", "expected"),
    [
        (["resiliencia", "Resiliencia", "RESILIENCIA"], RESILIENCE),
        (["París", "paris", "PARIS"], PARIS),
        (["C40", "c40"], C40),
        (["hermanamiento", "hermanamientos", "Hermanamientos"], TWINNINGS),
        (["Francia", "francia", "FRANCIA"], FRANCE),
        (["France", "france", "FRANCE"], FRANCE_IN_ENGLISH),
    ],
)
def test_book_query_finds_exactly_these_records_however_it_is_written(queries, expected):
    for query in queries:
        assert found(query) == expected, query


def kind_counts(query: str) -> dict[str, int]:
    filterset = SearchEntryFilterSet({"q": query}, queryset=search_entries())
    return {option.value: option.count for option in filterset.facets()[0].options}


@pytest.mark.parametrize(
    ("queries", "counts"),
    [
        (
            ["mexico", "México", "MÉXICO", "méxico"],
            {"agreement": 26, "action": 25, "counterpart": 5, "network": 1, "event": 24, "visit": 2, "award": 8},
        ),
        (
            ["ciudades", "ciudad", "Ciudades"],
            {
                "agreement": 33, "action": 37, "counterpart": 63, "network": 14, "membership": 15, "position": 7,
                "office": 1, "event": 29, "visit": 1, "award": 34,
            },
        ),
        (
            ["cambio climático", "Cambio Climatico", "CLIMÁTICO CAMBIOS"],
            {"agreement": 3, "action": 1, "network": 2, "event": 8, "visit": 15, "award": 1},
        ),
    ],
)
def test_book_query_counts_by_kind_are_the_same_however_it_is_written(queries, counts):
    first = found(queries[0])
    for query in queries:
        assert kind_counts(query) == counts, query
        assert found(query) == first, query


def test_a_title_match_ranks_above_a_body_only_match():
    body_only = AgreementFactory(
        published=True, title="Acuerdo sobre huertos", purpose="Huertos en Zyxlandia, con vecinos de Zyxlandia y Zyxlandia."
    )
    in_title = AgreementFactory(published=True, title="Zyxlandia: plan de huertos", purpose="Huertos urbanos.")
    assert titles("zyxlandia") == [in_title.title, body_only.title]
    assert titles("huertos zyxlandia") == [in_title.title, body_only.title]


def test_every_word_of_the_query_must_be_found():
    AgreementFactory(published=True, title="Zyxlandia y Quovadia")
    AgreementFactory(published=True, title="Zyxlandia sola")
    assert titles("zyxlandia quovadia") == ["Zyxlandia y Quovadia"]


# --- What the index holds -----------------------------------------------------


def index_state() -> dict[str, set[int]]:
    return {
        spec.kind: set(
            SearchEntry.objects.filter(content_type=ContentType.objects.get_for_model(model)).values_list(
                "object_id", flat=True
            )
        )
        for model, spec in INDEXED.items()
    }


def published_state() -> dict[str, set[int]]:
    return {spec.kind: set(spec.queryset().values_list("pk", flat=True)) for spec in INDEXED.values()}


def test_after_load_book_every_published_record_has_one_entry_and_nothing_else_has_any():
    leak_bait()
    assert index_state() == published_state()
    assert SearchEntry.objects.count() == sum(len(pks) for pks in published_state().values()) == 391
    bait_entries = SearchEntry.objects.filter(title__icontains=LEAK_MARK)
    assert list(bait_entries) == []


def test_rebuild_command_gives_the_index_the_signals_keep():
    before = set(SearchEntry.objects.values_list("content_type", "object_id", "kind", "title", "url", "terms"))
    call_command("rebuild_search_index", verbosity=0)
    call_command("rebuild_search_index", verbosity=0)
    after = set(SearchEntry.objects.values_list("content_type", "object_id", "kind", "title", "url", "terms"))
    assert after == before


def test_unpublished_records_are_never_found():
    bait = leak_bait()
    draft_counterpart = bait["draft"][0]
    # A published record linked to a draft counterpart lends it no words.
    linked = AgreementFactory(published=True, title="Convenio con Ciudad Zyxlandia", counterparts=[draft_counterpart])
    assert found(LEAK_MARK) == set()
    assert found("borrador retirado") == set()
    assert found("zyxlandia") == {("agreement", linked.title)}
    assert ("agreement", "Hermanamiento Quimera borrador") not in found("hermanamiento")


@pytest.mark.parametrize("how", ["withdraw", "draft"])
def test_an_entry_goes_when_its_record_leaves_publication_and_comes_back_with_it(how):
    agreement = Agreement.objects.get(code="cce-2013-chicago")
    assert ("agreement", agreement.title) in found("chicago")
    marta = reviewer(username="marta")

    if how == "withdraw":
        record_transition(record=agreement, user=marta, transition=WITHDRAW, note="Duplicado")
    else:
        agreement.status = PublicationStatus.DRAFT
        agreement.save()

    assert ("agreement", agreement.title) not in found("chicago")
    assert not SearchEntry.objects.filter(title=agreement.title).exists()

    agreement.refresh_from_db()
    if how == "draft":
        record_transition(record=agreement, user=marta, transition=PUBLISH)
    else:
        agreement.status = PublicationStatus.PUBLISHED
        agreement.save()
    assert ("agreement", agreement.title) in found("chicago")


def test_a_counterpart_rename_updates_the_records_linked_to_it():
    villa = CounterpartFactory(published=True, name="Villa Zyxlandia", slug="villa-zyxlandia")
    agreement = AgreementFactory(published=True, title="Convenio de movilidad", counterparts=[villa])
    visit = VisitFactory(published=True, title="Gira de movilidad", counterparts=[villa])
    assert found("zyxlandia") == {
        ("counterpart", "Villa Zyxlandia, Francia"), ("agreement", agreement.title), ("visit", visit.title),
    }

    villa.name = "Villa Quovadia"
    villa.save()

    assert found("zyxlandia") == set()
    assert found("quovadia") == {
        ("counterpart", "Villa Quovadia, Francia"), ("agreement", agreement.title), ("visit", visit.title),
    }

    villa.status = PublicationStatus.WITHDRAWN
    villa.save()
    assert found("quovadia") == set()


@pytest.mark.parametrize("side", ["record", "counterpart"])
def test_linking_and_unlinking_a_counterpart_from_either_side_updates_the_entry(side):
    villa = CounterpartFactory(published=True, name="Villa Zyxlandia", slug="villa-zyxlandia")
    agreement = AgreementFactory(published=True, title="Convenio de movilidad")
    assert ("agreement", agreement.title) not in found("zyxlandia")

    if side == "record":
        agreement.counterparts.add(villa)
    else:
        villa.agreements.add(agreement)
    assert ("agreement", agreement.title) in found("zyxlandia")

    if side == "record":
        agreement.counterparts.clear()
    else:
        villa.agreements.clear()
    assert ("agreement", agreement.title) not in found("zyxlandia")


def test_a_theme_rename_and_a_guest_update_the_records_that_name_them():
    theme = ThemeFactory(name="Zyxlandia urbana")
    visit = VisitFactory(published=True, title="Visita de trabajo", themes=[theme], incoming=True)
    assert found("zyxlandia") == {("visit", "Visita de trabajo")}
    theme.name = "Agricultura urbana"
    theme.save()
    assert found("zyxlandia") == set()

    guest = VisitGuestFactory(visit=visit, name="Quovadia Pérez")
    assert found("quovadia") == {("visit", "Visita de trabajo")}
    guest.delete()
    assert found("quovadia") == set()


def test_a_network_part_follows_its_network():
    network = NetworkFactory(published=True, name="Red Zyxlandia", slug="red-zyxlandia")
    membership = MembershipFactory(published=True, network=network, role="Miembro fundador")
    assert found("zyxlandia") == {("network", "Red Zyxlandia"), ("membership", "Miembro fundador — Red Zyxlandia")}
    assert SearchEntry.objects.get(object_id=membership.pk, kind="membership").url == (
        f"/redes/red-zyxlandia/#membresia-{membership.pk}"
    )

    network.status = PublicationStatus.DRAFT
    network.save()
    # Its page is gone, so the membership shown on it goes too.
    assert found("zyxlandia") == set()
    assert Membership.objects.get(pk=membership.pk).status == PublicationStatus.PUBLISHED


def test_deleting_a_record_removes_its_entry():
    visit = VisitFactory(published=True, title="Gira a Zyxlandia")
    assert found("zyxlandia") == {("visit", "Gira a Zyxlandia")}
    Visit.objects.filter(pk=visit.pk).delete()
    assert found("zyxlandia") == set()
    assert not SearchEntry.objects.filter(object_id=visit.pk, kind="visit").exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="The GIN index and tsvector exist on PostgreSQL only.")
def test_postgresql_search_uses_the_gin_index():
    terms = search_terms("Ciudad de México")
    queryset = entries_ranked(entries_matching(search_entries(), terms), terms)
    with transaction.atomic(), connection.cursor() as cursor:
        # The table is small enough that the planner would rather read it all.
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = queryset.explain()
    assert "search_entry_vector_gin" in plan
    assert SearchEntry.objects.filter(search_vector__isnull=True).count() == 0


# --- The page -----------------------------------------------------------------


def test_page_shows_ranked_results_with_kind_year_summary_and_link(client):
    response = client.get(URL, {"q": "resiliencia"})
    assert response.status_code == 200
    assert response.context["search_query"] == "resiliencia"
    entries = list(response.context["entries"])
    assert entries[0].title == "100 Ciudades Resilientes y Agencia de Resiliencia de la Ciudad de México"
    assert {(entry.get_kind_display(), entry.title) for entry in entries} == {
        ("Acción", "100 Ciudades Resilientes y Agencia de Resiliencia de la Ciudad de México"),
        ("Acción", "Declaratoria de Emergencia"),
        ("Membresía en una red", "Miembro fundador — 100 Ciudades Resilientes"),
        ("Red de ciudades", "100 Ciudades Resilientes"),
    }
    network = Network.objects.get(name="100 Ciudades Resilientes")
    assertContains(response, f'<h3><a href="/redes/{network.slug}/" lang="es">100 Ciudades Resilientes</a></h3>', html=True)
    assertContains(response, '<span class="record-kind">Membresía en una red</span>', html=True)
    assertContains(response, "4 resultados para «resiliencia»")
    assertContains(response, 'value="resiliencia"')


def test_english_page_links_to_english_addresses(client):
    response = client.get("/en" + URL, {"q": "Hollande"})
    visit = Visit.objects.get(title="Visita de François Hollande, Presidente de la República Francesa")
    assert [entry.link for entry in response.context["entries"]] == [f"/en/visitas/{visit.pk}/"]
    assertContains(response, '<span class="record-kind">Official visit</span>', html=True)


def test_kind_facet_counts_every_kind_and_filters_to_one(client):
    response = client.get(URL, {"q": "paris", "kind": "agreement"})
    facet = response.context["facets"][0]
    assert [(option.value, option.label, option.count, option.selected) for option in facet.options] == [
        ("agreement", "Acuerdo", 4, True),
        ("action", "Acción", 2, False),
        ("counterpart", "Contraparte", 1, False),
        ("network", "Red de ciudades", 2, False),
        ("event", "Evento internacional", 4, False),
        ("visit", "Visita oficial", 2, False),
    ]
    assert {entry.kind for entry in response.context["entries"]} == {"agreement"}
    assert response.context["result_count"] == 4
    assert response.context["total_count"] == 15
    assertContains(response, "Todos (15)")
    assertContains(response, '<a href="?q=paris&amp;kind=agreement" aria-current="true">Acuerdo (4)</a>', html=True)


def test_results_are_paginated_by_25(client):
    AgreementFactory.create_batch(30, published=True, purpose="Huertos de Zyxlandia.")
    first = client.get(URL, {"q": "zyxlandia"})
    second = client.get(URL, {"q": "zyxlandia", "page": 2})
    assert len(first.context["entries"]) == 25
    assert len(second.context["entries"]) == 5
    assert first.context["result_count"] == 30


def test_query_count_does_not_grow_with_the_results(client):
    AgreementFactory.create_batch(2, published=True, purpose="Huertos de Zyxlandia.")
    with CaptureQueriesContext(connection) as two:
        assert len(client.get(URL, {"q": "zyxlandia"}).context["entries"]) == 2
    AgreementFactory.create_batch(18, published=True, purpose="Huertos de Zyxlandia.")
    with CaptureQueriesContext(connection) as twenty:
        assert len(client.get(URL, {"q": "zyxlandia"}).context["entries"]) == 20
    assert len(twenty) == len(two)


def test_leak_bait_appears_on_no_search_page(client):
    leak_bait()
    for query in (LEAK_MARK, "Hermanamiento", "Cumbre", "Gira", "Premio", "Red"):
        for prefix in ("", "/en"):
            response = client.get(prefix + URL, {"q": query})
            assertNotContains(response, f"{LEAK_MARK} borrador")
            assertNotContains(response, f"{LEAK_MARK} retirado")
    response = client.get(URL, {"q": LEAK_MARK})
    assert list(response.context["entries"]) == []
    assert response.context["message"] == "Ningún registro publicado coincide con «Quimera»."


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({}, "Escriba una o más palabras para buscar en los acuerdos, redes, visitas, eventos y premios publicados."),
        ({"q": "   "}, "Escriba una o más palabras para buscar en los acuerdos, redes, visitas, eventos y premios publicados."),
        ({"q": "de la que"}, "«de la que» no tiene palabras que buscar; pruebe con otras."),
        ({"q": "&|!:*()"}, "«&|!:*()» no tiene palabras que buscar; pruebe con otras."),
        ({"q": "'; DROP TABLE search_searchentry; --"}, "Ningún registro publicado coincide con «'; DROP TABLE search_searchentry; --»."),
        ({"q": "<script>alert(1)</script>"}, "Ningún registro publicado coincide con «<script>alert(1)</script>»."),
        ({"q": "México" * 2000}, "Escriba una búsqueda de 200 caracteres como máximo."),
        ({"q": "paris", "kind": "nada"}, "Ese tipo de registro no existe; elija uno de la lista."),
    ],
)
def test_unusable_input_gets_a_spanish_message_never_an_error(client, params, message):
    response = client.get(URL, params)
    assert response.status_code == 200
    assert response.context["message"] == message
    assert list(response.context["entries"]) == []
    assert response.context["facets"] == []
    assertNotContains(response, "<script>alert(1)")
    assert len(response.context["search_query"]) <= 200


def test_sql_looking_input_is_read_as_words_and_finds_only_the_records_that_hold_them(client):
    query = "' OR 1=1 --"
    assert search_terms(query) == ["or", "1", "1"]
    response = client.get(URL, {"q": query})
    assert response.status_code == 200
    # Not every record: only the two consultations, whose kind reads «Consultation or dialogue» in
    # English and whose descriptions cite «cap. II §1» and «anexo 1».
    assert {(entry.kind, entry.title) for entry in response.context["entries"]} == {
        ("action", "Diálogos para una CDMX Global"),
        ("action", "Ejercicio exploratorio con los asistentes a la FICA: ¿Es la CDMX una ciudad global?"),
    }
    assert response.context["message"] == ""
    assert response.context["search_query"] == query
    assertContains(response, "2 resultados para «&#x27; OR 1=1 --»")


def test_the_books_twinnings_are_found_in_english_as_twinnings_and_as_sister_cities(client):
    """English search (issue 23): the book never says «ciudades hermanas», yet a reader
    asking for sister cities finds the twinnings, whose English titles say «Twinning»."""
    twinnings = Agreement.objects.published().filter(kind="twinning")
    assert twinnings.count() > 0
    assert all(title.startswith("Twinning") for title in twinnings.values_list("title_en", flat=True))
    for query in ("twinning", "sister city", "sister cities"):
        found = client.get("/en" + URL, {"q": query, "kind": "agreement"}).context["entries"]
        assert sorted(entry.title for entry in found) == sorted(twinnings.values_list("title", flat=True)), query
