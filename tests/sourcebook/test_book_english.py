"""The book's records and catalogues in English (issue 23, item 4).

``load_book`` writes the project's unofficial English beside the book's
Spanish: the official English names where they exist (the 17 SDGs, the UN's
frameworks and bodies, the networks), plain translations elsewhere. Record
translations are loaded reviewed, so English pages show them with the
«Traducción no oficial» note; the excerpts of the book stay in Spanish.

The book is loaded once for the module (see ``tests/conftest.py``).
"""

import pytest
from django.utils import translation

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from cdmx_global.services import record_update
from cdmx_global.templatetags.translations import translation_note
from cdmx_global.translation import TranslationStatus, translated, translated_fields
from events.models import Award, Event, Visit
from networks.models import HostedOffice, Membership, Network, Position
from sourcebook.loader import load_book
from sourcebook.records import agreements as agreements_data
from sourcebook.records import counterparts as counterparts_data
from sourcebook.upsert import Outcome
from tests.support.factories import reviewer

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

REVIEWED = TranslationStatus.REVIEWED

#: The Sustainable Development Goals as the United Nations names them in English.
UN_SDG_NAMES = {
    1: "No Poverty",
    2: "Zero Hunger",
    3: "Good Health and Well-being",
    4: "Quality Education",
    5: "Gender Equality",
    6: "Clean Water and Sanitation",
    7: "Affordable and Clean Energy",
    8: "Decent Work and Economic Growth",
    9: "Industry, Innovation and Infrastructure",
    10: "Reduced Inequalities",
    11: "Sustainable Cities and Communities",
    12: "Responsible Consumption and Production",
    13: "Climate Action",
    14: "Life Below Water",
    15: "Life on Land",
    16: "Peace, Justice and Strong Institutions",
    17: "Partnerships for the Goals",
}

#: Per record kind, the text that names it: every one the book gives has it in English.
TITLED = [
    (Agreement, "title"),
    (Action, "title"),
    (Event, "name"),
    (Visit, "title"),
    (Award, "title"),
    (Network, "name"),
    (Position, "title"),
    (HostedOffice, "name"),
]

#: Counterparts whose name English writes the same and of which the data says nothing else:
#: their English name is their name, reviewed with the book's translations.
SAME_IN_ENGLISH = {
    "cities-alliance",
    "financial-times",
    "food-and-travel",
    "grupo-excelencias",
    "marie-stopes",
    "new-york-times",
    "non-violence-project",
    "population-council",
    "sanofi",
    "travel-leisure",
}


# --- Catalogues -------------------------------------------------------------


def test_every_sdg_has_the_un_official_english_name():
    assert dict(SustainableDevelopmentGoal.objects.values_list("number", "name_en")) == UN_SDG_NAMES


def test_the_frameworks_have_their_official_english_names():
    assert dict(Framework.objects.values_list("code", "name_en")) == {
        "agenda-2030": "2030 Agenda for Sustainable Development",
        "acuerdo-de-paris": "Paris Agreement",
        "marco-de-sendai": "Sendai Framework for Disaster Risk Reduction",
        "nueva-agenda-urbana": "New Urban Agenda",
    }
    assert not Framework.objects.filter(description_en="").exists()


@pytest.mark.parametrize(
    "model", [GovernmentBody, Theme, SustainableDevelopmentGoal, Framework], ids=lambda m: m.__name__
)
def test_every_catalogue_entry_of_the_book_has_an_english_name(model):
    assert model.objects.count() > 0
    assert list(model.objects.filter(name_en="").values_list("name", flat=True)) == []


@pytest.mark.parametrize(
    ("model", "key", "value", "english"),
    [
        (GovernmentBody, "slug", "sedema", "Ministry of the Environment"),
        (GovernmentBody, "slug", "cgai", "General Coordination of International Affairs"),
        (Theme, "slug", "cambio-climatico", "Climate change"),
    ],
)
def test_catalogue_names_are_plain_translations(model, key, value, english):
    assert model.objects.get(**{key: value}).name_en == english


def test_a_bodys_acronym_stays_the_spanish_one():
    body = GovernmentBody.objects.get(slug="sedema")
    assert (body.acronym, body.name, body.name_en) == (
        "SEDEMA",
        "Secretaría del Medio Ambiente",
        "Ministry of the Environment",
    )
    with translation.override("en"):
        assert str(body) == "Ministry of the Environment (SEDEMA)"
    with translation.override("es"):
        assert str(body) == "Secretaría del Medio Ambiente (SEDEMA)"


# --- Records ----------------------------------------------------------------


