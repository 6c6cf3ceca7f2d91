"""How the report writes a value in a cell, and a table as the report keeps it.

Every table is ``{"title", "columns", "rows"}`` with ``columns`` as
``[key, heading]`` pairs and ``rows`` as flat dicts of plain values, so the
report data stays JSON-ready.
"""

from decimal import Decimal

from django.conf import settings

from cdmx_global.partial_dates import PartialDate

YES, NO = "sí", "no"


def yes_no(flag: bool) -> str:
    return YES if flag else NO


def date_text(date: PartialDate) -> str:
    """A date at the precision of its source («2017», «marzo de 2017», «15 de marzo de 2017»)."""
    return str(date)


def names(items) -> str:
    return "; ".join(str(item) for item in items)


def absolute_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def number(value) -> int | float | None:
    """A figure as JSON keeps it: a whole ``Decimal`` as ``int``, any other as ``float``."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def table(title: str, columns: list[tuple[str, str]], rows: list[dict]) -> dict:
    return {"title": title, "columns": [list(column) for column in columns], "rows": rows}
