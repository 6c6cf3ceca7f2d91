"""The records the audit added or dated more precisely, on every public path:
the API gives the book's date at the book's precision; the portal's page,
the search, the timeline and the report of the record's semester show them.

"Added" and "corrected" are measured against the database an earlier version
of the data loaded (``fixtures/book_as_loaded_by_ece8bc6.json.xz``): a record
whose key that load did not have is new; one whose date or precision it held
differently is corrected.
"""

import json
import lzma
from functools import cache
from pathlib import Path

import pytest
from django.urls import reverse

from agreements.models import Action, Agreement
from cdmx_global.partial_dates import PartialDate
from events.models import Award, Event, Visit
from reports.data import build_report_data
from evaluations.periods import Semester
from search.filters import SearchEntryFilterSet
from search.selectors import search_entries
from sourcebook import audit

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("book")]

FIXTURE = Path(__file__).parent / "fixtures" / "book_as_loaded_by_ece8bc6.json.xz"

#: kind → (model, the fixture's model label, its key field, its date fields, the API's collection, the report's table)
KINDS = {
    "agreement": (Agreement, "agreements.agreement", "code", ("signed_on",), "agreements", "agreements"),
    "event": (Event, "events.event", "name", ("start_on", "end_on"), "events", "events"),
    "action": (Action, "agreements.action", "title", ("start_on", "end_on"), "actions", "actions"),
    "visit": (Visit, "events.visit", "title", ("start_on", "end_on"), "visits", "visits"),
    "award": (Award, "events.award", "title", ("awarded_on",), "awards", "awards"),
}


@cache
def earlier() -> dict[str, dict[str, dict]]:
    """The fixture's records: by kind, by key, their fields."""
    rows = json.loads(lzma.decompress(FIXTURE.read_bytes()))
    by_kind = {}
    for kind, (_model, label, key, *_rest) in KINDS.items():
        by_kind[kind] = {row["fields"][key]: row["fields"] for row in rows if row["model"] == label}
    return by_kind


def audited() -> list[tuple[str, str, str]]:
    """(kind, key, "nuevo" or "corregido") of each record the audit added or dated differently."""
    found = []
    for kind, (_model, _label, _key, fields, *_rest) in KINDS.items():
        before = earlier()[kind]
        for key, row in audit.data_records(kind).items():
            old = next((before[name] for name in [key, *row.get("formerly", [])] if name in before), None)
            if old is None:
                found.append((kind, key, "nuevo"))
                continue
            now = [audit.when_text(row.get(field)) for field in fields]
            then = [_when_text(old[field], old[f"{field}_precision"]) for field in fields]
            if now != then:
                found.append((kind, key, "corregido"))
    return found


def _when_text(value: str | None, precision: str) -> str:
    if not value:
        return ""
    return {"day": value, "month": value[:7], "year": value[:4]}[precision]


AUDITED = audited()


def record(kind: str, key: str):
    model, _label, field, *_rest = KINDS[kind]
    return model.objects.get(**{field: key})


def test_the_audit_added_and_corrected_records():
    assert {change for _kind, _key, change in AUDITED} == {"nuevo", "corregido"}


@pytest.mark.parametrize(("kind", "key", "change"), AUDITED)
def test_the_api_gives_the_books_date_at_its_precision(client, kind, key, change):
    obj = record(kind, key)
    _model, _label, lookup, fields, collection, _table = KINDS[kind]
    item = client.get(f"/api/v1/{collection}/{getattr(obj, 'code' if kind == 'agreement' else 'pk')}/").json()
    row = audit.data_records(kind)[key]
    for field in fields:
        when = row.get(field)
        expected = None if when is None or when.value is None else {
            "value": audit.when_text(when),
            "precision": str(when.precision),
        }
        given = item[field] and {"value": item[field]["value"], "precision": item[field]["precision"]}
        assert given == expected, (kind, key, field)


@pytest.mark.parametrize(("kind", "key", "change"), AUDITED)
def test_the_portal_page_shows_the_record_with_its_date(client, kind, key, change):
    obj = record(kind, key)
    page = client.get(obj.get_absolute_url()).content.decode()
    assert str(obj) in page.replace("&quot;", '"').replace("&#x27;", "'").replace("&amp;", "&")
    for field in KINDS[kind][3]:
        if getattr(obj, field):
            assert str(PartialDate.of(obj, field)) in page, (kind, key, field)


@pytest.mark.parametrize(("kind", "key", "change"), AUDITED)
def test_the_search_finds_the_record_by_its_title(kind, key, change):
    obj = record(kind, key)
    filterset = SearchEntryFilterSet({"q": str(obj)}, queryset=search_entries())
    assert (kind, str(obj)) in set(filterset.qs.values_list("kind", "title"))


@pytest.mark.parametrize(("kind", "key", "change"), AUDITED)
def test_the_timeline_lists_the_record_under_its_year(client, kind, key, change):
    obj = record(kind, key)
    date = getattr(obj, KINDS[kind][3][0])
    response = client.get(reverse("portal:timeline"), {"year": date.year if date else "undated"})
    listed = set()
    page = response
    while True:
        listed |= {(entry.kind.key, entry.record.pk) for entry in page.context["page_obj"].object_list}
        if not page.context["page_obj"].has_next():
            break
        number = page.context["page_obj"].next_page_number()
        page = client.get(reverse("portal:timeline"), {"year": date.year if date else "undated", "page": number})
    assert (kind, obj.pk) in listed


@cache
def report(year: int, half: int) -> dict:
    return build_report_data(Semester(year, half))


@pytest.mark.parametrize(
    ("kind", "key", "change"),
    [entry for entry in AUDITED if audit.record_dates(entry[0], audit.data_records(entry[0])[entry[1]])[0]],
)
def test_the_report_of_its_semester_shows_a_dated_record(kind, key, change):
    obj = record(kind, key)
    date_field = KINDS[kind][3][0]
    date, precision = getattr(obj, date_field), getattr(obj, f"{date_field}_precision")
    url_end = obj.get_absolute_url()
    if precision == "year":
        tables = [report(date.year, half)["tables"]["year_only"]["rows"] for half in (1, 2)]
    else:
        tables = [report(date.year, 1 if date.month <= 6 else 2)["tables"][KINDS[kind][5]]["rows"]]
    assert any(row["url"].endswith(url_end) for rows in tables for row in rows), (kind, key)
