"""``load_book`` loads every record the book gives, published and citing the
book, at the precision the book gives, and a second run changes nothing.

The book is loaded once for the module (inside a transaction rolled back at
the end); each test runs in its own savepoint on top of it.
"""

import datetime
import re
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from agreements.models import Action, Agreement
from sourcebook.records import BOOK, EXCERPT_GAP
from sourcebook.loader import LOAD_REASON, load_book
from cdmx_global.models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    SustainableDevelopmentGoal,
    Theme,
)
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

D = datetime.date
BOOK_TEXT = Path(settings.BASE_DIR).parent / "shared" / "source" / "cdmx-global-2018.txt"
RECORD_MODELS = [Counterpart, Network, Membership, Position, HostedOffice, Event, Agreement, Action, Visit, Award]
CATALOGUE_MODELS = [GovernmentBody, Theme, SustainableDevelopmentGoal, Framework]
LOADED_APPS = ("cdmx_global", "agreements", "networks", "events")


def row_counts() -> dict[str, int]:
    """Rows of every model of the loaded apps: records, history, many-to-many tables."""
    return {
        model._meta.label: model._default_manager.count()
        for app in LOADED_APPS
        for model in apps.get_app_config(app).get_models(include_auto_created=True)
    }


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


# --- Counts -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("model", "filters", "expected"),
    [
        pytest.param(Agreement, {}, 65, id="agreements"),
        pytest.param(Agreement, {"kind": "specific_cooperation"}, 17, id="specific-cooperation"),
        pytest.param(Agreement, {"kind": "twinning"}, 16, id="twinning"),
        pytest.param(Agreement, {"kind": "friendship"}, 1, id="friendship"),
        pytest.param(Agreement, {"kind": "collaboration"}, 1, id="collaboration"),
        pytest.param(Agreement, {"kind": "framework"}, 21, id="framework"),
        pytest.param(Agreement, {"kind": "memorandum"}, 1, id="memorandum"),
        pytest.param(Agreement, {"kind": "declaration"}, 4, id="declarations"),
        pytest.param(Agreement, {"kind": "pact"}, 1, id="pacts"),
        pytest.param(Agreement, {"kind": "charter"}, 1, id="charters"),
        pytest.param(Agreement, {"kind": "political_document"}, 1, id="political-documents"),
        pytest.param(Action, {}, 39, id="actions"),
        pytest.param(Action, {"kind": "cultural_diplomacy"}, 8, id="alas-de-la-ciudad"),
        pytest.param(Action, {"kind": "declaratoria"}, 4, id="declaratorias"),
        pytest.param(Action, {"kind": "alignment"}, 6, id="alignment"),
        pytest.param(Network, {}, 18, id="networks"),
        pytest.param(Membership, {}, 18, id="memberships"),
        pytest.param(Position, {}, 11, id="positions"),
        pytest.param(HostedOffice, {}, 3, id="hosted-offices"),
        pytest.param(Event, {"mode": "hosted"}, 19, id="hosted-events"),
        pytest.param(Event, {"mode": "attended"}, 14, id="attended-events"),
        pytest.param(Visit, {"direction": "outgoing"}, 15, id="outgoing-visits"),
        pytest.param(Visit, {"direction": "incoming"}, 26, id="incoming-visits"),
        pytest.param(Visit, {"direction": "incoming", "honour": "guest"}, 22, id="distinguished-guests"),
        pytest.param(Visit, {"direction": "incoming", "honour": "visitor"}, 3, id="distinguished-visitors"),
        pytest.param(VisitGuest, {}, 44, id="guests"),
        pytest.param(Award, {"direction": "received"}, 33, id="awards-received"),
        pytest.param(Award, {"direction": "granted"}, 1, id="awards-granted"),
        pytest.param(Counterpart, {}, 129, id="counterparts"),
        pytest.param(GovernmentBody, {}, 46, id="bodies"),
        pytest.param(Theme, {}, 29, id="themes"),
        pytest.param(SustainableDevelopmentGoal, {}, 17, id="sdgs"),
        pytest.param(Framework, {}, 4, id="frameworks"),
    ],
)
def test_load_gives_the_books_count(model, filters, expected):
    assert model.objects.filter(**filters).count() == expected


@pytest.mark.parametrize(
    ("category", "expected"),
    [
        ("sustainable_development", 9),
        ("urban_innovation", 4),
        ("quality_of_life", 5),
        ("health", 6),
        ("tourism", 6),
        ("governance_innovation", 3),
    ],
)
def test_received_awards_per_annex_3_category(category, expected):
    assert Award.objects.filter(direction="received", category=category).count() == expected


