"""English pages show a record's reviewed English text, marked ``lang="en"``
and noted as an unofficial translation; a record without one shows its Spanish
text, marked ``lang="es"`` and noted «Spanish only»; English text not yet
reviewed appears on no public page, list or feed; Spanish pages don't change
(issue 23)."""

import html
import re

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from agreements.models import Agreement
from cdmx_global.services import record_create, record_update
from cdmx_global.translation import TranslationStatus
from events.models import Event
from tests.support.factories import (
    AgreementFactory,
    CommitmentFactory,
    CounterpartFactory,
    EventFactory,
    GovernmentBodyFactory,
    ThemeFactory,
    VisitFactory,
    partial_date,
)
from tests.support.feeds import ATOM, atom_root

pytestmark = pytest.mark.django_db

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

SPANISH_ONLY = (
    "Spanish only: this record has no reviewed English translation yet; it is shown in its original Spanish."
)
UNOFFICIAL = "Unofficial translation: the Spanish text prevails."
OUTDATED = (
    "Unofficial and outdated translation: the Spanish text changed after this translation was reviewed. "
    "The Spanish text prevails."
)
# English text written but never reviewed: it must show nowhere.
DRAFT_WORD = "Unreviewedword"


def publish(factory, *, reviewed=False, m2m=None, **fields):
    """A published record written through the services, its English text (if any) reviewed or left a draft."""
    return record_create(
        instance=factory.build(**fields), user=None, reason=None, publish=True, m2m=m2m, review_translation=reviewed
    )


@pytest.fixture
def body():
    return GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI", name_en="Mobility Secretariat")


@pytest.fixture
def paris(body):
    return publish(CounterpartFactory, body=body, name="París", slug="paris", country="FR")


@pytest.fixture
def records(body, paris):
    """A published agreement with a reviewed translation, one without any, one
    whose English is a draft, and a draft agreement with a reviewed translation,
    all with Paris."""
    links = {"counterparts": [paris]}
    return {
        "reviewed": publish(
            AgreementFactory, body=body, code="hermanamiento-paris", title="Hermanamiento con París",
            title_en="Twinning with Paris", purpose="Cooperación en movilidad.", purpose_en="Cooperation on mobility.",
            reviewed=True, m2m=links, **partial_date("signed_on", 2015, 3, 2),
        ),
        "spanish": publish(
            AgreementFactory, body=body, code="convenio-paris", title="Convenio de cooperación con París",
            purpose="Intercambio técnico.", m2m=links, **partial_date("signed_on", 2014, 5, 6),
        ),
        "draft_english": publish(
            AgreementFactory, body=body, code="memorando-paris", title="Memorando con París",
            title_en=f"{DRAFT_WORD} memorandum", purpose="Agua.", purpose_en=f"{DRAFT_WORD} water.", m2m=links,
            **partial_date("signed_on", 2013, 7, 8),
        ),
        "unpublished": record_create(
            instance=AgreementFactory.build(
                body=body, code="borrador-paris", title="Acuerdo borrador con París",
                title_en=f"{DRAFT_WORD} draft agreement",
            ),
            user=None, reason=None, review_translation=True, m2m=links,
        ),
    }


def url(record) -> str:
    """``record``'s address without the language prefix, whichever language the last request left active."""
    with translation.override(settings.LANGUAGE_CODE):
        return record.get_absolute_url()


def h1(page: str) -> tuple[str, str]:
    """The page's heading: its ``lang`` and its text."""
    lang, text = re.search(r'<h1 lang="([^"]+)">(.*?)</h1>', page, re.S).groups()
    return lang, html.unescape(text)


def notes(page: str) -> list[tuple[str, str]]:
    return [
        (kind, html.unescape(text))
        for kind, text in re.findall(r'<p class="translation-note" data-translation="([^"]+)">(.*?)</p>', page)
    ]


def links_to(page: str, record) -> list[tuple[str, str]]:
    """Every link to ``record``'s page on a list: its ``lang`` and text."""
    address = re.escape(url(record))
    return [
        (lang, html.unescape(text))
        for lang, text in re.findall(rf'<a href="(?:/en)?{address}" lang="([^"]+)">([^<]*)</a>', page)
    ]


def test_english_page_shows_the_reviewed_title_and_notes_it_unofficial(client, records):
    page = client.get(f"/en{url(records['reviewed'])}").content.decode()

    assert h1(page) == ("en", "Twinning with Paris")
    assert notes(page) == [("unofficial", UNOFFICIAL)]
    assert '<p class="lead" lang="en">Cooperation on mobility.</p>' in page
    assert "<title>Twinning with Paris · " in page
    # The body's English name is a catalogue's: shown as soon as it exists.
    assert '<dd lang="en">Mobility Secretariat (SEMOVI)</dd>' in page


