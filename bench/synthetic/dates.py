"""Dates of synthetic records: years 1990–2026 with the recent ones more likely,
at the three precisions of a partial date, in an order the database accepts."""

import datetime
import random

from cdmx_global.partial_dates import DatePrecision
from sourcebook.records import UNDATED, When

YEARS = range(1990, 2027)
#: Recent years weigh more: 2026 eight times 1990.
YEAR_WEIGHTS = [year - 1985 for year in YEARS]
#: Nothing synthetic happens after this day (a validity may run later).
LATEST = datetime.date(2026, 10, 31)
PRECISIONS = {DatePrecision.DAY: 78, DatePrecision.MONTH: 14, DatePrecision.YEAR: 8}


def draw_date(rng: random.Random, first_year: int = YEARS[0]) -> datetime.date:
    years = [year for year in YEARS if year >= first_year]
    year = rng.choices(years, weights=YEAR_WEIGHTS[-len(years):])[0]
    last = LATEST if year == LATEST.year else datetime.date(year, 12, 31)
    first = datetime.date(year, 1, 1)
    return first + datetime.timedelta(days=rng.randint(0, (last - first).days))


def draw_precision(rng: random.Random, weights: dict = PRECISIONS) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def truncate(value: datetime.date, precision: str) -> datetime.date:
    """The first day of the year or month, as the database wants a partial date stored."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=1, day=1)
    if precision == DatePrecision.MONTH:
        return value.replace(day=1)
    return value


def next_start(value: datetime.date, precision: str) -> datetime.date:
    """The first year, month or day that starts on or after ``value``."""
    if truncate(value, precision) == value:
        return value
    if precision == DatePrecision.YEAR:
        return datetime.date(value.year + 1, 1, 1)
    return datetime.date(value.year + value.month // 12, value.month % 12 + 1, 1)


def partial(value: datetime.date, precision: str) -> When:
    return When(truncate(value, precision), precision)


def on_or_after(minimum: datetime.date, value: datetime.date, precision: str) -> When:
    """``value`` at ``precision``, moved forward if needed so it is not before ``minimum``."""
    candidate = truncate(max(value, minimum), precision)
    return When(candidate if candidate >= minimum else next_start(minimum, precision), precision)


def on_or_before(maximum: datetime.date, value: datetime.date, precision: str) -> When:
    return When(truncate(min(value, maximum), precision), precision)


def days_later(rng: random.Random, value: datetime.date, low: int, high: int) -> datetime.date:
    return value + datetime.timedelta(days=rng.randint(low, high))


def period(
    rng: random.Random, start: datetime.date, days: tuple[int, int], precision: str, *, open_share: float = 0.0
) -> dict[str, When]:
    """A start and an end at the same precision (so the end is never before the
    start); open when drawn so, or when it would end after ``LATEST``."""
    end = days_later(rng, start, *days)
    still_open = rng.random() < open_share or end > LATEST
    return {"start_on": partial(start, precision), "end_on": UNDATED if still_open else partial(end, precision)}