def test_specific_cooperation_agreements_have_16_counterparts_and_moscow_twice():
    agreements = Agreement.objects.filter(kind="specific_cooperation")
    counterparts = Counterpart.objects.filter(agreements__in=agreements)
    assert counterparts.distinct().count() == 16
    moscow = agreements.filter(counterparts__slug="moscu").order_by("signed_on")
    assert [a.signed_on for a in moscow] == [D(2014, 1, 1), D(2016, 1, 1)]
    assert Counterpart.objects.get(slug="virginia").kind == "state"
    assert set(counterparts.exclude(slug="virginia").values_list("kind", flat=True)) == {"city"}


@pytest.mark.parametrize(
    ("organisation", "rows"),
    [
        ("onusida", 1), ("ocde", 1), ("unodc", 1), ("unesco", 3), ("onu-mujeres", 1), ("unicef", 3), ("fao", 2),
        ("acnur", 2), ("unfpa", 1), ("onu-habitat", 1), ("cepal", 1), ("bird", 1), ("omm", 1), ("cicr", 1),
        ("oim", 1),
    ],
)
def test_annex_2_rows_per_organisation(organisation, rows):
    assert Agreement.objects.filter(kind="framework", counterparts__slug=organisation).count() == rows


def test_annex_2_rows_with_the_un_system_are_listed_as_un_framework_conventions():
    frameworks = Agreement.objects.filter(kind="framework").prefetch_related("counterparts")
    outside = sorted(a.counterparts.get().slug for a in frameworks if not a.is_un_framework_convention)
    assert outside == ["cicr", "ocde"]


def test_outgoing_trips_are_the_15_destinations_of_section_4_4():
    destinations = Counterpart.objects.filter(visits__direction="outgoing").order_by("name")
    assert [c.name for c in destinations] == [
        "Bogotá", "Boston", "Buenos Aires", "Chicago", "La Habana", "Los Ángeles", "Miami", "Montevideo", "Moscú",
        "Nueva York", "Panamá", "París", "Rhode Island", "São Paulo", "Washington DC",
    ]


# --- Idempotence ------------------------------------------------------------


def test_first_run_creates_every_record(book):
    assert book.tallies[Agreement].created == 65
    assert all(tally.created == tally.total for tally in book.tallies.values())


def test_second_run_adds_no_row_and_no_history_row():
    before = row_counts()
    assert before["agreements.HistoricalAgreement"] > 0

    summary = load_book()

    assert row_counts() == before
    assert not summary.changed


def test_command_prints_the_counts_and_changes_nothing_the_second_time():
    out = StringIO()
    call_command("load_book", stdout=out)
    output = out.getvalue()
    assert "Acuerdos: 65 (nuevos 0, actualizados 0, sin cambios 65, conservados como los dejó el personal 0)" in output
    assert "Personas visitantes: 44 (nuevos 0, actualizados 0, sin cambios 44, conservados como los dejó el personal 0)" in output
    assert "  Convenio marco: 21" in output
    assert "Nada que cambiar" in output


def test_a_value_that_drifted_from_the_book_is_put_back_writing_history_only_for_it():
    # A write that leaves no history entry (as when the book's data itself is
    # corrected in a new release): the loader still owns the record.
    Agreement.objects.filter(code="cce-2013-chicago").update(title="Otro título")
    agreement = Agreement.objects.get(code="cce-2013-chicago")
    history_before = agreement.history.count()

    summary = load_book()

    agreement.refresh_from_db()
    assert agreement.title == "Convenio de cooperación específica con Chicago (2013)"
    assert agreement.history.count() == history_before + 1
    assert agreement.history.first().history_change_reason == LOAD_REASON
    assert summary.tallies[Agreement].updated == 1


def test_a_record_staff_edited_is_kept_as_staff_left_it(django_user_model):
    editor = django_user_model.objects.create_user("enlace", password="x")
    agreement = Agreement.objects.get(code="cce-2013-chicago")
    agreement.title = "Convenio de cooperación específica con la Ciudad de Chicago"
    agreement.status = PublicationStatus.WITHDRAWN
    agreement._history_user = editor
    agreement.save()
    agreement.themes.clear()
    history_before = agreement.history.count()

    summary = load_book()

    agreement.refresh_from_db()
    assert agreement.title == "Convenio de cooperación específica con la Ciudad de Chicago"
    assert agreement.status == PublicationStatus.WITHDRAWN
    assert list(agreement.themes.all()) == []
    assert agreement.history.count() == history_before
    assert summary.tallies[Agreement].kept == 1
    assert summary.tallies[Agreement].unchanged == 64


