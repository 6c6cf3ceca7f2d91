"""Dates the sources give only partly: a date plus its precision.

A partial date is stored as two columns, ``<field>`` (a DateField holding the
first day of the period) and ``<field>_precision`` (``year``, ``month`` or
``day``). The database refuses a precision that disagrees with the date, and
everything a person reads shows the date at its precision: "2014",
"noviembre de 2014", "21 de noviembre de 2010".
"""

import datetime
from dataclasses import dataclass
from functools import lru_cache

from django.db import models
from django.db.models import Q
from django.utils.dates import MONTHS
from django.utils.text import format_lazy
from django.utils.translation import get_language, gettext, gettext_lazy as _


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Año")
    MONTH = "month", _("Mes")
    DAY = "day", _("Día")


def partial_date_fields(verbose_name, *, blank: bool = True):
    """The pair of fields for one partial date, to unpack in a model body."""
    return (
        models.DateField(verbose_name, null=blank, blank=blank),
        models.CharField(
            format_lazy(_("precisión de «{}»"), verbose_name),
            max_length=5,
            choices=DatePrecision.choices,
            blank=blank,
            help_text=_(
                "Año, mes o día: la precisión con que la fuente da la fecha. "
                "Si la fuente da sólo el año, anote el 1 de enero de ese año y «Año»."
            ),
        ),
    )


def partial_date_constraint(model_name: str, field: str) -> models.CheckConstraint:
    """Database check: the precision agrees with the date it qualifies.

    No date means no precision; a year is stored as 1 January; a month as its
    first day.
    """
    precision = f"{field}_precision"
    return models.CheckConstraint(
        condition=(
            Q(**{f"{field}__isnull": True, precision: ""})
            | Q(**{f"{field}__isnull": False, precision: DatePrecision.DAY})
            | Q(**{f"{field}__isnull": False, precision: DatePrecision.MONTH, f"{field}__day": 1})
            | Q(
                **{
                    f"{field}__isnull": False,
                    precision: DatePrecision.YEAR,
                    f"{field}__month": 1,
                    f"{field}__day": 1,
                }
            )
        ),
        name=f"{model_name}_{field}_precision_matches_date",
        violation_error_message=_(
            "La precisión de la fecha no corresponde a la fecha: una fecha con precisión "
            "«Año» debe ser el 1 de enero, una con precisión «Mes» el día 1 del mes, y "
            "sin fecha no hay precisión."
        ),
    )


def end_not_before_start_constraint(model_name: str, start: str, end: str, message) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(**{f"{start}__isnull": True})
        | Q(**{f"{end}__isnull": True})
        | Q(**{f"{end}__gte": models.F(start)}),
        name=f"{model_name}_{end}_not_before_{start}",
        violation_error_message=message,
    )


def period_constraints(model_name: str, message, start: str = "start_on", end: str = "end_on"):
    """The checks of a period given by two partial dates: each precision, and order."""
    return [
        partial_date_constraint(model_name, start),
        partial_date_constraint(model_name, end),
        end_not_before_start_constraint(model_name, start, end, message),
    ]


@dataclass(frozen=True)
class PartialDate:
    value: datetime.date | None
    precision: str

    @classmethod
    def of(cls, instance, field: str) -> "PartialDate":
        return cls(getattr(instance, field), getattr(instance, f"{field}_precision"))

    def __str__(self) -> str:
        return format_partial_date(self.value, self.precision)


def _month_name(month: int, language: str | None) -> str:
    name = str(MONTHS[month])
    # Spanish writes month names in lower case ("noviembre de 2014"); Django's
    # catalogue capitalises them.
    return name.lower() if (language or "es").startswith("es") else name


def format_partial_date(value: datetime.date | None, precision: str) -> str:
    """The date as a person should read it, at the precision the source gives."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    return _written(value, precision, get_language())


@lru_cache(maxsize=4096)
def _written(value: datetime.date, precision: str, language: str | None) -> str:
    """A month or a day in ``language`` (the active one), written once: a list
    writes the same dates again and again, each through the catalogue."""
    if precision == DatePrecision.MONTH:
        return gettext("%(month)s de %(year)s") % {"month": _month_name(value.month, language), "year": value.year}
    return gettext("%(day)s de %(month)s de %(year)s") % {
        "day": value.day,
        "month": _month_name(value.month, language),
        "year": value.year,
    }


def format_partial_period(start: PartialDate, end: PartialDate) -> str:
    """Both dates, or the one there is, or one date where both read the same."""
    first, last = str(start), str(end)
    if not first or not last or first == last:
        return first or last
    return f"{first}–{last}"
