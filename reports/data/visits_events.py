"""The official visits (trips abroad and guests received) and the international
events of the semester."""

from django.utils.translation import gettext as _

from cdmx_global.partial_dates import DatePrecision, PartialDate
from events.models import Visit

from .cells import absolute_url, date_text, names, number, table
from .records import SemesterRecords


def _trip_report(visit: Visit) -> str:
    if visit.direction != Visit.Direction.OUTGOING:
        return ""
    if visit.report_delivered_on:
        return _("entregado el %(day)s") % {"day": date_text(PartialDate(visit.report_delivered_on, DatePrecision.DAY))}
    if visit.report_document:
        return _("publicado, sin fecha de entrega registrada")
    return _("sin informe registrado")


def visits_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "direction": visit.get_direction_display(),
            "title": visit.title,
            "period": visit.period,
            "counterparts": names(visit.public_counterparts),
            "delegation": visit.delegation,
            "purpose": visit.purpose,
            "outcome": visit.outcome,
            "expenses": number(visit.expenses),
            "expenses_currency": visit.expenses_currency,
            "trip_report": _trip_report(visit),
            "trip_report_url": absolute_url(visit.report_document.url) if visit.report_document else "",
            "url": absolute_url(visit.get_absolute_url()),
        }
        for visit in placed.visits
    ]
    return table(
        _("Visitas oficiales"),
        [
            ("direction", _("Tipo")), ("title", _("Visita")), ("period", _("Fechas")),
            ("counterparts", _("Destinos o procedencia")), ("delegation", _("Delegación")),
            ("purpose", _("Objetivo")), ("outcome", _("Resultados")), ("expenses", _("Gastos de viaje")),
            ("expenses_currency", _("Moneda")), ("trip_report", _("Informe del viaje")),
            ("trip_report_url", _("Informe en el portal")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def events_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "name": event.name,
            "mode": event.get_mode_display(),
            "role": event.get_role_display(),
            "period": event.period,
            "city": event.city,
            "country": event.country.name if event.country else "",
            "participants_count": event.participants_count,
            "outcome": event.outcome,
            "url": absolute_url(event.get_absolute_url()),
        }
        for event in placed.events
    ]
    return table(
        _("Eventos internacionales"),
        [
            ("name", _("Evento")), ("mode", _("Modalidad")), ("role", _("Papel de la Ciudad")),
            ("period", _("Fechas")), ("city", _("Ciudad")), ("country", _("País")),
            ("participants_count", _("Participantes")), ("outcome", _("Resultado")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )
