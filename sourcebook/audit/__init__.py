"""The audit of the book: every record it gives, where, at what precision, and
the record that holds it (or why none does).

The audit is data, reviewable as plain tables: ``sections.csv`` lists every
part of the book with its lines, and one CSV per kind of record lists what the
book gives, one row per statement:

``section``
    the part of the book (a code of ``sections.csv``, e.g. ``cap. I §4.7``);
``line``
    the line of ``cdmx-global-2018.txt`` where the words of ``book_says`` start;
``kind``
    ``agreement``, ``event``, ``action``, ``visit``, ``award``, ``network``,
    ``membership``, ``position`` or ``hosted_office``;
``book_says``
    a few verbatim words of the book that state it (compared as
    ``booktext.normalise`` does);
``start``, ``end``
    the date at the book's precision: ``2018-04-27`` (a day), ``2018-04`` (a
    month), ``2018`` (a year) or empty (the book gives none); ``end`` only
    for a period or a range;
``counterparts``
    the counterparts the book names for it, as slugs of
    ``records/counterparts.py`` separated by ``;``;
``record``
    the natural key of the record that holds it (see ``KINDS``), or empty;
``reason``
    when ``record`` is empty, why no record holds it (a count without a
    list, not a record, …).

``manage.py book_audit`` writes ``AUDIT.md`` from these files, in the book's
order; the tests check the data against them and the rows against the book.
"""

import csv
import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..records import When
from ..records import actions as actions_data
from ..records import agreements as agreements_data
from ..records import awards as awards_data
from ..records import events as events_data
from ..records import networks as networks_data
from ..records import visits as visits_data

HERE = Path(__file__).resolve().parent
MARKDOWN = HERE.parent / "AUDIT.md"
COLUMNS = ["section", "line", "kind", "book_says", "start", "end", "counterparts", "record", "reason"]
#: One file per kind of record; a row of any kind may be in any file (the file is where it was audited).
FILES = ["agreements.csv", "events.csv", "actions.csv", "visits.csv", "awards.csv", "networks.csv", "other.csv"]


@dataclass(frozen=True)
class Kind:
    """How a kind of record is found in the book's data and what its date and counterparts are."""

    label: str
    rows: Callable[[], list[dict]]
    key: Callable[[dict], str]
    dates: tuple[str, str] | tuple[str] | tuple[()]
    counterparts: str | None


KINDS: dict[str, Kind] = {
    "agreement": Kind("Acuerdo", lambda: agreements_data.AGREEMENTS, lambda row: row["code"], ("signed_on",), "counterparts"),
    "event": Kind("Evento", lambda: events_data.EVENTS, lambda row: row["name"], ("start_on", "end_on"), "organisers"),
    "action": Kind("Acción", lambda: actions_data.ACTIONS, lambda row: row["title"], ("start_on", "end_on"), "counterparts"),
    "visit": Kind("Visita", lambda: visits_data.VISITS, lambda row: row["title"], ("start_on", "end_on"), "counterparts"),
    "award": Kind("Premio", lambda: awards_data.AWARDS, lambda row: row["title"], ("awarded_on",), "granted_by"),
    "network": Kind("Red", lambda: networks_data.NETWORKS, lambda row: row["slug"], (), None),
    "membership": Kind(
        "Membresía", lambda: networks_data.MEMBERSHIPS, lambda row: f"{row['network']}/{row['role']}", ("start_on", "end_on"), None
    ),
    "position": Kind(
        "Cargo", lambda: networks_data.POSITIONS, lambda row: f"{row['network']}/{row['title']}", ("start_on", "end_on"), None
    ),
    "hosted_office": Kind(
        "Oficina albergada",
        lambda: networks_data.HOSTED_OFFICES,
        lambda row: f"{row['network']}/{row['name']}",
        ("start_on", "end_on"),
        None,
    ),
}


@dataclass(frozen=True)
class Section:
    code: str
    title: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Row:
    file: str
    number: int  # the row's line in its CSV file, for messages
    section: str
    line: int
    kind: str
    book_says: str
    start: str
    end: str
    counterparts: tuple[str, ...]
    record: str
    reason: str

    @property
    def where(self) -> str:
        return f"{self.file}:{self.number}"


def read_sections() -> list[Section]:
    with open(HERE / "sections.csv", encoding="utf-8", newline="") as handle:
        return [
            Section(row["code"], row["title"], int(row["first_line"]), int(row["last_line"]))
            for row in csv.DictReader(handle)
        ]


