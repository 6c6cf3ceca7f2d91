"""Reporting periods: semesters (January–June, July–December), and where a
partially dated record falls with respect to one.

A record's date may be known to the day, the month or only the year (see
``cdmx_global.partial_dates``). A date known to the day or the month lies in
exactly one semester. A date known only by its year does not: it is never
assigned to a semester. The report lists such records apart, as records of
that year, in both semesters' reports, and counts them in neither semester's
figures.
"""

import calendar
import datetime
import re
from dataclasses import dataclass
from enum import Enum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext, gettext_lazy as _

from cdmx_global.partial_dates import DatePrecision, PartialDate

LABEL_PATTERN = re.compile(r"^(?P<year>\d{4})-(?P<half>[12])$")


@dataclass(frozen=True, order=True)
class Semester:
    year: int
    half: int

    def __post_init__(self):
        if self.half not in (1, 2):
            raise ValueError(f"half must be 1 or 2, not {self.half!r}")

    @classmethod
    def parse(cls, label: str) -> "Semester":
        """``"2017-2"`` is July–December 2017; a clear Spanish message otherwise."""
        match = LABEL_PATTERN.match(label.strip())
        if not match:
            raise ValidationError(
                _("«%(label)s» no es un semestre: escriba el año y luego 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."),
                code="invalid_semester",
                params={"label": label},
            )
        return cls(int(match["year"]), int(match["half"]))

    @classmethod
    def containing(cls, day: datetime.date) -> "Semester":
        return cls(day.year, 1 if day.month <= 6 else 2)

    @property
    def label(self) -> str:
        return f"{self.year}-{self.half}"

    @property
    def start(self) -> datetime.date:
        return datetime.date(self.year, 1 if self.half == 1 else 7, 1)

    @property
    def end(self) -> datetime.date:
        return datetime.date(self.year, 6, 30) if self.half == 1 else datetime.date(self.year, 12, 31)

    def previous(self) -> "Semester":
        return Semester(self.year, 1) if self.half == 2 else Semester(self.year - 1, 2)

    def next(self) -> "Semester":
        return Semester(self.year, 2) if self.half == 1 else Semester(self.year + 1, 1)

    def __str__(self) -> str:
        if self.half == 1:
            return gettext("enero–junio de %(year)s") % {"year": self.year}
        return gettext("julio–diciembre de %(year)s") % {"year": self.year}

    @property
    def ordinal(self) -> str:
        """«primer semestre de 2017»."""
        if self.half == 1:
            return gettext("primer semestre de %(year)s") % {"year": self.year}
        return gettext("segundo semestre de %(year)s") % {"year": self.year}


def first_day(date: PartialDate) -> datetime.date | None:
    """The first day of the period a partial date stands for."""
    return date.value


def last_day(date: PartialDate) -> datetime.date | None:
    """The last day of the period a partial date stands for."""
    value = date.value
    if value is None:
        return None
    if date.precision == DatePrecision.YEAR:
        return datetime.date(value.year, 12, 31)
    if date.precision == DatePrecision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value


class Placement(Enum):
    """Where a record's date falls with respect to a semester."""

    IN = "in"  # known to the month or day, inside the semester
    YEAR_ONLY = "year_only"  # known only by year, the semester's year
    OUTSIDE = "outside"  # elsewhere, or no date


def place(date: PartialDate, semester: Semester) -> Placement:
    if date.value is None:
        return Placement.OUTSIDE
    if date.precision == DatePrecision.YEAR:
        return Placement.YEAR_ONLY if date.value.year == semester.year else Placement.OUTSIDE
    return Placement.IN if semester.start <= date.value <= semester.end else Placement.OUTSIDE


def overlaps(start: PartialDate, end: PartialDate | None, semester: Semester) -> bool:
    """A period may overlap the semester, read at its widest: from the first day
    of its start's period to the last day of its end's period (no end: open).

    A period without a known start is not placed at all.
    """
    if start.value is None:
        return False
    if first_day(start) > semester.end:
        return False
    finish = last_day(end) if end is not None and end.value is not None else None
    return finish is None or finish >= semester.start
