"""The API and the downloads in English: each text in its reviewed translation
(else in Spanish) with its language and, in the API, the Spanish original;
Spanish answers and downloads exactly as before; a draft translation and a
draft record nowhere; the caches keep the two languages apart."""

import csv
import io
import json
from pathlib import Path

import pytest
from django.core.signals import request_finished
from django.db import close_old_connections
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from agreements.models import Agreement, AgreementKind
from cdmx_global.models import Counterpart
from cdmx_global.pagecache import CACHE_HEADER
from cdmx_global.services import record_create
from opendata.serializers import AgreementSerializer
from opendata.tables import TABLES
from opendata.warming import warm_all
from tests.support.factories import CommitmentFactory, GovernmentBodyFactory, ThemeFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/agreements/"
TWINNING = "hermanamiento-2009-beijing"
PENDING = "hermanamiento-2010-estambul"
#: Text that must show nowhere public: a draft translation, and a draft record's reviewed one.
DRAFT_MARK = "Unreviewed"


@pytest.fixture
def records(db):
    """A published agreement with a reviewed translation, one whose
    translation is a draft, and a draft agreement with a reviewed one."""
    body = GovernmentBodyFactory(
        name="Coordinación General de Asuntos Internacionales", name_en="General Coordination of International Affairs",
        acronym="CGAI", slug="cgai",
    )
    theme = ThemeFactory(name="Movilidad", name_en="Mobility", slug="movilidad")
    untranslated_theme = ThemeFactory(name="Cultura", slug="cultura")
    beijing = record_create(
        model=Counterpart, user=None, reason=None, publish=True, review_translation=True,
        data={"name": "Beijing", "name_en": "Beijing", "slug": "beijing", "kind": Counterpart.Kind.CITY,
              "country": "CN", "body": body, "description": "Capital de China.", "description_en": "Capital of China."},
    )
    twinning = record_create(
        model=Agreement, user=None, reason=None, publish=True, review_translation=True,
        data={
            "code": TWINNING, "kind": AgreementKind.TWINNING, "body": body,
            "title": "Hermanamiento con Beijing (2009)", "title_en": "Twinning with Beijing (2009)",
            "purpose": "Amistad y cooperación entre ambas capitales.",
            "purpose_en": "Friendship and cooperation between both capitals.",
        },
        m2m={"counterparts": [beijing], "themes": [theme, untranslated_theme]},
    )
    CommitmentFactory(
        agreement=twinning, objective="Intercambio de estudiantes", objective_en="Student exchange",
    )
    pending = record_create(
        model=Agreement, user=None, reason=None, publish=True,
        data={
            "code": PENDING, "kind": AgreementKind.TWINNING, "body": body,
            "title": "Hermanamiento con Estambul (2010)", "title_en": f"{DRAFT_MARK} twinning with Istanbul",
        },
        m2m={"themes": [theme]},
    )
    CommitmentFactory(agreement=pending, objective="Festival cultural", objective_en=f"{DRAFT_MARK} festival")
    record_create(
        model=Agreement, user=None, reason=None, review_translation=True,
        data={
            "code": "borrador", "kind": AgreementKind.TWINNING, "body": body,
            "title": "Hermanamiento por aprobar", "title_en": f"{DRAFT_MARK} draft record",
        },
    )
    return {"twinning": twinning, "pending": pending}


def _body(response) -> bytes:
    assert response.status_code == 200, response.content
    return b"".join(response.streaming_content) if response.streaming else response.content


def csv_rows(client, path: str) -> list[dict]:
    rows = list(csv.reader(io.StringIO(_body(client.get(path)).decode("utf-8-sig"))))
    return [rows[0], *[dict(zip(rows[0], row, strict=True)) for row in rows[1:]]]


def keys_everywhere(value) -> set[str]:
    """Every key of a JSON answer, at any depth."""
    if isinstance(value, dict):
        return set(value) | {key for item in value.values() for key in keys_everywhere(item)}
    if isinstance(value, list):
        return {key for item in value for key in keys_everywhere(item)}
    return set()


# The API ----------------------------------------------------------------------------


