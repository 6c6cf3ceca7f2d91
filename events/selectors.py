"""Reads of visits, events and awards that more than one place needs."""

import datetime

from django.db.models import BooleanField, Case, Prefetch, QuerySet, Value, When

from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision
from cdmx_global.published import Link, join_published

from .models import TRIP_REPORT_DAYS, Award, Event, Visit, VisitGuest


def published_events() -> QuerySet:
    """Published events with what their list shows: place and the published
    event they were held in the frame of (``public_parent``)."""
    return Event.objects.published().join_published(public_parent="parent").select_related("body")


def listed_events() -> QuerySet:
    """Published events with what a line of their list shows: the published
    event each was held in the frame of (``public_parent``), read for the
    page's events only. Joined (``published_events``), it is every published
    event read whole before the page is cut."""
    return Event.objects.published().select_related("body").with_published(public_parent="parent")


def published_event_details() -> QuerySet:
    """Published events with everything their page shows, each relation
    published only: organisers, themes, SDGs, frameworks, the events held in
    their frame, the visits made in their frame and the agreements signed at them."""
    return published_events().with_published(
        "organisers", "themes", "sdgs", "frameworks",
        public_children="children", public_visits="visits", public_agreements="agreements",
    )


def published_visits() -> QuerySet:
    """Published visits with their published counterparts (what the list shows)."""
    return Visit.objects.published().select_related("body").with_published("counterparts")


def _guests() -> Prefetch:
    """A visit's guests, each with its counterpart only if published
    (``public_counterpart``): a guest has no status of its own."""
    return Prefetch("guests", queryset=join_published(VisitGuest.objects.all(), public_counterpart="counterpart"))


def published_visit_details() -> QuerySet:
    """Published visits with everything their page shows: the published event
    (``public_event``), themes, and the guests, each with its counterpart only
    if published (``public_counterpart``)."""
    return published_visits().join_published(public_event="event").with_published("themes", _guests())


def published_awards() -> QuerySet:
    """Published awards with their published grantors, themes and SDGs."""
    return Award.objects.published().select_related("body").with_published("granted_by", "themes", "sdgs")


# Reads of the pages and the search that gather every kind of record.


def published_events_alone() -> QuerySet:
    """Published events and nothing linked to them: for counts, and for lines
    that name each one (its name, mode, date and address)."""
    return Event.objects.published()


def published_visits_alone() -> QuerySet:
    """Published visits and nothing linked to them (see ``published_events_alone``)."""
    return Visit.objects.published()


def published_awards_alone() -> QuerySet:
    """Published awards and nothing linked to them (see ``published_events_alone``)."""
    return Award.objects.published()


def searchable_events() -> QuerySet:
    """Published events with the published records whose words they are found
    by: organisers (by name), themes and frameworks."""
    return Event.objects.published().with_published(Link("organisers", order_by=("name",)), "themes", "frameworks")


def searchable_visits() -> QuerySet:
    """Published visits with the published records whose words they are found
    by: counterparts (by name), themes, and the guests, each with its
    counterpart only if published (``public_counterpart``)."""
    return Visit.objects.published().with_published(Link("counterparts", order_by=("name",)), "themes", _guests())


def searchable_awards() -> QuerySet:
    """Published awards with the published records whose words they are found
    by: grantors (by name) and themes."""
    return Award.objects.published().with_published(Link("granted_by", order_by=("name",)), "themes")


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
