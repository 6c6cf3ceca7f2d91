"""English search (issue 23): on English pages a word is found by its English
stem in the records' reviewed English texts as well as by its Spanish stem;
results show the reviewed English title and summary with ``lang="en"``; a
draft translation lends the index nothing; Spanish pages find what they did."""

import pytest
from django.contrib.contenttypes.models import ContentType
from pytest_django.asserts import assertContains, assertNotContains

from agreements.models import Agreement
from cdmx_global.services import record_create, record_update, translation_mark_reviewed
from search.models import SearchEntry
from search.text import QueryWord, english_search_terms, query_words, search_terms
from tests.support.factories import (
    AgreementFactory,
    CounterpartFactory,
    GovernmentBodyFactory,
    ThemeFactory,
    reviewer,
)
from tests.support.feeds import atom_feed_entries

pytestmark = pytest.mark.django_db

SPANISH_URL = "/buscar/"
ENGLISH_URL = "/en/buscar/"

TWINNING = "Acuerdo de hermanamiento con Ciudad X"
SISTER = "Acuerdo de ciudades hermanas con Y"
SPANISH_PURPOSE = "Cooperación técnica en materia de movilidad."


def agreement(*, reviewed: bool, publish: bool = True, m2m=None, **fields) -> Agreement:
    """An agreement written through the services, as the book load writes one:
    published by the system, its English reviewed or left a draft."""
    instance = AgreementFactory.build(body=GovernmentBodyFactory(), purpose=SPANISH_PURPOSE, **fields)
    return record_create(
        instance=instance, user=None, reason="Prueba", publish=publish, review_translation=reviewed, m2m=m2m
    )


@pytest.fixture
def twinning():
    return agreement(
        reviewed=True, code="hermanamiento-x", title=TWINNING, title_en="Twinning agreement with City X",
        purpose_en="Technical cooperation on mobility.",
    )


@pytest.fixture
def sister():
    return agreement(reviewed=True, code="hermanas-y", title=SISTER, title_en="Sister city agreement with Y")


def titles(client, url: str, query: str) -> list[str]:
    """The Spanish titles of the entries the page finds for ``query``, best first."""
    return [entry.title for entry in client.get(url, {"q": query}).context["entries"]]


def entry_of(record) -> SearchEntry:
    return SearchEntry.objects.get(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


# --- Words to stems -------------------------------------------------------------


def test_english_terms_fold_case_accents_plurals_and_english_stop_words():
    assert english_search_terms("Sister Cities' AGREEMENTS with the Twinning of Café") == [
        "sister", "citi", "agreement", "twin", "cafe",
    ]


def test_query_words_have_both_stems_on_english_pages_and_the_spanish_one_alone_on_spanish_pages():
    assert query_words("Sister cities with the hermanamientos", english=True) == [
        QueryWord("sist", "sister"), QueryWord("citi", "citi"), QueryWord("herman", "hermanamiento"),
    ]
    # A Spanish page reads the query as it always did: Spanish stop words only, Spanish stems.
    spanish = query_words("Sister cities with the hermanamientos", english=False)
    assert spanish == [QueryWord(term) for term in search_terms("Sister cities with the hermanamientos")]
    assert spanish == [QueryWord("sist"), QueryWord("citi"), QueryWord("with"), QueryWord("the"), QueryWord("herman")]


# --- Finding -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # A twinning is what English in the Americas calls a sister-city agreement: each finds the other.
        ("twinning", [SISTER, TWINNING]),
        ("Twinning agreements", [SISTER, TWINNING]),
        ("sister city", [SISTER, TWINNING]),
        ("sister cities", [SISTER, TWINNING]),
        ("SISTER CITIES", [SISTER, TWINNING]),
        # Spanish words keep their Spanish stems: «hermanas» and «hermanamiento» share «herman».
        ("hermanamiento", [SISTER, TWINNING]),
        # One word found in English, the other in Spanish.
        ("mobility hermanamiento", [TWINNING]),
        ("mobility", [TWINNING]),
        ("zebra twinning", []),
    ],
)
def test_english_page_finds_each_word_by_its_english_or_its_spanish_stem(client, twinning, sister, query, expected):
    assert sorted(titles(client, ENGLISH_URL, query)) == expected