@pytest.mark.parametrize(("model", "field"), TITLED, ids=lambda v: getattr(v, "__name__", v))
def test_every_book_record_has_a_reviewed_english_title(model, field):
    records = model.objects.published()
    assert records.count() > 0
    assert list(records.filter(**{f"{field}_en": ""}).values_list(field, flat=True)) == []
    assert set(records.values_list("translation_status", "translation_outdated", "translation_reviewed_by")) == {
        (REVIEWED, False, None)
    }
    assert not records.filter(translation_reviewed_at=None).exists()


def test_counterparts_have_their_english_name_the_same_where_english_does_not_name_them_otherwise():
    names = dict(Counterpart.objects.values_list("slug", "name_en"))
    assert {slug: names[slug] for slug in ["moscu", "paris", "dublin", "los-angeles", "quebec", "nueva-york"]} == {
        "moscu": "Moscow",
        "paris": "Paris",
        "dublin": "Dublin",
        "los-angeles": "Los Angeles",
        "quebec": "Quebec City",
        "nueva-york": "New York",
    }
    assert {slug: names[slug] for slug in ["madrid", "sao-paulo", "bogota", "chicago", "financial-times"]} == {
        "madrid": "Madrid",
        "sao-paulo": "São Paulo",
        "bogota": "Bogotá",
        "chicago": "Chicago",
        "financial-times": "Financial Times",
    }


@pytest.mark.parametrize(
    ("slug", "english"),
    [
        ("unesco", "United Nations Educational, Scientific and Cultural Organization"),
        ("onu-habitat", "United Nations Human Settlements Programme"),
        ("onu-mujeres", "UN Women"),
        ("unicef", "United Nations Children’s Fund"),
        ("fao", "Food and Agriculture Organization of the United Nations"),
        ("acnur", "United Nations High Commissioner for Refugees"),
        ("cepal", "Economic Commission for Latin America and the Caribbean"),
        ("ocde", "Organisation for Economic Co-operation and Development"),
        ("c40", "C40 Cities Climate Leadership Group"),
        ("cglu", "United Cities and Local Governments"),
        ("iclei", "ICLEI – Local Governments for Sustainability"),
        ("metropolis", "World Association of the Major Metropolises"),
    ],
)
def test_un_bodies_and_networks_among_counterparts_have_their_official_english_names(slug, english):
    assert Counterpart.objects.get(slug=slug).name_en == english


def test_every_counterpart_has_its_english_reviewed():
    # A name English writes the same is its English name: no counterpart page says «Spanish only».
    statuses = dict(Counterpart.objects.values_list("slug", "translation_status"))
    assert {slug for slug, status in statuses.items() if status != REVIEWED} == set()
    assert {statuses[slug] for slug in SAME_IN_ENGLISH} == {REVIEWED}
    # Madrid keeps its name in English; its note on the map's coordinates is translated.
    madrid = Counterpart.objects.get(slug="madrid")
    assert (madrid.name_en, madrid.translation_status) == ("Madrid", REVIEWED)
    assert madrid.description_en == counterparts_data.CITY_COORDINATES_EN


def test_a_networks_memberships_are_translated_where_they_have_notes():
    statuses = set(Membership.objects.values_list("notes", "notes_en", "translation_status"))
    assert {(bool(notes), bool(notes_en), status) for notes, notes_en, status in statuses} == {
        (True, True, REVIEWED),
        (False, False, TranslationStatus.NONE),
    }


def test_twinning_agreements_are_twinnings_in_english():
    titles = dict(Agreement.objects.filter(kind="twinning").values_list("code", "title_en"))
    assert len(titles) == 16
    assert all(title.startswith("Twinning with ") for title in titles.values())
    assert titles["hermanamiento-1977-nagoya"] == "Twinning with Nagoya (1977)"
    assert titles["hermanamiento-2010-estambul"] == "Twinning with Istanbul (2010)"
    assert titles["refrendo-2010-seul"] == "Twinning with Seoul (renewed in 2010)"


@pytest.mark.parametrize(
    ("code", "title", "purpose"),
    [
        ("cce-2014-moscu", "Specific cooperation agreement with Moscow (2014)", ""),
        ("amistad-1999-paris", "Friendship and cooperation agreement with Paris", ""),
        (
            "marco-unesco-sedu",
            "Framework cooperation agreement with UNESCO (Ministry of Education)",
            "Development of education, science and culture",
        ),
        ("pacto-2010-ciudad-de-mexico", "Mexico City Pact", (
            "Voluntary commitments to mitigate greenhouse gas (GHG) emissions and to adapt cities to the impacts "
            "of climate change."
        )),
    ],
)
def test_agreement_titles_and_purposes_in_english(code, title, purpose):
    agreement = Agreement.objects.get(code=code)
    assert (agreement.title_en, agreement.purpose_en) == (title, purpose)


