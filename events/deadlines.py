"""The visits' sections of the deadline digest (see ``cdmx_global.deadlines``)."""

from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from cdmx_global.deadlines import DeadlineItem, DeadlineSection, days_until, for_reader
from cdmx_global.partial_dates import DatePrecision, PartialDate

from .models import TRIP_REPORT_DAYS, Visit
from .selectors import trip_reports_due


def _trip_report_items(user, today, *, late: bool):
    items = []
    for visit in trip_reports_due(today=today, queryset=for_reader(Visit.objects.all(), user)).filter(
        report_is_late=late
    ):
        due = PartialDate(visit.report_due_on, DatePrecision.DAY)
        items.append(DeadlineItem(visit, due, days_until(due.value, today)))
    return items


def _late_items(user, today):
    return _trip_report_items(user, today, late=True)


def _due_items(user, today):
    return _trip_report_items(user, today, late=False)


TRIP_REPORTS_LATE = DeadlineSection(
    key="events.trip_reports_late",
    title=_("Informes de viaje al Congreso atrasados"),
    date_heading=_("Entrega del informe"),
    items=_late_items,
)
TRIP_REPORTS_DUE = DeadlineSection(
    key="events.trip_reports_due",
    title=format_lazy(
        _("Informes de viaje al Congreso por entregar dentro de los {days} días naturales tras el regreso"),
        days=TRIP_REPORT_DAYS,
    ),
    date_heading=_("Entrega del informe"),
    items=_due_items,
)