@pytest.mark.parametrize(("params", "headers"), [({"lang": "en"}, {}), ({}, {"accept-language": "en"})])
def test_an_english_item_gives_the_reviewed_text_its_spanish_original_and_its_language(client, records, params, headers):
    response = client.get(f"{API}{TWINNING}/", params, headers=headers)
    item = response.json()

    assert response.headers["Content-Language"] == "en"
    assert "Accept-Language" in response.headers["Vary"]
    assert list(item)[3:6] == ["title", "title_es", "title_language"]
    assert (item["title"], item["title_es"], item["title_language"]) == (
        "Twinning with Beijing (2009)", "Hermanamiento con Beijing (2009)", "en",
    )
    assert (item["purpose"], item["purpose_es"], item["purpose_language"]) == (
        "Friendship and cooperation between both capitals.", "Amistad y cooperación entre ambas capitales.", "en",
    )
    # A text the record leaves blank is blank in both languages.
    assert (item["terms"], item["terms_es"], item["terms_language"]) == ("", "", "es")
    assert item["kind_display"] == "Twinning"
    assert item["portal_url"] == f"http://testserver/en/acuerdos/{TWINNING}/"
    assert item["themes"] == [
        {"slug": "cultura", "name": "Cultura", "name_es": "Cultura", "name_language": "es",
         "url": "http://testserver/api/v1/themes/cultura/"},
        {"slug": "movilidad", "name": "Mobility", "name_es": "Movilidad", "name_language": "en",
         "url": "http://testserver/api/v1/themes/movilidad/"},
    ]
    assert item["body"] == {
        "slug": "cgai", "name": "General Coordination of International Affairs",
        "name_es": "Coordinación General de Asuntos Internacionales", "name_language": "en", "acronym": "CGAI",
        "url": "http://testserver/api/v1/bodies/cgai/",
    }
    assert [(c["name"], c["name_es"], c["name_language"]) for c in item["counterparts"]] == [("Beijing", "Beijing", "en")]
    assert [(c["objective"], c["objective_es"], c["objective_language"]) for c in item["commitments"]] == [
        ("Student exchange", "Intercambio de estudiantes", "en"),
    ]


def test_an_english_list_gives_each_item_as_its_english_page(client, records):
    results = client.get(API, {"lang": "en"}).json()["results"]

    assert [(item["code"], item["title"], item["title_es"], item["title_language"]) for item in results] == [
        (TWINNING, "Twinning with Beijing (2009)", "Hermanamiento con Beijing (2009)", "en"),
        (PENDING, "Hermanamiento con Estambul (2010)", "Hermanamiento con Estambul (2010)", "es"),
    ]
    assert results[0] == client.get(f"{API}{TWINNING}/", {"lang": "en"}).json()


@pytest.mark.parametrize("path", [f"{API}{PENDING}/", API, "/api/v1/themes/", "/api/v1/bodies/cgai/"])
def test_a_draft_translation_and_a_draft_record_show_in_no_english_answer(client, records, path):
    response = client.get(path, {"lang": "en"})

    assert response.status_code == 200
    assert DRAFT_MARK not in response.content.decode()
    if path == f"{API}{PENDING}/":
        item = response.json()
        assert (item["title"], item["title_es"], item["title_language"]) == (
            "Hermanamiento con Estambul (2010)", "Hermanamiento con Estambul (2010)", "es",
        )
        # A commitment's English is public when its agreement's is.
        assert [(c["objective"], c["objective_language"]) for c in item["commitments"]] == [("Festival cultural", "es")]
    assert client.get(f"{API}borrador/", {"lang": "en"}).status_code == 404


@pytest.mark.parametrize(("params", "headers"), [({}, {}), ({"lang": "es"}, {"accept-language": "en"})])
def test_a_spanish_answer_adds_no_key(client, records, params, headers):
    response = client.get(f"{API}{TWINNING}/", params, headers=headers)
    item = response.json()

    assert response.headers["Content-Language"] == "es-mx"
    assert list(item) == AgreementSerializer.Meta.fields
    assert not {key for key in keys_everywhere(item) if key.endswith(("_es", "_language"))}
    assert (item["title"], item["kind_display"], item["themes"][1]["name"], item["body"]["name"]) == (
        "Hermanamiento con Beijing (2009)", "Hermanamiento", "Movilidad", "Coordinación General de Asuntos Internacionales",
    )
    assert response.content == client.get(f"{API}{TWINNING}/").content


