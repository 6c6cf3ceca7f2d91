"""Reads of agreements that more than one place needs."""

import datetime

from django.db.models import Q, QuerySet

from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision

from .models import Agreement, Validity

#: How far ahead staff are warned of an agreement's end.
ENDING_SOON_DAYS = 90


def _in_force(queryset: QuerySet | None) -> QuerySet:
    """Agreements marked in force, whatever their publication step but withdrawn."""
    queryset = Agreement.objects.all() if queryset is None else queryset
    return (
        queryset.filter(validity=Validity.IN_FORCE, valid_until__isnull=False)
        .exclude(status=PublicationStatus.WITHDRAWN)
        .select_related("body")
        .order_by("valid_until", "title", "pk")
    )


def _end_period_starts_on_or_after(day: datetime.date) -> Q:
    """The end period (a day, a month or a year) does not end before ``day``.

    ``valid_until`` holds the first day of its period, so a month's period
    reaches ``day`` when it starts on or after ``day``'s month, and a year's
    when it starts on or after ``day``'s year.
    """
    return (
        Q(valid_until_precision=DatePrecision.DAY, valid_until__gte=day)
        | Q(valid_until_precision=DatePrecision.MONTH, valid_until__gte=day.replace(day=1))
        | Q(valid_until_precision=DatePrecision.YEAR, valid_until__gte=day.replace(month=1, day=1))
    )


def agreements_ending_soon(
    *, today: datetime.date, days: int = ENDING_SOON_DAYS, queryset: QuerySet | None = None
) -> QuerySet:
    """Agreements in force whose validity may end between ``today`` and ``today + days``, both included.

    ``valid_until`` is a partial date: a month or a year stands for the whole
    period, and the agreement is listed when that period overlaps the window.
    So with today 23 November 2026 and 90 days (to 21 February 2027), an end
    in «noviembre de 2026», «2026», «febrero de 2027» or «2027» is listed,
    one in «marzo de 2027» or «2028» is not. Staff are warned early rather
    than late; the list shows each date at its precision. Withdrawn records
    are left out; drafts, records in review and published ones all count.
    Ordered by the earliest day the validity may end.
    """
    horizon = today + datetime.timedelta(days=days)
    return _in_force(queryset).filter(_end_period_starts_on_or_after(today), valid_until__lte=horizon)


def agreements_past_end(*, today: datetime.date, queryset: QuerySet | None = None) -> QuerySet:
    """Agreements still marked in force whose whole end period is before ``today``.

    Their validity (and perhaps their renewal) needs updating. An end in
    «noviembre de 2026» or «2026» is not past on 23 November 2026; one on
    22 November 2026, in «octubre de 2026» or in «2025» is.
    """
    return _in_force(queryset).exclude(_end_period_starts_on_or_after(today))