def read_rows() -> list[Row]:
    rows = []
    for name in FILES:
        path = HERE / name
        if not path.exists():
            continue
        with open(path, encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            if reader.fieldnames != COLUMNS:
                raise ValueError(f"{name}: las columnas deben ser {', '.join(COLUMNS)}.")
            for number, row in enumerate(reader, start=2):
                rows.append(
                    Row(
                        file=name,
                        number=number,
                        section=row["section"].strip(),
                        line=int(row["line"]),
                        kind=row["kind"].strip(),
                        book_says=row["book_says"].strip(),
                        start=row["start"].strip(),
                        end=row["end"].strip(),
                        counterparts=tuple(slug.strip() for slug in row["counterparts"].split(";") if slug.strip()),
                        record=row["record"].strip(),
                        reason=row["reason"].strip(),
                    )
                )
    return rows


def data_records(kind: str) -> dict[str, dict]:
    """The book's data rows of ``kind``, by natural key."""
    spec = KINDS[kind]
    return {spec.key(row): row for row in spec.rows()}


def when_text(when: When | None) -> str:
    """A partial date as the audit writes it: ``2018-04-27``, ``2018-04``, ``2018`` or empty."""
    if when is None or when.value is None:
        return ""
    value: datetime.date = when.value
    return {"day": value.isoformat(), "month": value.strftime("%Y-%m"), "year": str(value.year)}[str(when.precision)]


def record_dates(kind: str, row: dict) -> tuple[str, str]:
    fields = KINDS[kind].dates
    values = [when_text(row.get(field)) for field in fields]
    return (values + ["", ""])[0], (values + ["", ""])[1]


def record_counterparts(kind: str, row: dict) -> tuple[str, ...]:
    field = KINDS[kind].counterparts
    return tuple(sorted(row.get(field, []))) if field else ()


# --- AUDIT.md ---------------------------------------------------------------


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _date_cell(row: Row) -> str:
    if row.start and row.end:
        return f"{row.start} – {row.end}"
    return row.start or "—"


def render(sections: Iterable[Section] | None = None, rows: Iterable[Row] | None = None) -> str:
    """``AUDIT.md``: the book's parts in order, each with its rows in line order."""
    sections = list(read_sections() if sections is None else sections)
    rows = list(read_rows() if rows is None else rows)
    held = [row for row in rows if row.record]
    out = [
        "# Auditoría del libro «CDMX Global» (2018)",
        "",
        "Escrito por `manage.py book_audit` a partir de `sourcebook/audit/*.csv`; no se edita a mano.",
        "Cada fila es algo que el libro da: dónde (sección y línea de `cdmx-global-2018.txt`), sus palabras,",
        "la fecha con la precisión del libro, las contrapartes que nombra y el registro que lo guarda,",
        "o por qué ninguno lo guarda. Las comprobaciones están en `tests/sourcebook/test_audit.py`.",
        "",
        "El libro está en español y la auditoría compara sólo el español. El inglés de los datos",
        "(`*_en` en `sourcebook/records/`: nombres y títulos) es la traducción no oficial del proyecto,",
        "con los nombres oficiales en inglés donde existen (los ODS, los marcos y organismos de las",
        "Naciones Unidas, las redes); los pasajes del libro (`source_excerpt`) no se traducen.",
        "",
        "## Registros por tipo",
        "",
        "| Tipo | Registros | Filas de la auditoría | Filas sin registro |",
        "|---|---:|---:|---:|",
    ]
    for kind, spec in KINDS.items():
        of_kind = [row for row in rows if row.kind == kind]
        records = {row.record for row in of_kind if row.record}
        out.append(f"| {spec.label} | {len(records)} | {len(of_kind)} | {sum(1 for row in of_kind if not row.record)} |")
    out += ["", f"En total, {len(rows)} filas; {len({(r.kind, r.record) for r in held})} registros distintos.", ""]
    for section in sections:
        in_section = sorted((row for row in rows if row.section == section.code), key=lambda row: (row.line, row.number))
        out += [f"## {section.code}: {section.title} (líneas {section.first_line}–{section.last_line})", ""]
        if not in_section:
            out += ["Sin filas.", ""]
            continue
        out += [
            "| Línea | Tipo | El libro dice | Fecha | Contrapartes | Registro o motivo |",
            "|---:|---|---|---|---|---|",
        ]
        for row in in_section:
            held_by = f"`{_cell(row.record)}`" if row.record else f"— {_cell(row.reason)}"
            out.append(
                f"| {row.line} | {KINDS[row.kind].label if row.kind in KINDS else row.kind} | «{_cell(row.book_says)}» "
                f"| {_date_cell(row)} | {', '.join(row.counterparts) or '—'} | {held_by} |"
            )
        out.append("")
    return "\n".join(out)
