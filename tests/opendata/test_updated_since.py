"""``?updated_since=`` on every API list and bulk download: exactly the
published records whose own row changed at or after the moment asked (a
date is its first moment in Mexico City; a date and time without an offset
is Mexico City's time), drafts never, and a value that is not a moment
refused in Spanish with nothing else in the answer."""

import csv
import datetime
import io
import json

import pytest
from django.core.cache import cache

from agreements.models import Agreement
from cdmx_global.models import PublicationStatus
from events.models import Event
from opendata.collections import COLLECTIONS
from opendata.moments import parse_moment
from opendata.tables import TABLES
from reports.api import ReportViewSet
from tests.support.evaluations import approved_evaluation, congress_entry
from tests.support.factories import AgreementFactory, EventFactory, leak_bait

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

API = "/api/v1/"
UTC = datetime.UTC
MESSAGE = "Escriba una fecha ISO 8601, p. ej. 2026-12-01 o 2026-12-01T08:00:00-06:00."
LONG_AGO = datetime.datetime(2020, 1, 1, tzinfo=UTC)


@pytest.fixture(autouse=True)
def unthrottled(settings, tmp_path):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": None, "downloads": None}
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    cache.clear()
    yield
    cache.clear()


def stamp(model, moments: dict) -> None:
    """Every row of ``model`` changed long ago, except those of ``moments`` ({pk: when})."""
    model.objects.update(updated_at=LONG_AGO)
    for pk, moment in moments.items():
        model.objects.filter(pk=pk).update(updated_at=moment)


def listed(client, resource: str, since: str, key: str = "id") -> set:
    response = client.get(f"{API}{resource}/", {"updated_since": since, "page_size": 100})
    assert response.status_code == 200, response.content
    page = response.json()
    assert page["next"] is None
    return {item[key] for item in page["results"]}


@pytest.fixture
def agreements():
    """Three published agreements changed around 1 December 2026 in Mexico City
    (UTC−6), and a draft changed after all of them."""
    before, midnight, morning = Agreement.objects.published().order_by("pk")[:3]
    draft = leak_bait()["draft"][1]
    assert draft.status == PublicationStatus.DRAFT
    stamp(Agreement, {
        before.pk: datetime.datetime(2026, 12, 1, 5, 59, 59, tzinfo=UTC),  # 30 Nov, 23:59:59 in Mexico City
        midnight.pk: datetime.datetime(2026, 12, 1, 6, 0, tzinfo=UTC),  # 1 Dec, 00:00 in Mexico City
        morning.pk: datetime.datetime(2026, 12, 1, 14, 0, tzinfo=UTC),  # 1 Dec, 08:00 in Mexico City
        draft.pk: datetime.datetime(2026, 12, 2, tzinfo=UTC),
    })
    return before.code, midnight.code, morning.code


def test_a_date_is_its_first_moment_in_mexico_city(client, agreements):
    before, midnight, morning = agreements
    assert listed(client, "agreements", "2026-12-01", key="code") == {midnight, morning}
    assert listed(client, "agreements", "2026-11-30", key="code") == {before, midnight, morning}
    assert listed(client, "agreements", "2026-12-02", key="code") == set()


def test_a_date_time_without_offset_is_mexico_city_time_and_one_with_offset_is_as_given(client, agreements):
    before, midnight, morning = agreements
    assert listed(client, "agreements", "2026-12-01T08:00:00", key="code") == {morning}
    assert listed(client, "agreements", "2026-12-01T08:00:01", key="code") == set()
    assert listed(client, "agreements", "2026-11-30T23:59:59", key="code") == {before, midnight, morning}
    assert listed(client, "agreements", "2026-12-01T06:00:00Z", key="code") == {midnight, morning}
    assert listed(client, "agreements", "2026-12-01T00:00:00+00:00", key="code") == {before, midnight, morning}
    assert listed(client, "agreements", "2026-12-01T08:00:00-06:00", key="code") == {morning}
    assert listed(client, "agreements", "2026-12-01T09:00:00-05:00", key="code") == {morning}
    assert listed(client, "agreements", "2026-12-01T07:59:59.999999", key="code") == {morning}