def test_a_title_match_in_english_ranks_above_a_body_match(client, sister):
    in_body = agreement(
        reviewed=True, code="movilidad", title="Convenio de movilidad", title_en="Mobility agreement",
        purpose_en="Sister cities share their buses.",
    )
    assert titles(client, ENGLISH_URL, "sister") == [SISTER, in_body.title]


def test_spanish_page_finds_what_it_did_and_no_english_word(client, twinning, sister):
    assert titles(client, SPANISH_URL, "twinning") == []
    assert titles(client, SPANISH_URL, "sister city") == []
    assert sorted(titles(client, SPANISH_URL, "hermanamiento")) == [SISTER, TWINNING]


def test_a_stem_is_looked_for_in_its_own_language_only(client, twinning):
    # «twin» is the English stem of «Twinning»; typed on a Spanish page, «twin» is a Spanish stem.
    plan = agreement(reviewed=False, code="plan-pari", title="Plan Pari")
    assert titles(client, SPANISH_URL, "twin") == []
    assert titles(client, ENGLISH_URL, "twin") == [TWINNING]
    # «Paris» stems to «pari» in English, the Spanish stem of «Pari»: no match across languages.
    assert titles(client, ENGLISH_URL, "paris") == []
    assert titles(client, ENGLISH_URL, "pari") == [plan.title]


def test_linked_catalogues_and_reviewed_counterparts_lend_their_english_names(client):
    theme = ThemeFactory(published=True, name="Agricultura urbana", name_en="Urban farming")
    reviewed_city = record_create(
        instance=CounterpartFactory.build(body=GovernmentBodyFactory(), name="Villa Quovadia", name_en="Quovadia Town"),
        user=None, reason="Prueba", publish=True, review_translation=True,
    )
    draft_city = record_create(
        instance=CounterpartFactory.build(body=GovernmentBodyFactory(), name="Villa Zyx", name_en="Zephyrword Town"),
        user=None, reason="Prueba", publish=True,
    )
    linked = agreement(
        reviewed=False, code="huertos", title="Convenio de huertos",
        m2m={"themes": [theme], "counterparts": [reviewed_city, draft_city]},
    )
    assert titles(client, ENGLISH_URL, "farming") == [linked.title]
    assert sorted(titles(client, ENGLISH_URL, "town")) == [linked.title, "Villa Quovadia, Francia"]
    assert titles(client, ENGLISH_URL, "zephyrword") == []
    assert titles(client, SPANISH_URL, "farming") == []

    # A catalogue's English name is public as soon as it is written; the records naming it follow.
    theme.name_en = "Urban gardens"
    theme.save()
    assert titles(client, ENGLISH_URL, "farming") == []
    assert titles(client, ENGLISH_URL, "gardens") == [linked.title]


# --- Showing ---------------------------------------------------------------------


def test_english_results_show_the_reviewed_english_with_lang_en_and_the_rest_in_spanish(client, twinning, sister):
    untranslated = agreement(reviewed=False, code="sin-traduccion", title="Acuerdo de cooperación con Z")

    response = client.get(ENGLISH_URL, {"q": "acuerdo"})

    assert sorted(entry.title for entry in response.context["entries"]) == [SISTER, untranslated.title, TWINNING]
    assertContains(
        response,
        f'<h3><a href="/en/acuerdos/{twinning.code}/" lang="en">Twinning agreement with City X</a></h3>'
        '<p lang="en">Technical cooperation on mobility.</p>',
        html=True,
    )
    # A reviewed English title without an English summary: the Spanish summary, marked Spanish.
    assertContains(
        response,
        f'<h3><a href="/en/acuerdos/{sister.code}/" lang="en">Sister city agreement with Y</a></h3>'
        f'<p lang="es">{SPANISH_PURPOSE}</p>',
        html=True,
    )
    assertContains(
        response,
        f'<h3><a href="/en/acuerdos/{untranslated.code}/" lang="es">Acuerdo de cooperación con Z</a></h3>'
        f'<p lang="es">{SPANISH_PURPOSE}</p>',
        html=True,
    )