# --- Published and cited ----------------------------------------------------


@pytest.mark.parametrize("model", RECORD_MODELS + CATALOGUE_MODELS, ids=lambda m: m.__name__)
def test_everything_loaded_is_published(model):
    assert model.objects.exists()
    assert not model.objects.exclude(status=PublicationStatus.PUBLISHED).exists()


@pytest.mark.parametrize("model", RECORD_MODELS + [Framework], ids=lambda m: m.__name__)
def test_every_record_cites_the_book(model):
    assert not model.objects.exclude(source_citation__startswith=f"{BOOK}, ").exists()


@pytest.mark.parametrize("model", RECORD_MODELS, ids=lambda m: m.__name__)
def test_every_excerpt_is_verbatim_from_the_book(model):
    if not BOOK_TEXT.exists():
        pytest.skip(f"El texto del libro no está en {BOOK_TEXT}.")
    text = normalised(BOOK_TEXT.read_text(encoding="utf-8"))
    missing = [
        (str(record), piece)
        for record in model.objects.all()
        for piece in record.source_excerpt.split(EXCERPT_GAP)
        if normalised(piece) not in text
    ]
    assert missing == []
    assert not model.objects.filter(source_excerpt="").exists()


def test_body_is_cgai_unless_the_book_names_another():
    assert Agreement.objects.get(code="cce-2016-montevideo").body.acronym == "CGAI"
    assert Agreement.objects.get(code="colaboracion-2005-jica-nagoya").body.acronym == "SACMEX"


# --- Precision --------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "signed_on", "precision", "period_note"),
    [
        ("cce-2013-chicago", D(2013, 1, 1), "year", ""),
        ("hermanamiento-1977-nagoya", D(1977, 1, 1), "year", ""),
        ("hermanamiento-quito", None, "", "Administración 1997-1999"),
        ("amistad-1999-paris", D(1999, 1, 1), "year", ""),
        ("hermanamiento-cerro", None, "", "Administración interina 1999-2000"),
        ("hermanamiento-valonia", None, "", "Administración 2000-2006"),
        ("pacto-2010-ciudad-de-mexico", D(2010, 11, 21), "day", ""),
        ("carta-2010-derecho-a-la-ciudad", D(2010, 7, 13), "day", ""),
        ("declaracion-2015-paris-gobiernos-locales", D(2015, 12, 1), "month", ""),
        ("declaracion-u20", None, "", ""),
        ("marco-unicef-dif", None, "", ""),
        ("marco-cepal-jefatura-de-gobierno", None, "", "Administración 2012-2018"),
        ("marco-oim-copred", None, "", ""),
    ],
)
def test_agreement_dates_keep_the_books_precision(code, signed_on, precision, period_note):
    agreement = Agreement.objects.get(code=code)
    assert (agreement.signed_on, agreement.signed_on_precision, agreement.signed_period_note) == (
        signed_on,
        precision,
        period_note,
    )


def test_outgoing_trips_have_no_date():
    trips = Visit.objects.filter(direction="outgoing")
    assert set(trips.values_list("start_on", "start_on_precision", "end_on")) == {(None, "", None)}


def test_incoming_visits_are_dated_by_month_heading():
    guests = Visit.objects.filter(direction="incoming").exclude(honour="")
    assert set(guests.values_list("start_on_precision", flat=True)) == {"month"}
    assert guests.get(title__contains="Xi Jinping").start_on == D(2013, 6, 1)
    paris_2003 = Visit.objects.get(direction="incoming", honour="")
    assert (paris_2003.start_on, paris_2003.start_on_precision) == (D(2003, 1, 1), "year")


def test_talanoa_dialogue_has_no_date_because_the_book_gives_no_year():
    talanoa = Event.objects.get(name="Diálogo de Talanoa")
    assert (talanoa.start_on, talanoa.start_on_precision) == (None, "")
    assert "«el 6 de mayo» sin dar el año" in talanoa.description


# --- Spot checks of the book's text -----------------------------------------


def test_annex_2_unicef_rows_are_with_three_bodies():
    rows = Agreement.objects.filter(kind="framework", counterparts__slug="unicef")
    assert sorted(rows.values_list("body__name", "purpose")) == [
        (
            "Instituto de la Juventud",
            "Acceso a una educación de calidad, servicios de salud, a la información, la participación, la "
            "recreación y la justicia en entornos seguros y estimulantes",
        ),
        ("Instituto de las Mujeres", "Derechos de las niñas y adolescentes"),
        (
            "Sistema para el Desarrollo Integral de la Familia del Distrito Federal",
            "Derechos de la infancia y adolescencia",
        ),
    ]