def test_a_second_collection_and_a_draft_event_that_never_shows(client):
    first, second = Event.objects.published().order_by("pk")[:2]
    draft = EventFactory(name="Cumbre Quimera borrador", draft=True)
    stamp(Event, {
        first.pk: datetime.datetime(2026, 12, 1, 15, 30, tzinfo=UTC),
        second.pk: datetime.datetime(2026, 12, 3, 12, tzinfo=UTC),
        draft.pk: datetime.datetime(2026, 12, 4, tzinfo=UTC),
    })
    assert listed(client, "events", "2026-12-01") == {first.pk, second.pk}
    assert listed(client, "events", "2026-12-01T09:30:00") == {first.pk, second.pk}
    assert listed(client, "events", "2026-12-01T09:30:01") == {second.pk}
    assert listed(client, "events", "2026-12-03") == {second.pk}


def test_a_download_takes_it_too(client, agreements):
    before, midnight, morning = agreements
    response = client.get("/datos/agreements.csv", {"updated_since": "2026-12-01"})
    assert response.status_code == 200
    header, *rows = csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    code = TABLES["agreements"].keys.index("code")
    assert sorted(row[code] for row in rows) == sorted([midnight, morning])
    response = client.get("/datos/agreements.json", {"updated_since": "2026-12-01T08:00:00-06:00"})
    assert response.status_code == 200
    assert [row["code"] for row in json.loads(b"".join(response.streaming_content))] == [morning]


def test_congress_entries_use_their_evaluation_and_reports_their_publication(client):
    agreement = AgreementFactory(title="Hermanamiento de prueba", published=True)
    approved_evaluation(agreement)
    entry = congress_entry(agreement)
    entry.evaluation.__class__.objects.filter(pk=entry.evaluation_id).update(
        updated_at=datetime.datetime(2026, 12, 1, 12, tzinfo=UTC)
    )
    assert COLLECTIONS["congress-evaluations"].updated_field == "evaluation__updated_at"
    assert listed(client, "congress-evaluations", "2026-12-01") == {entry.pk}
    assert listed(client, "congress-evaluations", "2026-12-01T06:00:01") == set()
    report = entry.evaluation.report
    report.__class__.objects.filter(pk=report.pk).update(published_at=datetime.datetime(2026, 11, 1, 12, tzinfo=UTC))
    assert listed(client, "reports", "2026-11-01") == {f"{report.semester.label}-v{report.version}"}
    assert listed(client, "reports", "2026-11-02") == set()


@pytest.mark.parametrize("value", [
    "ayer", "2026-13-01", "2026-02-30", "2026-12-01T25:00", "20261201", "2026-W48", "2026-12", "01/12/2026",
    "2026-12-01T08:00:00-0600", "9999-12-31T23:00:00-06:00", "2026-12-01\x00",
])
@pytest.mark.parametrize("resource", [*COLLECTIONS, "reports"])
def test_not_a_moment_is_refused_in_spanish_with_nothing_else(client, resource, value):
    response = client.get(f"{API}{resource}/", {"updated_since": value})
    assert response.status_code == 400
    assert response.json() == {"updated_since": [MESSAGE]}


def test_a_download_refuses_it_in_plain_spanish(client):
    response = client.get("/datos/agreements.csv", {"updated_since": "2026-12-32"})
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == f"updated_since: {MESSAGE}\n"
    # With another invalid parameter, both are said.
    response = client.get(f"{API}agreements/", {"updated_since": "mañana", "validity": "nunca"})
    assert response.status_code == 400
    assert response.json()["updated_since"] == [MESSAGE]
    assert set(response.json()) == {"updated_since", "validity"}


def test_empty_means_no_filter(client):
    assert len(listed(client, "themes", "", key="slug")) == COLLECTIONS["themes"].published().count()


def test_the_moment_parser():
    mexico = datetime.timezone(datetime.timedelta(hours=-6))
    assert parse_moment("2026-12-01") == datetime.datetime(2026, 12, 1, tzinfo=mexico)
    assert parse_moment("2026-12-01 08:30") == datetime.datetime(2026, 12, 1, 8, 30, tzinfo=mexico)
    assert parse_moment("2026-12-01T08:30:00Z") == datetime.datetime(2026, 12, 1, 8, 30, tzinfo=UTC)


def test_every_list_documents_it(client):
    schema = client.get("/api/schema/", {"format": "json"}).json()
    for resource in [*COLLECTIONS, "reports"]:
        parameters = schema["paths"][f"{API}{resource}/"]["get"]["parameters"]
        described = [parameter for parameter in parameters if parameter["name"] == "updated_since"]
        assert len(described) == 1, resource
        assert described[0]["in"] == "query"
        assert described[0]["description"].startswith("Sólo los registros cuya propia fila cambió")
    assert ReportViewSet.filter_queryset