def test_spanish_results_show_the_spanish_text_only(client, twinning):
    response = client.get(SPANISH_URL, {"q": "hermanamiento"})
    assertContains(
        response,
        f'<h3><a href="/acuerdos/{twinning.code}/" lang="es">{TWINNING}</a></h3><p lang="es">{SPANISH_PURPOSE}</p>',
        html=True,
    )
    assertNotContains(response, "Twinning agreement")


def test_english_feed_gives_the_english_title_and_summary(client, twinning, sister):
    entries = atom_feed_entries(client.get(ENGLISH_URL, {"q": "twinning mobility", "formato": "atom"}))
    assert [(entry.title, entry.link, entry.summary) for entry in entries] == [
        ("Twinning agreement with City X", f"http://testserver/en/acuerdos/{twinning.code}/",
         "Technical cooperation on mobility."),
    ]
    spanish = atom_feed_entries(client.get(SPANISH_URL, {"q": "hermanamiento", "formato": "atom"}))
    assert sorted((entry.title, entry.summary) for entry in spanish) == [
        (SISTER, SPANISH_PURPOSE), (TWINNING, SPANISH_PURPOSE),
    ]


# --- What a draft translation leaves out -------------------------------------------


def test_a_draft_translation_and_an_unpublished_record_are_found_nowhere(client, twinning):
    draft_english = agreement(
        reviewed=False, code="borrador-ingles", title="Convenio Quimera", title_en="Zephyrword agreement",
        purpose_en="Zephyrword cooperation.",
    )
    unpublished = agreement(
        reviewed=True, publish=False, code="sin-publicar", title="Convenio Quimera sin publicar",
        title_en="Unpublished zephyrword agreement",
    )
    assert draft_english.translation_status == "draft"
    assert unpublished.translation_status == "reviewed"

    for url in (SPANISH_URL, ENGLISH_URL):
        assert titles(client, url, "zephyrword") == []
        # Found by its Spanish words, it is shown in Spanish.
        response = client.get(url, {"q": "quimera"})
        assert [entry.title for entry in response.context["entries"]] == ["Convenio Quimera"]
        assertNotContains(response, "ephyrword")
        assertNotContains(client.get(url, {"q": "quimera", "formato": "atom"}), "ephyrword")
    assert titles(client, ENGLISH_URL, "agreement") == [TWINNING]

    entry = entry_of(draft_english)
    assert (entry.title_en, entry.summary_en, entry.title_terms_en, entry.terms_en) == ("", "", "", "")
    assert not SearchEntry.objects.filter(object_id=unpublished.pk, kind="agreement").exists()


def test_the_english_joins_the_index_when_reviewed_and_leaves_it_when_back_to_draft(client):
    record = agreement(reviewed=False, code="hermanamiento-w", title="Hermanamiento con W", title_en="Twinning with W")
    assert titles(client, ENGLISH_URL, "twinning") == []

    translation_mark_reviewed(record=record, user=reviewer(username="marta"), expected_version=None)

    assert titles(client, ENGLISH_URL, "twinning") == ["Hermanamiento con W"]
    entry = entry_of(record)
    assert (entry.title_en, entry.title_terms_en, entry.terms_en) == (
        "Twinning with W", " twin w sister citi ", " twin w sister citi "
    )

    # A change to the Spanish text leaves the reviewed English (outdated, noted on its page) in the index.
    record = record_update(record=record, user=None, reason="Prueba", expected_version=None,
                           changes={"title": "Hermanamiento con Villa W"})
    assert record.translation_outdated is True
    assert titles(client, ENGLISH_URL, "twinning") == ["Hermanamiento con Villa W"]

    # New English text is a draft again: it leaves the index until a reviewer approves it.
    record_update(record=record, user=None, reason="Prueba", expected_version=None,
                  changes={"title_en": "Twinning with the town of W"})
    assert titles(client, ENGLISH_URL, "twinning") == []
    assert titles(client, ENGLISH_URL, "town") == []
    entry = entry_of(record)
    assert (entry.title_en, entry.title_terms_en, entry.terms_en) == ("", "", "")