def test_english_page_of_a_record_without_translation_shows_spanish_marked_and_noted(client, records):
    page = client.get(f"/en{url(records['spanish'])}").content.decode()

    assert h1(page) == ("es", "Convenio de cooperación con París")
    assert notes(page) == [("none", SPANISH_ONLY)]
    assert '<p class="lead" lang="es">Intercambio técnico.</p>' in page


def test_spanish_page_stays_spanish_without_note(client, records):
    page = client.get(url(records["reviewed"])).content.decode()

    assert h1(page) == ("es", "Hermanamiento con París")
    assert notes(page) == []
    assert "Twinning" not in page
    assert '<dd lang="es">Secretaría de Movilidad (SEMOVI)</dd>' in page


def test_editing_the_spanish_of_a_reviewed_record_shows_the_outdated_note(client, records):
    agreement = Agreement.objects.get(pk=records["reviewed"].pk)
    record_update(
        record=agreement, user=None, reason="Corrección", expected_version=agreement.version,
        changes={"title": "Hermanamiento con la Ciudad de París"},
    )

    page = client.get(f"/en{url(agreement)}").content.decode()

    assert h1(page) == ("en", "Twinning with Paris")
    assert notes(page) == [("outdated", OUTDATED)]


def test_draft_english_shows_on_no_english_page(client, records, paris):
    draft = records["draft_english"]
    pages = {
        path: client.get(path).content.decode()
        for path in [
            f"/en{url(draft)}",
            "/en/",
            "/en/acuerdos/",
            "/en/cronologia/",
            f"/en{url(paris)}",
            "/en/paises/fr/",
            "/en/contrapartes/",
        ]
    }
    feeds = {
        path: client.get(path).content.decode()
        for path in ["/en/acuerdos/feed/", "/en/acuerdos/?formato=atom", f"/en{url(paris)}?formato=atom",
                     "/en/paises/fr/?formato=atom"]
    }

    assert {path: DRAFT_WORD in text for path, text in {**pages, **feeds}.items()} == dict.fromkeys(
        [*pages, *feeds], False
    )
    assert h1(pages[f"/en{url(draft)}"]) == ("es", "Memorando con París")
    assert notes(pages[f"/en{url(draft)}"]) == [("none", SPANISH_ONLY)]
    # The list gives the Spanish title, marked so.
    assert links_to(pages["/en/acuerdos/"], draft) == [("es", "Memorando con París")]
    assert client.get(f"/en{url(records['unpublished'])}").status_code == 404


def test_english_lists_show_english_titles(client, records, paris):
    reviewed, spanish = records["reviewed"], records["spanish"]
    expected = [("en", "Twinning with Paris")], [("es", "Convenio de cooperación con París")]

    for path in ["/en/acuerdos/", "/en/cronologia/", f"/en{url(paris)}", "/en/paises/fr/"]:
        page = client.get(path).content.decode()
        assert (links_to(page, reviewed), links_to(page, spanish)) == expected, path

    home = client.get("/en/").content.decode()
    assert f'<a href="/en{url(reviewed)}" lang="en">Twinning with Paris</a>' in home
    assert f'<a href="/en{url(spanish)}" lang="es-MX">Convenio de cooperación con París</a>' in home


def test_english_pages_cost_the_queries_spanish_ones_do(client, records, paris):
    def queries(path: str) -> int:
        client.get(path)  # once before counting: what a first request alone reads
        with CaptureQueriesContext(connection) as captured:
            assert client.get(path).status_code == 200
        return len(captured)

    paths = [url(records["reviewed"]), "/acuerdos/", "/cronologia/", url(paris), "/paises/fr/", "/",
             "/acuerdos/?formato=atom", "/eventos/calendario.ics"]
    assert {path: queries(f"/en{path}") for path in paths} == {path: queries(path) for path in paths}


def test_spanish_lists_keep_spanish_titles(client, records):
    page = client.get("/acuerdos/").content.decode()

    assert links_to(page, records["reviewed"]) == [("es", "Hermanamiento con París")]
    assert "Twinning" not in page


