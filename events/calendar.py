"""The iCalendar of published events and visits (``/eventos/calendario.ics``).

Only records whose start is known to the day enter it, as all-day events
(DTSTART;VALUE=DATE, DTEND the day after the last one); those known only by
month or year are left out, and the calendar's description says so.

On an English address (``/en/eventos/calendario.ics``) each entry's summary is
the record's English name where it has a public translation, and says its
language (``LANGUAGE=en`` or ``es``, RFC 5545); the Spanish calendar is as it
always was.
"""

import datetime

from django.http import HttpResponse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event as CalendarEvent

from cdmx_global.partial_dates import DatePrecision
from cdmx_global.translation import ENGLISH, SPANISH, page_language, translated

from .selectors import published_events, published_visits

CALENDAR_NAME = _("CDMX Global: eventos y visitas internacionales")
CALENDAR_DESCRIPTION = _(
    "Los eventos y visitas internacionales publicados de la Ciudad de México cuya fecha se conoce al día, "
    "como eventos de día completo. Los que sólo se conocen por mes o por año no aparecen en este calendario."
)


def _day_precise(queryset):
    return queryset.filter(start_on_precision=DatePrecision.DAY)


def _dates(record) -> tuple[datetime.date, datetime.date]:
    """The first day and the exclusive end (the day after the last one)."""
    last = record.end_on if record.end_on_precision == DatePrecision.DAY and record.end_on else record.start_on
    return record.start_on, max(last, record.start_on) + datetime.timedelta(days=1)


def _event_location(event) -> str:
    return ", ".join(part for part in (event.city, event.country.name if event.country else "") if part)


def _visit_location(visit) -> str:
    return "; ".join(
        ", ".join(part for part in (counterpart.name, counterpart.country.name if counterpart.country else "") if part)
        for counterpart in visit.counterparts.all()
    )


def _language(language: str) -> dict:
    """The LANGUAGE parameter of a text on an English calendar; none on the Spanish one."""
    return {"LANGUAGE": language} if page_language() == ENGLISH else {}


def _entry(request, kind: str, record, title: str, location: str) -> CalendarEvent:
    start, end = _dates(record)
    entry = CalendarEvent()
    # Stable per record: the kind, the key and the site's host.
    entry.add("uid", f"{kind}-{record.pk}@{request.get_host()}")
    entry.add("dtstamp", record.published_at or record.updated_at)
    entry.add("dtstart", start)
    entry.add("dtend", end)
    entry.add("summary", title, parameters=_language(getattr(title, "language", SPANISH)))
    entry.add("url", request.build_absolute_uri(record.get_absolute_url()))
    if location:
        entry.add("location", location)
    return entry


def events_calendar() -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", "-//CDMX Global//Registro de la acción internacional//ES")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", str(CALENDAR_NAME))
    calendar.add("x-wr-caldesc", str(CALENDAR_DESCRIPTION))
    calendar.add("description", str(CALENDAR_DESCRIPTION))
    return calendar


@require_safe
def calendar_view(request):
    calendar = events_calendar()
    for event in _day_precise(published_events()):
        calendar.add_component(_entry(request, "event", event, translated(event, "name"), _event_location(event)))
    for visit in _day_precise(published_visits()):
        calendar.add_component(_entry(request, "visit", visit, translated(visit, "title"), _visit_location(visit)))
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="calendario.ics"'
    return response


def calendar_context() -> dict:
    """What the events' and visits' pages need to link the calendar."""
    return {"calendar_title": gettext("Calendario de eventos y visitas"), "calendar_note": CALENDAR_DESCRIPTION}