def test_lang_wins_over_the_header_and_an_unknown_one_is_ignored(client, records):
    assert client.get(f"{API}{TWINNING}/", {"lang": "en"}, headers={"accept-language": "es"}).json()["title_language"] == "en"
    ignored = client.get(f"{API}{TWINNING}/", {"lang": "fr"}, headers={"accept-language": "en"})
    assert (ignored.headers["Content-Language"], ignored.json()["title"]) == ("en", "Twinning with Beijing (2009)")


def test_an_english_list_costs_the_queries_of_a_spanish_one(client, records):
    def queries(language: str) -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(API, {"lang": language}).status_code == 200
        return len(captured)

    assert queries("en") == queries("es")


def test_the_page_cache_keeps_each_language_of_an_api_address_apart(client, records, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches[settings.PAGE_CACHE_ALIAS].clear()
    path = f"{API}{TWINNING}/"

    spanish = client.get(path)
    by_parameter = client.get(path, {"lang": "en"})
    by_header = client.get(path, headers={"accept-language": "en"})
    again = [client.get(path), client.get(path, {"lang": "en"}), client.get(path, headers={"accept-language": "en"})]

    assert [r[CACHE_HEADER] for r in (spanish, by_parameter, by_header)] == ["miss", "miss", "miss"]
    assert [r[CACHE_HEADER] for r in again] == ["hit", "hit", "hit"]
    assert [r.json()["title"] for r in again] == [
        "Hermanamiento con Beijing (2009)", "Twinning with Beijing (2009)", "Twinning with Beijing (2009)",
    ]
    assert [r.headers["Content-Language"] for r in again] == ["es-mx", "en", "en"]
    caches[settings.PAGE_CACHE_ALIAS].clear()


def test_the_schema_describes_lang_and_the_keys_english_answers_add(client):
    schema = json.loads(client.get("/api/schema/", {"format": "json"}).content)

    parameters = schema["paths"]["/api/v1/agreements/{code}/"]["get"]["parameters"]
    assert [p["schema"] for p in parameters if p["name"] == "lang"] == [{"type": "string", "enum": ["en", "es"]}]
    properties = schema["components"]["schemas"]["Agreement"]["properties"]
    assert list(properties)[3:6] == ["title", "title_es", "title_language"]
    assert properties["title_language"]["allOf"] == [{"$ref": "#/components/schemas/TextLanguageEnum"}]
    assert "title_es" not in schema["components"]["schemas"]["Agreement"]["required"]


# The downloads -----------------------------------------------------------------------


def test_the_english_csv_gives_each_text_with_its_language(client, records):
    header, *rows = csv_rows(client, "/en/datos/agreements.csv")
    spanish_header, *spanish_rows = csv_rows(client, "/datos/agreements.csv")

    assert header[:6] == ["Code", "Title", "title_language", "Instrument type", "Purpose", "purpose_language"]
    assert [
        (row["Code"], row["Title"], row["title_language"], row["Purpose"], row["purpose_language"],
         row["Terms and conditions"], row["terms_language"], row["Themes"], row["Responsible area"])
        for row in rows
    ] == [
        (TWINNING, "Twinning with Beijing (2009)", "en", "Friendship and cooperation between both capitals.", "en",
         "", "es", "Cultura | Mobility", "General Coordination of International Affairs"),
        (PENDING, "Hermanamiento con Estambul (2010)", "es", "", "es", "", "es", "Mobility",
         "General Coordination of International Affairs"),
    ]
    # The Spanish download has no language column and the Spanish texts.
    assert spanish_header == TABLES["agreements"].headers
    assert not [name for name in spanish_header if name.endswith("_language")]
    assert [(row["Clave"], row["Título"], row["Temas"], row["Área responsable"]) for row in spanish_rows] == [
        (TWINNING, "Hermanamiento con Beijing (2009)", "Cultura | Movilidad", "Coordinación General de Asuntos Internacionales"),
        (PENDING, "Hermanamiento con Estambul (2010)", "Movilidad", "Coordinación General de Asuntos Internacionales"),
    ]


def test_the_english_xlsx_and_json_hold_what_the_csv_holds(client, records):
    header, *rows = csv_rows(client, "/en/datos/agreements.csv")
    sheet = load_workbook(io.BytesIO(_body(client.get("/en/datos/agreements.xlsx")))).active
    xlsx = [list(row) for row in sheet.iter_rows(values_only=True)]
    items = json.loads(_body(client.get("/en/datos/agreements.json")))

    assert xlsx[0] == header
    assert [(row[0], row[1], row[2]) for row in xlsx[1:]] == [
        (TWINNING, "Twinning with Beijing (2009)", "en"),
        (PENDING, "Hermanamiento con Estambul (2010)", "es"),
    ]
    assert [(item["code"], item["title"], item["title_language"], item["terms"], item["terms_language"]) for item in items] == [
        (TWINNING, "Twinning with Beijing (2009)", "en", None, "es"),
        (PENDING, "Hermanamiento con Estambul (2010)", "es", None, "es"),
    ]
    assert list(items[0])[:3] == ["code", "title", "title_language"]


def test_the_english_commitments_follow_their_agreements_translation(client, records):
    header, *rows = csv_rows(client, "/en/datos/commitments.csv")

    assert [
        (row["Agreement title"], row["agreement_title_language"], row["Objective"], row["objective_language"])
        for row in rows
    ] == [
        ("Twinning with Beijing (2009)", "en", "Student exchange", "en"),
        ("Hermanamiento con Estambul (2010)", "es", "Festival cultural", "es"),
    ]


@pytest.mark.parametrize("resource", list(TABLES))
def test_no_draft_translation_nor_draft_record_shows_in_an_english_download(client, records, resource):
    for extension in ("csv", "json"):
        assert DRAFT_MARK not in _body(client.get(f"/en/datos/{resource}.{extension}")).decode("utf-8-sig")


def test_the_english_package_describes_the_language_columns(client, records):
    english = json.loads(client.get("/en/datos/datapackage.json").content)["resources"][0]["schema"]["fields"]
    spanish = json.loads(client.get("/datos/datapackage.json").content)["resources"][0]["schema"]["fields"]

    assert english[2] == {
        "name": "title_language", "type": "string",
        "description": "Language of “Title” in the row: “en” (reviewed translation) or “es” (none: the Spanish original).",
        "key": "title_language", "constraints": {"enum": ["en", "es"]},
    }
    assert [field["key"] for field in english if field["key"].endswith("_language")] == [
        "title_language", "purpose_language", "terms_language", "modifications_language", "description_language",
    ]
    assert [field["key"] for field in spanish] == TABLES["agreements"].keys


def test_kept_and_warmed_downloads_are_kept_per_language(client, records, settings, tmp_path):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    settings.SITE_URL = "http://testserver"

    # The transparency layout is one file in Spanish, whatever the language.
    files = (len(settings.LANGUAGES) * len(TABLES) - (len(settings.LANGUAGES) - 1)) * 3
    # A finished streamed response closes old connections, as Django's test client keeps it from doing
    # inside the test's transaction.
    request_finished.disconnect(close_old_connections)
    try:
        assert warm_all() == files
    finally:
        request_finished.connect(close_old_connections)
    english, spanish = client.get("/en/datos/agreements.csv"), client.get("/datos/agreements.csv")

    assert (english[CACHE_HEADER], spanish[CACHE_HEADER]) == ("hit", "hit")
    assert b"title_language" in _body(english) and b"Twinning with Beijing" in _body(client.get("/en/datos/agreements.csv"))
    spanish_bytes = _body(spanish)
    assert b"_language" not in spanish_bytes and b"Twinning" not in spanish_bytes
    assert len(list(Path(settings.DOWNLOAD_CACHE_DIR).iterdir())) == files


def test_the_transparency_layout_stays_in_spanish_whatever_language_is_asked(client, records):
    """The law sets the layout's headers and texts in Spanish, the language of record."""
    for extension in ("csv", "json"):
        english = _body(client.get(f"/en/datos/agreements-transparency.{extension}"))
        spanish = _body(client.get(f"/datos/agreements-transparency.{extension}"))
        assert english == spanish
        assert "Hermanamiento con Beijing (2009)".encode() in spanish
        assert b"Twinning" not in english