def test_english_list_marks_each_theme_in_its_language(client, body):
    themes = [ThemeFactory(name="Movilidad", name_en="Mobility"), ThemeFactory(name="Agua")]
    publish(AgreementFactory, body=body, title="Acuerdo de agua y movilidad", m2m={"themes": themes})

    english = client.get("/en/acuerdos/").content.decode()
    spanish = client.get("/acuerdos/").content.decode()

    assert '<ul class="tags" lang="en" aria-label="Themes"><li lang="es">Agua</li><li>Mobility</li></ul>' in english
    assert '<ul class="tags" lang="es" aria-label="Temas"><li>Agua</li><li>Movilidad</li></ul>' in spanish


def test_commitments_follow_their_agreements_translation(client, body):
    draft = publish(AgreementFactory, body=body, title="Acuerdo con compromisos", title_en=f"{DRAFT_WORD} agreement")
    CommitmentFactory(agreement=draft, objective="Capacitar personal", objective_en=f"{DRAFT_WORD} training")
    reviewed = publish(AgreementFactory, body=body, title="Acuerdo revisado", title_en="Reviewed agreement", reviewed=True)
    CommitmentFactory(agreement=reviewed, objective="Plantar árboles", objective_en="Plant trees")

    draft_page = client.get(f"/en{url(draft)}").content.decode()
    reviewed_page = client.get(f"/en{url(reviewed)}").content.decode()

    assert DRAFT_WORD not in draft_page
    assert '<h3 lang="es">Capacitar personal</h3>' in draft_page
    assert '<h3 lang="en">Plant trees</h3>' in reviewed_page


def entries(response) -> list[tuple[str | None, str, str | None, str | None]]:
    """Each entry of an Atom feed: its ``xml:lang``, title, summary and the summary's ``xml:lang``."""
    root = atom_root(response)
    return [
        (
            entry.get(XML_LANG),
            entry.find(f"{ATOM}title").text,
            entry.find(f"{ATOM}summary").text if entry.find(f"{ATOM}summary") is not None else None,
            entry.find(f"{ATOM}summary").get(XML_LANG) if entry.find(f"{ATOM}summary") is not None else None,
        )
        for entry in root.findall(f"{ATOM}entry")
    ]


@pytest.mark.parametrize("path", ["/acuerdos/feed/", "/acuerdos/?formato=atom"])
def test_english_feeds_give_english_text_and_mark_spanish(client, records, path):
    english = entries(client.get(f"/en{path}"))
    spanish = entries(client.get(path))

    assert atom_root(client.get(f"/en{path}")).get(XML_LANG) == "en"
    assert sorted(english, key=lambda entry: entry[1]) == [
        ("es", "Convenio de cooperación con París", "Intercambio técnico.", None),
        ("es", "Memorando con París", "Agua.", None),
        (None, "Twinning with Paris", "Cooperation on mobility.", None),
    ]
    assert sorted(spanish, key=lambda entry: entry[1]) == [
        (None, "Convenio de cooperación con París", "Intercambio técnico.", None),
        (None, "Hermanamiento con París", "Cooperación en movilidad.", None),
        (None, "Memorando con París", "Agua.", None),
    ]


def test_english_feed_marks_a_spanish_summary_under_an_english_title(client, body):
    publish(AgreementFactory, body=body, title="Acuerdo marco", title_en="Framework agreement", purpose="Sólo español.",
            reviewed=True)

    assert entries(client.get("/en/acuerdos/?formato=atom")) == [
        (None, "Framework agreement", "Sólo español.", "es"),
    ]


def test_english_calendar_gives_english_summaries_with_their_language(client, body):
    publish(EventFactory, body=body, name="Cumbre de alcaldes", name_en="Mayors' summit", reviewed=True,
            **partial_date("start_on", 2016, 10, 3))
    publish(EventFactory, body=body, name="Foro del agua", name_en=f"{DRAFT_WORD} forum",
            **partial_date("start_on", 2016, 11, 4))
    publish(VisitFactory, body=body, title="Gira a París", **partial_date("start_on", 2016, 9, 5))
    assert Event.objects.get(name="Foro del agua").translation_status == TranslationStatus.DRAFT

    english = client.get("/en/eventos/calendario.ics").content.decode()
    spanish = client.get("/eventos/calendario.ics").content.decode()

    assert sorted(line for line in english.splitlines() if line.startswith("SUMMARY")) == [
        "SUMMARY;LANGUAGE=en:Mayors' summit",
        "SUMMARY;LANGUAGE=es:Foro del agua",
        "SUMMARY;LANGUAGE=es:Gira a París",
    ]
    assert sorted(line for line in spanish.splitlines() if line.startswith("SUMMARY")) == [
        "SUMMARY:Cumbre de alcaldes",
        "SUMMARY:Foro del agua",
        "SUMMARY:Gira a París",
    ]