@pytest.mark.parametrize(
    ("model", "lookup", "field", "english"),
    [
        (Event, {"name": "Diálogo de Talanoa"}, "name", "Talanoa Dialogue"),
        (
            Event,
            {"name": "Conferencia de las Naciones Unidas sobre Cambio Climático (COP 21)"},
            "name",
            "United Nations Climate Change Conference (COP 21)",
        ),
        (
            Visit,
            {"title": "Gira oficial del Jefe de Gobierno a Moscú"},
            "title",
            "Official trip by the Head of Government to Moscow",
        ),
        (Action, {"title": "Alas de la Ciudad de México en Berlín"}, "title", "Wings of Mexico City in Berlin"),
        (Award, {"title": "Premio Audi Urban Future Award"}, "title", "Audi Urban Future Award"),
        (Network, {"slug": "100-ciudades-resilientes"}, "name", "100 Resilient Cities"),
    ],
)
def test_record_titles_in_english(model, lookup, field, english):
    assert getattr(model.objects.get(**lookup), f"{field}_en") == english


def test_english_pages_show_the_english_title_as_an_unofficial_translation():
    agreement = Agreement.objects.get(code="hermanamiento-1977-nagoya")
    with translation.override("en"):
        title = translated(agreement, "title")
        note = translation_note(agreement)
    assert (title, title.language) == ("Twinning with Nagoya (1977)", "en")
    assert 'data-translation="unofficial"' in note
    with translation.override("es"):
        title = translated(agreement, "title")
        assert translation_note(agreement) == ""
    assert (title, title.language) == ("Hermanamiento con Nagoya (1977)", "es")


# --- The book's excerpts stay in Spanish ------------------------------------


@pytest.mark.parametrize(
    "model", [Counterpart, Network, Membership, Position, HostedOffice, Event, Agreement, Action, Visit, Award],
    ids=lambda m: m.__name__,
)
def test_the_books_excerpts_have_no_translation(model):
    assert "source_excerpt" not in translated_fields(model)
    assert not hasattr(model, "source_excerpt_en")


def test_the_excerpts_are_the_books_data_unchanged():
    excerpts = dict(Agreement.objects.values_list("code", "source_excerpt"))
    assert excerpts == {row["code"]: row["source_excerpt"] for row in agreements_data.AGREEMENTS}


# --- Loading again ----------------------------------------------------------


def translations() -> dict:
    """Per record kind, each record's English title with its translation's status and review time."""
    return {
        model: list(
            model.objects.order_by("pk").values_list(f"{field}_en", "translation_status", "translation_reviewed_at")
        )
        for model, field in TITLED
    }


def test_a_second_load_leaves_every_translation_as_it_was():
    before = translations()

    summary = load_book()

    assert not summary.changed
    assert translations() == before


def test_a_record_loaded_before_its_english_existed_gets_it_reviewed():
    # As a database loaded by an earlier version of the data, with no English.
    Agreement.objects.filter(code="cce-2014-moscu").update(
        title_en="", translation_status=TranslationStatus.NONE, translation_reviewed_at=None
    )

    summary = load_book()

    agreement = Agreement.objects.get(code="cce-2014-moscu")
    assert (agreement.title_en, agreement.translation_status, agreement.translation_reviewed_by) == (
        "Specific cooperation agreement with Moscow (2014)",
        REVIEWED,
        None,
    )
    assert [(w.record.pk, w.outcome, w.fields) for w in summary.details] == [
        (agreement.pk, Outcome.UPDATED, ("title_en",))
    ]


def test_a_translation_staff_edited_is_kept_as_they_left_it():
    editor = reviewer()
    agreement = Agreement.objects.get(code="cce-2014-moscu")
    agreement = record_update(
        record=agreement,
        user=editor,
        reason="Traducción corregida",
        expected_version=agreement.version,
        changes={"title_en": "Specific cooperation agreement with the City of Moscow (2014)"},
    )
    assert agreement.translation_status == TranslationStatus.DRAFT

    summary = load_book()

    agreement.refresh_from_db()
    assert (agreement.title_en, agreement.translation_status) == (
        "Specific cooperation agreement with the City of Moscow (2014)",
        TranslationStatus.DRAFT,
    )
    assert summary.tallies[Agreement].kept == 1