def test_annex_2_sedeco_sefin_row_has_sedeco_responsible_and_sefin_as_other_body():
    agreement = Agreement.objects.get(kind="framework", counterparts__slug="bird")
    assert agreement.body.acronym == "SEDECO"
    assert list(agreement.other_bodies.values_list("acronym", flat=True)) == ["SEFIN"]


def test_onu_habitat_row_is_with_the_federal_body_the_book_names():
    agreement = Agreement.objects.get(kind="framework", counterparts__slug="onu-habitat")
    assert agreement.body.name == "Secretaría de Desarrollo Agrario, Territorial y Urbano"
    assert agreement.body.kind == "federal"


def test_nagoya_renewal_renews_the_1977_twinning_and_other_renewals_renew_nothing():
    assert Agreement.objects.get(code="refrendo-2008-nagoya").renews.code == "hermanamiento-1977-nagoya"
    assert Agreement.objects.get(code="refrendo-2007-los-angeles").renews is None
    assert Agreement.objects.get(code="refrendo-2010-seul").renews is None


@pytest.mark.parametrize(
    ("code", "event", "frameworks"),
    [
        ("pacto-2010-ciudad-de-mexico", "Cumbre Mundial de Alcaldes sobre el Clima (C-Clima)", []),
        ("carta-2010-derecho-a-la-ciudad", None, ["nueva-agenda-urbana"]),
        ("manifiesto-2010-ciudad-2030", "Cumbre Mundial de Ciudades y Gobiernos Locales Unidos", []),
        (
            "declaracion-2015-paris-gobiernos-locales",
            "Cumbre Mundial sobre Acción Climática Local",
            ["acuerdo-de-paris"],
        ),
        (
            "declaracion-2016-ciudad-de-mexico",
            "Reunión temática rumbo a Hábitat III “Financiar el desarrollo urbano: el desafío del milenio”",
            ["nueva-agenda-urbana"],
        ),
        ("declaracion-u20", None, []),
        (
            "documento-politico-2016-un-lugar-en-la-mesa-global",
            "Conferencia sobre la Vivienda y el Desarrollo Urbano Sostenible Hábitat III",
            [],
        ),
    ],
)
def test_collective_agreements_link_their_event_and_framework(code, event, frameworks):
    agreement = Agreement.objects.get(code=code)
    assert (agreement.signed_at_event.name if agreement.signed_at_event else None) == event
    assert list(agreement.frameworks.values_list("code", flat=True)) == frameworks


def test_madrid_memorandum_says_the_book_does_not_tell_if_it_is_the_2017_agreement():
    memorandum = Agreement.objects.get(code="memorando-2017-madrid")
    assert memorandum.kind == "memorandum"
    assert "no dice si se trata del mismo instrumento" in memorandum.description
    specific = Agreement.objects.get(kind="specific_cooperation", counterparts__slug="madrid")
    assert (specific.signed_on, specific.signed_on_precision) == (D(2017, 1, 1), "year")


def test_actions_tied_to_an_agreement():
    assert sorted(Action.objects.exclude(agreement=None).values_list("agreement__code", flat=True)) == [
        "hermanamiento-1977-nagoya", "hermanamiento-1977-nagoya",
    ]


def test_technical_missions_are_one_aggregate_action():
    missions = Action.objects.get(kind="mission")
    assert missions.people_reached == 19
    assert (missions.start_on, missions.end_on) == (D(2017, 1, 1), D(2018, 1, 1))


@pytest.mark.parametrize(
    ("title_contains", "guests", "honour", "event"),
    [
        (
            "alcaldes de América Latina",
            [
                "Ana Olivera", "Mónica Fein", "Gustavo Bordet", "Nasry Asfura", "Sebastião de Melo Araújo",
                "Gerald Enrique Cumberbatch",
            ],
            "guest",
            "Diálogo de Alcaldes de América Latina",
        ),
        ("Reyes de España", ["Don Felipe VI", "Doña Letizia"], "guest", None),
        ("Hasekura", ["Hasekura Tsunetaka"], "visitor", None),
        ("Phumzile Mlambo", ["Phumzile Mlambo"], "visitor", None),
    ],
)
def test_incoming_visit_guests(title_contains, guests, honour, event):
    visit = Visit.objects.get(title__contains=title_contains)
    assert list(visit.guests.values_list("name", flat=True)) == guests
    assert visit.honour == honour
    assert (visit.event.name if visit.event else None) == event


