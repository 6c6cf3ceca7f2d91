"""Template tags of the report as a document (``reports/document/``).

The document's body is also included by the portal's report page, which has
only the report data in its context: whatever the body needs beyond the data
(charts, the map, formatting) is computed here, from that data alone.
"""

import datetime
from pathlib import Path

from django import template
from django.contrib.staticfiles import finders
from django.utils.formats import localize
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from cdmx_global.partial_dates import DatePrecision, PartialDate
from portal.worldmap import country_rows, world_map

from .. import charts
from ..data.cells import YES

register = template.Library()

SCREEN_CSS = "reports/report.css"
PRINT_CSS = "reports/report-print.css"

MINUS = "\u2212"
DASH = "—"


def _static_text(path: str) -> str:
    found = finders.find(path)
    if not found:
        raise FileNotFoundError(path)
    return Path(found).read_text(encoding="utf-8")


@register.simple_tag
def report_css(for_print: bool = False) -> SafeString:
    """The report's CSS, to embed in the standalone document's ``<style>``:
    the same file the portal's report page links, plus the print rules
    (pages, embedded fonts) for the PDF."""
    css = _static_text(SCREEN_CSS)
    if for_print:
        css += "\n" + _static_text(PRINT_CSS)
    if "</" in css:
        raise ValueError("report CSS must not close the <style> element")
    return mark_safe(css)  # the project's own static files, checked above


#: The summary's figures that have a list of their agreements in the
#: document: the figure's key, the list's anchor (``_body.html``).
SUMMARY_ANCHORS = {
    "agreements_signed": "informe-acuerdos-firmados",
    "agreements_in_force": "informe-acuerdos-vigentes",
    "agreements_unknown_validity": "informe-acuerdos-sin-vigencia",
    "agreements_ending_soon": "informe-acuerdos-por-terminar",
    "agreements_ended": "informe-acuerdos-concluidos",
}


@register.filter
def summary_anchor(key: str) -> str:
    """The anchor of the list a summary figure counts, or "" where the document has none."""
    return SUMMARY_ANCHORS.get(key, "")


@register.filter
def signed_change(value) -> str:
    """A change with its sign: "+2", "−1" (a real minus sign), "0"."""
    if value is None:
        return DASH
    if value > 0:
        return f"+{value}"
    if value < 0:
        return f"{MINUS}{-value}"
    return "0"


@register.filter
def or_dash(value):
    """Missing values (None or empty) as an em dash."""
    return DASH if value is None or value == "" else value


@register.filter
def or_no_data(value):
    """A missing figure as "sin dato" (never zero)."""
    return _("sin dato") if value is None or value == "" else value


@register.filter
def cell(row: dict, key: str):
    return or_dash(row.get(key))


@register.filter
def flagged(rows: list[dict], key: str) -> list[dict]:
    """The rows whose yes/no column ``key`` says yes."""
    return [row for row in rows if row.get(key) == YES]


@register.filter
def with_value(rows: list[dict], pair: str) -> list[dict]:
    """The rows whose column equals a value: ``rows|with_value:"evaluated=sí"``."""
    key, _sep, value = pair.partition("=")
    return [row for row in rows if str(row.get(key)) == value]


@register.filter
def of_agreement(rows, code: str) -> list[dict]:
    """The rows of the agreement ``code`` (none from a report built before the table existed)."""
    return [row for row in rows or [] if row.get("code") == code]


@register.filter
def of_agreements(rows, agreements) -> list[dict]:
    """The rows of the agreements listed in ``agreements`` (rows with a ``code``)."""
    codes = {agreement.get("code") for agreement in agreements or []}
    return [row for row in rows or [] if row.get("code") in codes]


@register.filter
def grouped(rows: list[dict], key: str) -> list[tuple[str, list[dict]]]:
    """``(value, rows)`` per distinct value of ``key``, in order of first appearance."""
    groups: dict[str, list[dict]] = {}
    for row in rows:
        groups.setdefault(row.get(key), []).append(row)
    return list(groups.items())


@register.filter
def iso_day(value):
    """An ISO date ("2018-01-15") as the report writes dates ("15 de enero de 2018")."""
    if not value:
        return DASH
    # As the report data writes its dates (reports.data.cells.date_text), lower-case month included.
    return str(PartialDate(datetime.date.fromisoformat(str(value)[:10]), DatePrecision.DAY))


def _breakdown(report: dict, key: str) -> dict | None:
    return next((b for b in report.get("breakdowns", []) if b["key"] == key), None)


@register.simple_tag
def agreements_chart(report: dict, key: str) -> SafeString:
    """Bars of the agreements presented for evaluation (in force, and without
    validity information: the two never overlap) by the breakdown ``key``."""
    breakdown = _breakdown(report, key)
    if breakdown is None:
        return mark_safe("")
    series = [_("Vigentes"), _("Sin información de vigencia")]
    rows = [(row["label"], [row["in_force"], row["unknown_validity"]]) for row in breakdown["rows"]]
    title = _("Acuerdos vigentes y sin información de vigencia, %(by)s") % {"by": breakdown["title"].lower()}
    return charts.stacked_bars(title, rows, series)


