"""What the published records of a collection span, asked of the data: how
many there are, when the last of them changed and the earliest and latest
dates they give, each at the precision its source gives.

One query per collection, however many records it holds (an aggregate over
``Collection.published()``), so a draft or a withdrawn record never moves a
date. The catalogue (``opendata.catalogue``), the schema.org ``Dataset`` and
the open-data page read it.
"""

import calendar
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q

from cdmx_global.partial_dates import DatePrecision, PartialDate
from cdmx_global.spreadsheets import format_partial_date_cell

from .collections import Collection

#: The partial dates whose span is a collection's temporal coverage. A
#: collection not named here (a catalogue: counterparts, networks, bodies,
#: themes; commitments, whose date is a target, not a fact) has none.
TEMPORAL_FIELDS: dict[str, tuple[str, ...]] = {
    "agreements": ("signed_on",),
    "actions": ("start_on", "end_on"),
    "memberships": ("start_on", "end_on"),
    "positions": ("start_on", "end_on"),
    "visits": ("start_on", "end_on"),
    "events": ("start_on", "end_on"),
    "awards": ("awarded_on",),
}

#: Coarser first: of two dates starting (or ending) the same day, the coarser one is kept.
_PRECISIONS = (DatePrecision.YEAR, DatePrecision.MONTH, DatePrecision.DAY)


@dataclass(frozen=True)
class Coverage:
    count: int
    #: When a published record last changed (``updated_at``); ``None`` without records.
    modified: datetime.datetime | None
    start: PartialDate | None
    end: PartialDate | None


def period_end(date: PartialDate) -> datetime.date:
    """The last day a partial date covers: a year's 31 December, a month's last day."""
    value = date.value
    if date.precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if date.precision == DatePrecision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value


def iso(date: PartialDate) -> str:
    """«2017», «2017-05» or «2017-05-12»: the date at its precision, never a day the source does not give."""
    return format_partial_date_cell(date.value, date.precision)


def _candidates(found: dict, fields: Iterable[str], bound: str) -> list[PartialDate]:
    return [
        PartialDate(found[f"{bound}_{name}_{precision}"], precision)
        for name in fields
        for precision in _PRECISIONS
        if found[f"{bound}_{name}_{precision}"] is not None
    ]


def coverage(collection: Collection) -> Coverage:
    fields = TEMPORAL_FIELDS.get(collection.name, ())
    aggregates = {"count": Count("pk")}
    if any(field.name == "updated_at" for field in collection.model._meta.concrete_fields):
        aggregates["modified"] = Max("updated_at")
    for name in fields:
        for precision in _PRECISIONS:
            within = Q(**{f"{name}_precision": precision, f"{name}__isnull": False})
            aggregates[f"min_{name}_{precision}"] = Min(name, filter=within)
            aggregates[f"max_{name}_{precision}"] = Max(name, filter=within)
    found = collection.published().order_by().aggregate(**aggregates)
    earliest = _candidates(found, fields, "min")
    latest = _candidates(found, fields, "max")
    rank = {precision: number for number, precision in enumerate(_PRECISIONS)}
    return Coverage(
        count=found["count"],
        modified=found.get("modified"),
        # ``min``/``max`` keep the first of equals: candidates come coarser first.
        start=min(earliest, key=lambda date: (date.value, rank[date.precision])) if earliest else None,
        end=max(latest, key=lambda date: (period_end(date), -rank[date.precision])) if latest else None,
    )


def coverages(collections: Iterable[Collection]) -> dict[str, Coverage]:
    """Each collection's coverage, asked once per collection (two tables may share one)."""
    found: dict[str, Coverage] = {}
    for collection in collections:
        if collection.name not in found:
            found[collection.name] = coverage(collection)
    return found