def test_architects_of_march_2018_are_one_visit_of_14_distinguished_visitors():
    visit = Visit.objects.get(title__contains="arquitectos y diseñadores")
    assert visit.guests.count() == 14
    assert (visit.honour, visit.start_on) == ("visitor", D(2018, 3, 1))
    assert visit.event.name == "Foro Internacional de Diseño de World Design Capital Mexico City 2018"


def test_un_system_flag_only_on_un_system_organisations():
    assert set(Counterpart.objects.filter(is_un_system=True).values_list("slug", flat=True)) == {
        "unesco", "cepal", "onu-mujeres", "unicef", "fao", "acnur", "onusida", "unodc", "unfpa", "onu-habitat",
        "omm", "bird", "oim", "onu", "ifc",
    }
    assert not Counterpart.objects.filter(slug__in=["ocde", "cicr", "union-europea"], is_un_system=True).exists()


def test_coordinates_only_for_cities_and_states():
    placed = Counterpart.objects.exclude(latitude=None)
    assert set(placed.values_list("kind", flat=True)) == {"city", "state"}
    assert not Counterpart.objects.filter(kind="international_org").exclude(latitude=None).exists()


def test_a_city_without_country_in_the_book_stays_without_country():
    san_antonio = Counterpart.objects.get(slug="san-antonio")
    assert (san_antonio.country.code, san_antonio.region, san_antonio.latitude) == ("", "", None)
    assert "no indica el país" in san_antonio.description


@pytest.mark.parametrize(
    ("slug", "region"),
    [
        ("chicago", "north_america"), ("moscu", "europe"), ("estambul", "middle_east"), ("shenzhen", "asia"),
        ("montevideo", "latin_america"),
    ],
)
def test_region_follows_from_the_country(slug, region):
    assert Counterpart.objects.get(slug=slug).region == region


@pytest.mark.parametrize(
    ("network", "role", "start_on"),
    [
        ("100-ciudades-resilientes", "Miembro fundador", D(2013, 1, 1)),
        ("al-las", "Miembro", None),
        ("u20", "Miembro", None),
        ("programa-de-accion-global-eds-unesco", "Miembro", None),
        ("cglu", "Miembro", None),
    ],
)
def test_memberships(network, role, start_on):
    membership = Membership.objects.get(network__slug=network)
    assert (membership.role, membership.start_on) == (role, start_on)


def test_positions_per_network():
    assert sorted(Position.objects.values_list("network__slug", flat=True)) == [
        "al-las", "alcaldes-por-la-paz", "c40", "cglu", "cglu", "cglu", "metropolis", "ucci", "ucci", "ucci", "wego",
    ]
    ucci = Position.objects.filter(network__slug="ucci").order_by("start_on")
    assert [(p.start_on.year, p.end_on.year) for p in ucci] == [(2012, 2014), (2014, 2016), (2016, 2018)]


def test_hosted_offices():
    offices = {office.network.slug: office for office in HostedOffice.objects.select_related("network", "host_body")}
    assert offices["fmdv"].host_body.acronym == "CGAI"
    assert (offices["fmdv"].start_on, offices["wego"].start_on, offices["metropolis"].start_on) == (
        D(2012, 1, 1),
        D(2017, 1, 1),
        None,
    )


@pytest.mark.parametrize(
    ("recognised_for", "body"),
    [
        ("Programa de Seguridad Vial: Visión Cero", "SEMOVI"),
        ("Hospital de las Emociones", "Injuve"),
        ("Programa de Comedores Comunitarios", "SEDESO"),
        ("Programa SaludArte", "SEDU"),
        ("Museo Móvil Interactivo, ¡Vive la Ciencia!", "SECITI"),
        ("El proyecto Living Mobilities", "LABCDMX"),
        ("El proyecto Monitoreo CDMX, como una", "CGAI"),
    ],
)
def test_award_body_is_the_one_the_book_names(recognised_for, body):
    assert Award.objects.get(recognised_for__startswith=recognised_for).body.acronym == body


def test_award_granted_by_several_grantors():
    award = Award.objects.get(title="Premio Internacional de Guangzhou")
    assert sorted(award.granted_by.values_list("slug", flat=True)) == [
        "asociacion-amistad-pueblo-chino", "cglu", "guangzhou", "metropolis",
    ]
    assert award.awarded_on == D(2016, 1, 1) and award.awarded_on_precision == "year"


def test_the_city_grants_the_cglu_culture_21_award():
    award = Award.objects.get(direction="granted")
    assert (award.title, award.category, award.body.name) == (
        "Premio Internacional CGLU-Ciudad de México-Cultura 21",
        "culture",
        "Secretaría de Cultura",
    )
    assert "238 postulaciones" in award.description