@register.simple_tag
def recommendations_chart(table: dict) -> SafeString:
    """Bars of the agreements presented for evaluation by the recommendation
    of their approved evaluation, and those without one."""
    if not table:
        return mark_safe("")
    rows = [(row["label"], [row["agreements"]]) for row in table["rows"]]
    title = _("Acuerdos presentados para evaluación, por la recomendación de su evaluación aprobada")
    return charts.stacked_bars(title, rows, [_("Acuerdos")])


@register.simple_tag
def report_map(report: dict) -> dict:
    """``svg`` (the world map), ``countries`` (for its table) and ``unmapped``."""
    data = report.get("map") or {}
    countries = country_rows(data.get("countries", []))
    drawn = world_map(countries=countries, points=data.get("points", []))
    title = _("Mapa del mundo con los países de las contrapartes de los acuerdos del informe resaltados")
    return {"svg": charts.world_map(title, drawn.countries, drawn.markers), "countries": countries, "unmapped": drawn.unmapped}


@register.filter
def columns_without(table: dict, keys: str) -> list[list[str]]:
    """The table's ``[key, heading]`` columns but those named in ``keys`` (comma-separated)."""
    skip = set(keys.split(","))
    return [column for column in table["columns"] if column[0] not in skip]


#: About how many characters fit across a printed table: a portrait page at
#: 8.5 pt, and the annex's landscape pages at 7.5 pt (report-print.css).
LINE_CHARACTERS = {"portrait": 115, "annex": 180}
#: A word up to this long is kept whole if the columns' least widths fit.
LONGEST_UNBROKEN_WORD = 16
#: Room for a cell's padding, in characters, and the widening of a bold heading's letters.
CELL_ROOM, BOLD = 3, 1.2
#: A column's widest useful share, in characters: a short sentence.
WIDEST_COLUMN = 40


def _column_bounds(heading: str, values: list) -> tuple[float, float]:
    """A column's least and widest useful widths, in characters: its longest
    word (heading in bold, or cell), and the length most of its cells fit in."""
    texts = [str(value) for value in values if value not in (None, "")]
    lengths = sorted(len(text) for text in texts)
    typical = lengths[len(lengths) * 3 // 4] if lengths else 1  # the upper quartile: most rows on one line
    longest_word = max((len(word) for text in texts for word in text.split()), default=1)
    heading_word = max((len(word) for word in str(heading).split()), default=1)
    least = max(BOLD * heading_word, min(longest_word, LONGEST_UNBROKEN_WORD)) + CELL_ROOM
    return least, max(least, min(typical, WIDEST_COLUMN) + CELL_ROOM)


@register.simple_tag
def column_widths(table: dict, columns: list[list[str]], page: str = "portrait") -> list[str]:
    """Each column's width in the printed table, as a percentage, estimated from
    its texts as a browser's automatic widths would be (every column at least
    its longest word, the room left shared by how much more each needs). The PDF
    lays out its long tables with these fixed widths (report-print.css): with
    automatic widths WeasyPrint first measures every cell's shortest and longest
    line, most of a long report's layout time."""
    bounds = [_column_bounds(heading, [row.get(key) for row in table["rows"]]) for key, heading in columns]
    least = sum(low for low, _high in bounds)
    extra = sum(high - low for low, high in bounds)
    room = max(LINE_CHARACTERS[page] - least, 0)
    if least >= LINE_CHARACTERS[page]:  # too many columns for the page: each gives up half its extra room
        widths = [(low + high) / 2 for low, high in bounds]
    else:
        share = min(room / extra, 1) if extra else 0
        widths = [low + (high - low) * share for low, high in bounds]
    total = sum(widths)
    return [f"{100 * width / total:.2f}%" for width in widths]


@register.simple_tag
def rows_column_widths(rows: list[dict], keys: str, *headings: str) -> list[str]:
    """``column_widths`` of a table written in its template: its ``rows``, the
    ``keys`` of its columns (comma-separated) and their headings, in order."""
    columns = [[key, heading] for key, heading in zip(keys.split(","), headings, strict=True)]
    return column_widths({"rows": rows}, columns)


@register.filter
def is_number(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


#: The columns whose cells are addresses (a long address may break anywhere: report.css).
ADDRESS_KEYS = frozenset({"url", "trip_report_url"})


@register.simple_tag
def table_rows(rows: list[dict], columns: list[list[str]]) -> SafeString:
    """The ``<tr>`` of each of ``rows`` in ``columns`` (``_table.html``), or one
    saying the table is empty: the markup a loop over rows and cells in the
    template would write, character for character, written here because an
    annex table has thousands of rows and the template engine resolves every
    variable of every cell (at 100× the book, most of the document's time)."""
    if not rows:
        return format_html(
            '\n    <tr><td colspan="{}" class="empty">{}</td></tr>\n    ', len(columns), _("Ninguno en el semestre.")
        )
    keys = [key for key, _heading in columns]
    written = []
    for row in rows:
        cells = []
        for key in keys:
            value = cell(row, key)
            kind = ' class="number"' if is_number(value) else ' class="url"' if key in ADDRESS_KEYS else ""
            cells.append(f"<td{kind}>{conditional_escape(localize(value))}</td>")
        written.append(f"\n    <tr>{''.join(cells)}</tr>\n    ")
    return mark_safe("".join(written))  # every value escaped above


@register.filter
def amount(value) -> str:
    """A money amount as written in Mexico: "250,000" or "1,500.50"."""
    if value is None:
        return DASH
    if isinstance(value, float) and not value.is_integer():
        return f"{value:,.2f}"
    return f"{int(value):,}"
