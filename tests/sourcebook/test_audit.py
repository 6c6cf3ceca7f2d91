"""The audit of the book (``sourcebook/audit/``) against the book's text and the
book's data: every part of the book audited, every row's words found in the
book where it says, every record the data hold listed in the audit with the
audit's date (at its precision) and counterparts, and ``AUDIT.md`` current.

These tests read the data modules and the book's text; the counts per kind
are checked against a loaded database in ``test_book_counts_match_the_audit``.
"""

from collections import Counter, defaultdict

import pytest

from sourcebook import audit
from sourcebook.booktext import at_line, book_lines

SECTIONS = audit.read_sections()
ROWS = audit.read_rows()
SECTION_BY_CODE = {section.code: section for section in SECTIONS}
HELD = [row for row in ROWS if row.record]

needs_book = pytest.mark.skipif(book_lines() is None, reason="El texto del libro no está junto al repositorio.")


def test_sections_cover_the_whole_book_in_order():
    assert SECTIONS[0].first_line == 1
    for before, after in zip(SECTIONS, SECTIONS[1:], strict=False):
        assert after.first_line == before.last_line + 1, (before.code, after.code)
    lines = book_lines()
    if lines is not None:
        assert SECTIONS[-1].last_line == len(lines)


def test_every_part_of_the_book_has_a_row():
    audited = {row.section for row in ROWS}
    assert [section.code for section in SECTIONS if section.code not in audited] == []


def test_every_row_is_well_formed():
    problems = []
    for row in ROWS:
        section = SECTION_BY_CODE.get(row.section)
        if section is None:
            problems.append((row.where, f"sección desconocida «{row.section}»"))
        elif not section.first_line <= row.line <= section.last_line:
            problems.append((row.where, f"la línea {row.line} no está en «{row.section}»"))
        if row.kind not in audit.KINDS and row.kind != "none":
            problems.append((row.where, f"tipo desconocido «{row.kind}»"))
        if bool(row.record) == bool(row.reason):
            problems.append((row.where, "debe tener un registro o un motivo, y sólo uno"))
        if row.kind == "none" and row.record:
            problems.append((row.where, "una fila sin tipo no tiene registro"))
        if not row.book_says:
            problems.append((row.where, "faltan las palabras del libro"))
    assert not problems, "\n".join(map(repr, problems))


@needs_book
def test_every_rows_words_are_in_the_book_at_its_line():
    assert [(row.where, row.line, row.book_says) for row in ROWS if not at_line(row.book_says, row.line)] == []


@pytest.mark.parametrize("kind", audit.KINDS)
def test_every_record_of_the_data_is_in_the_audit_and_every_audited_record_in_the_data(kind):
    data = audit.data_records(kind)
    audited = {row.record for row in HELD if row.kind == kind}
    assert sorted(set(data) - audited) == [], "registros sin fila en la auditoría"
    assert sorted(audited - set(data)) == [], "filas que nombran un registro que los datos no tienen"


@pytest.mark.parametrize("kind", audit.KINDS)
def test_records_have_the_audits_date_and_counterparts(kind):
    data = audit.data_records(kind)
    wrong = []
    for row in HELD:
        if row.kind != kind or row.record not in data:
            continue
        record = data[row.record]
        dates = audit.record_dates(kind, record)
        if dates != (row.start, row.end):
            wrong.append((row.where, row.record, "fecha", (row.start, row.end), dates))
        counterparts = audit.record_counterparts(kind, record)
        if counterparts != tuple(sorted(row.counterparts)):
            wrong.append((row.where, row.record, "contrapartes", tuple(sorted(row.counterparts)), counterparts))
    assert not wrong, "\n".join(map(repr, wrong))


def test_a_record_stated_in_several_places_has_one_date_in_the_audit():
    dates = defaultdict(set)
    for row in HELD:
        dates[(row.kind, row.record)].add((row.start, row.end))
    assert {key: values for key, values in dates.items() if len(values) > 1} == {}


def test_audit_markdown_is_current():
    assert audit.MARKDOWN.read_text(encoding="utf-8") == audit.render() + "\n", "corra «manage.py book_audit»"


def audited_counts() -> Counter:
    return Counter(kind for kind, _ in {(row.kind, row.record) for row in HELD})


@pytest.mark.django_db
@pytest.mark.usefixtures("book")
def test_book_counts_match_the_audit():
    from agreements.models import Action, Agreement
    from events.models import Award, Event, Visit
    from networks.models import HostedOffice, Membership, Network, Position

    models = {
        "agreement": Agreement,
        "event": Event,
        "action": Action,
        "visit": Visit,
        "award": Award,
        "network": Network,
        "membership": Membership,
        "position": Position,
        "hosted_office": HostedOffice,
    }
    assert {kind: model.objects.count() for kind, model in models.items()} == {
        kind: audited_counts()[kind] for kind in models
    }
