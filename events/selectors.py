"""Reads of visits, events and awards that more than one place needs."""

import datetime

from django.db.models import BooleanField, Case, QuerySet, Value, When

from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision

from .models import TRIP_REPORT_DAYS, Visit


def trip_reports_due(*, today: datetime.date, queryset: QuerySet | None = None) -> QuerySet:
    """Outgoing trips back by ``today`` whose report to Congress is not delivered.

    Only trips whose return day is known count (``Visit.report_due_on``: 15
    calendar days after a day-precision return). Each visit is annotated
    with ``report_is_late``: its due day is before ``today``. A trip back on
    8 November 2026 is due on 23 November 2026, so on that day it is still
    due (not late); one back on 7 November is one day late. Withdrawn
    records are left out. Ordered by due day, so the latest come first.

    The filter compares ``end_on`` with fixed days instead of adding 15 days
    in SQL, which SQLite and PostgreSQL spell differently.
    """
    queryset = Visit.objects.all() if queryset is None else queryset
    last_return_on_time = today - datetime.timedelta(days=TRIP_REPORT_DAYS)
    return (
        queryset.filter(
            direction=Visit.Direction.OUTGOING,
            end_on_precision=DatePrecision.DAY,
            end_on__lte=today,
            report_delivered_on__isnull=True,
        )
        .exclude(status=PublicationStatus.WITHDRAWN)
        .annotate(
            report_is_late=Case(
                When(end_on__lt=last_return_on_time, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            )
        )
        .select_related("body")
        .order_by("end_on", "title", "pk")
    )
