"""Spreadsheets in and out of the admin, and the cells they hold.

Exports escape cells a spreadsheet would run as formulas (``escape_formula``,
reused by the public open-data downloads). Imports read the columns staff keep
today, headed by the Spanish names of the admin form, and only ever create
drafts (``resources.RecordResource``, with the ``widgets`` that read each cell).

A spreadsheet speaks Spanish whatever the interface language, so a file made
by one person reads the same for the next: headers and choice labels are
always the Spanish ones.
"""

import datetime
import re

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext

from cdmx_global.partial_dates import DatePrecision

SPREADSHEET_LANGUAGE = "es-mx"

#: What a spreadsheet takes for the start of a formula (OWASP, CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """A text cell a spreadsheet would run as a formula, with a leading apostrophe.

    The apostrophe makes the spreadsheet show the text as typed; nothing is
    removed, so the data stays whole. Numbers, dates and empty cells pass as they are.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return f"'{value}"
    return value


def spanish(text) -> str:
    with translation.override(SPREADSHEET_LANGUAGE):
        return str(text)


def column_name(model, field_name: str) -> str:
    """The header of a column: the field's label in the admin form, in Spanish."""
    return capfirst(spanish(model._meta.get_field(field_name).verbose_name))


def normalise_header(header) -> str:
    return " ".join(str(header).split()).casefold()


def cell_text(value) -> str:
    """A cell as text: XLSX gives numbers (11.0 for 11) where a CSV gives text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def is_blank(value) -> bool:
    return cell_text(value) == ""


# Partial dates ------------------------------------------------------------------

_PARTIAL_DATE_PATTERNS = (
    (re.compile(r"^(?P<year>\d{4})$"), DatePrecision.YEAR),
    (re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})$"), DatePrecision.MONTH),
    (re.compile(r"^(?P<month>\d{1,2})/(?P<year>\d{4})$"), DatePrecision.MONTH),
    (re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$"), DatePrecision.DAY),
    (re.compile(r"^(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})$"), DatePrecision.DAY),
)


def parse_partial_date(value) -> tuple[datetime.date | None, str]:
    """«2014», «2014-11», «2014-11-21», «21/11/2014» or a date cell, with its precision."""
    if isinstance(value, datetime.datetime):
        return value.date(), DatePrecision.DAY
    if isinstance(value, datetime.date):
        return value, DatePrecision.DAY
    text = cell_text(value)
    if not text:
        return None, ""
    for pattern, precision in _PARTIAL_DATE_PATTERNS:
        match = pattern.match(text)
        if match:
            parts = match.groupdict()
            try:
                date = datetime.date(int(parts["year"]), int(parts.get("month") or 1), int(parts.get("day") or 1))
            except ValueError:
                break
            return date, precision
    raise ValueError(
        gettext("«%(value)s» no es una fecha válida. Escriba el año (2014), el mes (2014-11) o el día (2014-11-21 o 21/11/2014).")
        % {"value": text}
    )


def format_partial_date_cell(value: datetime.date | None, precision: str) -> str:
    """The partial date as an import would read it back: «2014», «2014-11», «2014-11-21»."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value.year:04d}"
    if precision == DatePrecision.MONTH:
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
