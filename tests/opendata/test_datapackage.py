"""The data package: every download described, each field list equal to the
CSV header of its language, types that match the values, and a package that
Frictionless validates against CSVs downloaded from the portal."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import frictionless
import pytest
from django.core.cache import cache
from django.conf import settings
from django.utils import translation

from opendata.datapackage import OPEN_DATA_LICENCE
from opendata.tables import TABLES
from tests.support.evaluations import approved_evaluation, congress_entry
from tests.support.factories import AgreementFactory, CommitmentFactory, leak_bait, partial_date

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

LANGUAGES = [("", "es-mx"), ("/en", "en")]


@pytest.fixture(autouse=True)
def unthrottled(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": None}
    cache.clear()
    yield
    cache.clear()


def package(client, prefix: str = "") -> dict:
    response = client.get(f"{prefix}/datos/datapackage.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return response.json()


def download(client, url: str) -> bytes:
    response = client.get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_every_download_is_described_with_its_absolute_paths(client, prefix, language):
    described = package(client, prefix)

    assert described["name"] == "cdmx-global"
    assert described["licenses"] == [OPEN_DATA_LICENCE]
    assert [resource["name"] for resource in described["resources"]] == list(TABLES)
    for resource in described["resources"]:
        name = resource["name"]
        assert resource["path"] == f"http://testserver{prefix}/datos/{name}.csv"
        assert (resource["format"], resource["mediatype"], resource["encoding"]) == ("csv", "text/csv", "utf-8-sig")
        assert resource["alternatives"] == [
            {
                "path": f"http://testserver{prefix}/datos/{name}.xlsx",
                "format": "xlsx",
                "mediatype": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            },
            {"path": f"http://testserver{prefix}/datos/{name}.json", "format": "json", "mediatype": "application/json"},
        ]


@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_each_field_list_is_the_csv_header_of_its_language(client, prefix, language):
    for resource in package(client, prefix)["resources"]:
        header = next(csv.reader(io.StringIO(download(client, resource["path"]).decode("utf-8-sig"))))

        assert [field["name"] for field in resource["schema"]["fields"]] == header
        table = TABLES[resource["name"]].in_language(language)
        # A layout of record (the transparency obligations') is in Spanish whatever the language.
        with translation.override(settings.LANGUAGE_CODE if table.language_of_record else language):
            assert header == table.headers
        assert [field["key"] for field in resource["schema"]["fields"]] == table.keys


def test_the_english_package_speaks_english(client):
    described = package(client, "/en")

    fields = described["resources"][0]["schema"]["fields"]
    assert [(field["name"], field["type"], field["key"]) for field in fields[:4]] == [
        ("Code", "string", "code"), ("Title", "string", "title"), ("title_language", "string", "title_language"),
        ("Instrument type", "string", "kind"),
    ]
    assert described["resources"][0]["path"] == "http://testserver/en/datos/agreements.csv"


def evaluated(agreement) -> None:
    """A row in each evaluations table: an approved evaluation of ``agreement``
    with a commitment's progress, and the Congress's submitted evaluation of it."""
    approved_evaluation(agreement)
    congress_entry(agreement, text="=1+1")


def _matches(value, field: dict) -> bool:
    """A CSV cell is a value of its field's type (and format and pattern)."""
    if value == "":
        return True
    kind = field["type"]
    if kind == "integer":
        return re.fullmatch(r"-?\d+", value) is not None
    if kind == "number":
        return Decimal(value) is not None
    if kind == "boolean":
        return value in {"true", "false"}
    if kind == "date":
        return datetime.date.fromisoformat(value) is not None
    if kind == "datetime":
        return datetime.datetime.fromisoformat(value).tzinfo is not None
    if field.get("format") == "uri" and not value.startswith("http://testserver/"):
        return False
    pattern = field.get("constraints", {}).get("pattern")
    return pattern is None or re.fullmatch(pattern, value) is not None


def test_the_values_match_their_field_types(client):
    agreement = AgreementFactory(
        published=True, code="con-monto", amount=Decimal("99.90"), currency="USD", **partial_date("signed_on", 2014, 11)
    )
    CommitmentFactory(agreement=agreement, baseline=Decimal("12.5"), **partial_date("target_date", 2016, 3))
    evaluated(agreement)

    for resource in package(client)["resources"]:
        rows = list(csv.reader(io.StringIO(download(client, resource["path"]).decode("utf-8-sig"))))
        fields = resource["schema"]["fields"]
        mismatches = [
            (resource["name"], field["name"], value)
            for row in rows[1:]
            for value, field in zip(row, fields, strict=True)
            if not _matches(value, field)
        ]
        assert mismatches == []
        assert len(rows) > 1


@pytest.mark.parametrize(("prefix", "language"), LANGUAGES)
def test_frictionless_validates_the_package_against_the_downloaded_csvs(client, tmp_path, prefix, language):
    leak_bait()
    agreement = AgreementFactory(published=True, code="con-monto", amount=Decimal("99.90"), currency="USD", title="=1+1")
    CommitmentFactory(agreement=agreement, objective="=1+1", **partial_date("target_date", 2030))
    evaluated(agreement)
    described = package(client, prefix)
    for resource in described["resources"]:
        (tmp_path / f"{resource['name']}.csv").write_bytes(download(client, resource["path"]))
        # Validated from the files saved here, not over the network.
        resource["path"] = f"{resource['name']}.csv"
    descriptor = tmp_path / "datapackage.json"
    descriptor.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")

    report = frictionless.validate(str(descriptor))

    assert report.valid, report.flatten(["type", "note", "rowNumber", "fieldName"])
    assert [task.stats["rows"] for task in report.tasks] == [
        len(list(csv.reader(io.StringIO((tmp_path / f"{name}.csv").read_text("utf-8-sig"))))) - 1 for name in TABLES
    ]
    # The validator does read the headers: a field misnamed is caught.
    described["resources"][0]["schema"]["fields"][1]["name"] = "Nombre equivocado"
    descriptor.write_text(json.dumps(described, ensure_ascii=False), encoding="utf-8")
    assert not frictionless.validate(str(descriptor)).valid
