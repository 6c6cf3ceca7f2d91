"""The report's data for one semester, built from published records only.

``build_report_data(semester)`` returns a plain, JSON-ready dict: every
format (PDF, HTML, CSV, XLSX, JSON) is rendered from it, and the report keeps
it, so what Congress received can be shown again after the records change.
It is built in Spanish, the language of the document of record.

The parts:

- ``meta``: the period, version and when it was generated;
- ``summary``: the figures of the semester and of the previous one;
- ``tables``: every table of the report, each ``{"title", "columns", "rows"}``
  with ``columns`` as ``[key, heading]`` pairs and ``rows`` as flat dicts —
  the annexes (CSV, XLSX, JSON) are exactly these tables;
- ``breakdowns``: the agreements counted by kind, region, theme, body, ODS
  and UN framework;
- ``map``: the countries of the counterparts of the agreements in the report;
- ``indicators``: the indicators by dimension;
- ``method``: how each figure was counted, and how records known only by
  year are treated.

How records are placed in the semester is in ``reports.periods``; the method
section says the same in words.
"""

import datetime
import functools
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from agreements.models import Agreement, Validity
from agreements.selectors import published_actions, published_agreements
from cdmx_global.models import PublicationStatus
from cdmx_global.partial_dates import DatePrecision, PartialDate
from cdmx_global.regions import Region
from events.models import Award, Event, Visit
from events.selectors import published_awards, published_events, published_visits
from networks.models import Membership, Position
from networks.selectors import published_network_parts

from .indicators import COMPUTATIONS
from .models import AgreementEvaluation, Dimension, Indicator, IndicatorValue, Recommendation
from .periods import Placement, Semester, last_day, overlaps, place

PUBLISHED = PublicationStatus.PUBLISHED
REPORT_LANGUAGE = "es-mx"

YES, NO = "sí", "no"


def _yes(flag: bool) -> str:
    return YES if flag else NO


def _date(date: PartialDate) -> str:
    return str(date)


def _names(items) -> str:
    return "; ".join(str(item) for item in items)


def _absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _number(value) -> int | float | None:
    if value is None:
        return None
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


# Placing agreements -----------------------------------------------------------


@dataclass
class AgreementPlacement:
    """Where one agreement stands in a semester."""

    agreement: Agreement
    signed: bool = False  # signed in the semester (date known to the month or day)
    signed_year_only: bool = False  # signed in the semester's year, month unknown
    in_force: bool = False  # its validity may overlap the semester
    ending_soon: bool = False  # in force at the end, its validity ends in the next semester
    ended: bool = False  # its validity ended in the semester
    unknown_validity: bool = False  # signed by the end of the semester, validity not recorded

    @property
    def in_report(self) -> bool:
        return self.signed or self.in_force or self.ending_soon or self.ended or self.unknown_validity

    @property
    def evaluable(self) -> bool:
        """Agreements the government evaluates for the semester."""
        return self.in_force or self.unknown_validity


def _validity_end(agreement: Agreement) -> PartialDate | None:
    if agreement.ended_on is not None:
        return PartialDate.of(agreement, "ended_on")
    if agreement.is_indefinite or agreement.valid_until is None:
        return None
    return PartialDate.of(agreement, "valid_until")


def place_agreement(agreement: Agreement, semester: Semester) -> AgreementPlacement:
    signed = PartialDate.of(agreement, "signed_on")
    placement = AgreementPlacement(agreement)
    if agreement.validity == Validity.NEGOTIATION:
        return placement  # not signed yet, whatever date was entered
    signed_at = place(signed, semester)
    placement.signed = signed_at is Placement.IN
    placement.signed_year_only = signed_at is Placement.YEAR_ONLY
    if agreement.validity in (Validity.IN_FORCE, Validity.ENDED):
        start = PartialDate.of(agreement, "in_force_on") if agreement.in_force_on else signed
        end = _validity_end(agreement)
        if agreement.validity == Validity.ENDED and end is None:
            return placement  # ended on a date nobody recorded: it can't be placed
        placement.in_force = overlaps(start, end, semester)
        if end is not None and end.precision != DatePrecision.YEAR:
            placement.ended = place(end, semester) is Placement.IN
            following = semester.next()
            placement.ending_soon = placement.in_force and following.start <= end.value <= following.end
        elif end is not None and placement.in_force:
            # An end known only by year: ending soon when that year is the next semester's.
            following = semester.next()
            placement.ending_soon = end.value.year == following.year and last_day(end) > semester.end
    elif agreement.validity == Validity.UNKNOWN:
        # Signed for certain by the end of the semester: a signature known only
        # by year counts from the second semester of that year.
        placement.unknown_validity = signed.value is not None and last_day(signed) <= semester.end
    return placement


# Placing the other records ----------------------------------------------------


def placed_in(records, semester: Semester, date_field: str) -> tuple[list, list]:
    """``records`` split into those dated inside the semester and those of its
    year known only by year; each list in date order."""
    inside, year_only = [], []
    for record in records:
        where = place(PartialDate.of(record, date_field), semester)
        if where is Placement.IN:
            inside.append(record)
        elif where is Placement.YEAR_ONLY:
            year_only.append(record)
    key = lambda record: (getattr(record, date_field), str(record))
    return sorted(inside, key=key), sorted(year_only, key=key)


def _held(parts, semester: Semester) -> list:
    """Network positions or memberships whose period may overlap the semester."""
    held = [
        part for part in parts
        if overlaps(PartialDate.of(part, "start_on"), PartialDate.of(part, "end_on"), semester)
    ]
    return sorted(held, key=lambda part: (str(part.network), part.start_on, str(part)))


@dataclass
class SemesterRecords:
    """The published records placed in one semester."""

    semester: Semester
    agreements: list[AgreementPlacement] = field(default_factory=list)
    actions: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    events: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    year_only: list = field(default_factory=list)  # (kind label, record, date)
    evaluations: dict = field(default_factory=dict)  # agreement pk -> AgreementEvaluation

    @property
    def evaluable(self) -> list[AgreementPlacement]:
        return [p for p in self.agreements if p.evaluable]

    def count(self, flag: str) -> int:
        return sum(1 for p in self.agreements if getattr(p, flag))

    def actions_under(self, agreement: Agreement) -> list:
        return self._actions_by_agreement.get(agreement.pk, [])

    @functools.cached_property
    def _actions_by_agreement(self) -> dict[int, list]:
        # Grouped once: scanning every action for each agreement grows with their product.
        grouped = defaultdict(list)
        for action in self.actions:
            grouped[action.agreement_id].append(action)
        return grouped

    @property
    def outgoing(self) -> list:
        return [v for v in self.visits if v.direction == Visit.Direction.OUTGOING]

    @property
    def incoming(self) -> list:
        return [v for v in self.visits if v.direction == Visit.Direction.INCOMING]

    @property
    def hosted(self) -> list:
        return [e for e in self.events if e.mode == Event.Mode.HOSTED]

    @property
    def attended(self) -> list:
        return [e for e in self.events if e.mode == Event.Mode.ATTENDED]

    @property
    def awards_received(self) -> list:
        return [a for a in self.awards if a.direction == Award.Direction.RECEIVED]


class Records:
    """Every published record a report reads, fetched once; placed per semester on demand."""

    def __init__(self):
        self.agreements = list(published_agreements().order_by("signed_on", "title", "pk"))
        self.actions = list(published_actions())
        self.visits = list(published_visits())
        self.events = list(published_events())
        self.awards = list(published_awards())
        self.positions = list(published_network_parts(Position).select_related("body"))
        self.memberships = list(published_network_parts(Membership).select_related("body"))

    def place(self, semester: Semester) -> SemesterRecords:
        placed = SemesterRecords(semester)
        placements = [place_agreement(agreement, semester) for agreement in self.agreements]
        placed.agreements = [p for p in placements if p.in_report]
        placed.actions, actions_year = placed_in(self.actions, semester, "start_on")
        placed.visits, visits_year = placed_in(self.visits, semester, "start_on")
        placed.events, events_year = placed_in(self.events, semester, "start_on")
        placed.awards, awards_year = placed_in(self.awards, semester, "awarded_on")
        placed.positions = _held(self.positions, semester)
        placed.memberships = _held(self.memberships, semester)
        agreements_year = sorted(
            (p.agreement for p in placements if p.signed_year_only), key=lambda a: (a.signed_on, a.title)
        )
        for label, records, date_field in (
            (_("Acuerdo"), agreements_year, "signed_on"),
            (_("Acción"), actions_year, "start_on"),
            (_("Visita"), visits_year, "start_on"),
            (_("Evento"), events_year, "start_on"),
            (_("Premio"), awards_year, "awarded_on"),
        ):
            placed.year_only.extend((label, record, PartialDate.of(record, date_field)) for record in records)
        placed.evaluations = {
            evaluation.agreement_id: evaluation
            for evaluation in AgreementEvaluation.objects.filter(
                year=semester.year, half=semester.half, agreement__status=PUBLISHED
            )
        }
        return placed


# The summary -------------------------------------------------------------------


def summary_figures(placed: SemesterRecords) -> list[tuple[str, str, int]]:
    """``(key, label, value)`` for each summary figure, in the report's order."""
    evaluable = placed.evaluable
    return [
        ("agreements_signed", _("Acuerdos firmados en el semestre"), placed.count("signed")),
        ("agreements_in_force", _("Acuerdos vigentes en el semestre"), placed.count("in_force")),
        ("agreements_ending_soon", _("Acuerdos cuya vigencia termina el semestre siguiente"), placed.count("ending_soon")),
        ("agreements_ended", _("Acuerdos concluidos en el semestre"), placed.count("ended")),
        ("agreements_unknown_validity", _("Acuerdos firmados sin información de vigencia"), placed.count("unknown_validity")),
        (
            "agreements_evaluated",
            _("Acuerdos evaluados por el Gobierno"),
            sum(1 for p in evaluable if p.agreement.pk in placed.evaluations),
        ),
        ("actions", _("Acciones realizadas"), len(placed.actions)),
        ("trips", _("Giras al extranjero"), len(placed.outgoing)),
        ("guests", _("Visitas recibidas"), len(placed.incoming)),
        ("events_hosted", _("Eventos internacionales con sede en la Ciudad"), len(placed.hosted)),
        ("events_attended", _("Participaciones en eventos en el extranjero"), len(placed.attended)),
        ("positions", _("Cargos de dirección en redes de ciudades"), len(placed.positions)),
        ("awards", _("Premios y reconocimientos recibidos"), len(placed.awards_received)),
        ("year_only", _("Registros del año conocidos sólo por año (no contados arriba)"), len(placed.year_only)),
    ]


def _summary(current: SemesterRecords, previous: SemesterRecords) -> list[dict]:
    before = {key: value for key, _label, value in summary_figures(previous)}
    return [
        {"key": key, "label": label, "value": value, "previous": before[key], "change": value - before[key]}
        for key, label, value in summary_figures(current)
    ]


# Tables ------------------------------------------------------------------------


def _table(title: str, columns: list[tuple[str, str]], rows: list[dict]) -> dict:
    return {"title": title, "columns": [list(column) for column in columns], "rows": rows}


def _region_names(agreement: Agreement) -> list[str]:
    regions = sorted({c.region for c in agreement.counterparts.all() if c.region})
    return [str(Region(code).label) for code in regions]


def _countries(agreement: Agreement) -> list[str]:
    return sorted({c.country.name for c in agreement.counterparts.all() if c.country})


def _agreements_table(placed: SemesterRecords) -> dict:
    rows = []
    for p in placed.agreements:
        a = p.agreement
        rows.append({
            "code": a.code,
            "title": a.title,
            "kind": a.get_kind_display(),
            "counterparts": _names(a.counterparts.all()),
            "countries": "; ".join(_countries(a)),
            "regions": "; ".join(_region_names(a)),
            "body": str(a.body),
            "themes": _names(a.themes.all()),
            "sdgs": "; ".join(str(s.number) for s in a.sdgs.all()),
            "frameworks": _names(a.frameworks.all()),
            "signed_on": _date(PartialDate.of(a, "signed_on")),
            "in_force_on": _date(PartialDate.of(a, "in_force_on")),
            "valid_until": _("indefinida") if a.is_indefinite else _date(PartialDate.of(a, "valid_until")),
            "ended_on": _date(PartialDate.of(a, "ended_on")),
            "validity": a.get_validity_display(),
            "signed_in_semester": _yes(p.signed),
            "in_force": _yes(p.in_force),
            "ending_soon": _yes(p.ending_soon),
            "ended_in_semester": _yes(p.ended),
            "unknown_validity": _yes(p.unknown_validity),
            "url": _absolute(a.get_absolute_url()),
        })
    return _table(
        _("Acuerdos del semestre"),
        [
            ("code", _("Clave")), ("title", _("Título")), ("kind", _("Tipo")), ("counterparts", _("Contrapartes")),
            ("countries", _("Países")), ("regions", _("Regiones")), ("body", _("Dependencia responsable")),
            ("themes", _("Temas")), ("sdgs", _("ODS")), ("frameworks", _("Marcos de la ONU")),
            ("signed_on", _("Firma")), ("in_force_on", _("Entrada en vigor")), ("valid_until", _("Vigente hasta")),
            ("ended_on", _("Conclusión")), ("validity", _("Vigencia")),
            ("signed_in_semester", _("Firmado en el semestre")), ("in_force", _("Vigente en el semestre")),
            ("ending_soon", _("Termina el semestre siguiente")), ("ended_in_semester", _("Concluido en el semestre")),
            ("unknown_validity", _("Sin información de vigencia")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _evaluations_table(placed: SemesterRecords) -> dict:
    rows = []
    for p in placed.evaluable:
        a = p.agreement
        evaluation = placed.evaluations.get(a.pk)
        actions = placed.actions_under(a)
        people_from_actions = sum(action.people_reached or 0 for action in actions)
        rows.append({
            "code": a.code,
            "title": a.title,
            "evaluated": _yes(evaluation is not None),
            "actions": len(actions),
            "people_reached_actions": people_from_actions,
            "people_reached": _number(evaluation.people_reached) if evaluation else None,
            "resources": evaluation.resources if evaluation else "",
            "amount": _number(evaluation.amount) if evaluation else None,
            "currency": evaluation.currency if evaluation else "",
            "exchanges": _number(evaluation.exchanges) if evaluation else None,
            "projects": _number(evaluation.projects) if evaluation else None,
            "advantages": evaluation.advantages if evaluation else "",
            "benefits": evaluation.benefits if evaluation else "",
            "results": evaluation.results if evaluation else "",
            "difficulties": evaluation.difficulties if evaluation else "",
            "recommendation": evaluation.get_recommendation_display() if evaluation else "",
            "url": _absolute(a.get_absolute_url()),
        })
    return _table(
        _("Evaluación de los acuerdos"),
        [
            ("code", _("Clave")), ("title", _("Título")), ("evaluated", _("Evaluado")),
            ("actions", _("Acciones realizadas en el semestre")),
            ("people_reached_actions", _("Personas beneficiadas según las acciones")),
            ("people_reached", _("Personas beneficiadas según la evaluación")),
            ("resources", _("Recursos movilizados")), ("amount", _("Monto")), ("currency", _("Moneda")),
            ("exchanges", _("Intercambios")), ("projects", _("Proyectos")),
            ("advantages", _("Ventajas")), ("benefits", _("Beneficios")), ("results", _("Resultados")),
            ("difficulties", _("Dificultades")), ("recommendation", _("Recomendación")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _actions_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "title": action.title,
            "kind": action.get_kind_display(),
            "agreement": action.agreement.code if action.agreement else "",
            "period": action.period,
            "place": action.place,
            "body": str(action.body),
            "people_reached": action.people_reached,
            "results": action.results,
            "url": _absolute(action.get_absolute_url()),
        }
        for action in placed.actions
    ]
    return _table(
        _("Acciones realizadas"),
        [
            ("title", _("Acción")), ("kind", _("Tipo")), ("agreement", _("Acuerdo")), ("period", _("Periodo")),
            ("place", _("Lugar")), ("body", _("Dependencia responsable")),
            ("people_reached", _("Personas beneficiadas")), ("results", _("Resultados")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _trip_report(visit: Visit) -> str:
    if visit.direction != Visit.Direction.OUTGOING:
        return ""
    if visit.report_delivered_on:
        return _("entregado el %(day)s") % {"day": _date(PartialDate(visit.report_delivered_on, DatePrecision.DAY))}
    if visit.report_document:
        return _("publicado, sin fecha de entrega registrada")
    return _("sin informe registrado")


def _visits_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "direction": visit.get_direction_display(),
            "title": visit.title,
            "period": visit.period,
            "counterparts": _names(visit.counterparts.all()),
            "delegation": visit.delegation,
            "purpose": visit.purpose,
            "outcome": visit.outcome,
            "expenses": _number(visit.expenses),
            "expenses_currency": visit.expenses_currency,
            "trip_report": _trip_report(visit),
            "trip_report_url": _absolute(visit.report_document.url) if visit.report_document else "",
            "url": _absolute(visit.get_absolute_url()),
        }
        for visit in placed.visits
    ]
    return _table(
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


def _events_table(placed: SemesterRecords) -> dict:
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
            "url": _absolute(event.get_absolute_url()),
        }
        for event in placed.events
    ]
    return _table(
        _("Eventos internacionales"),
        [
            ("name", _("Evento")), ("mode", _("Modalidad")), ("role", _("Papel de la Ciudad")),
            ("period", _("Fechas")), ("city", _("Ciudad")), ("country", _("País")),
            ("participants_count", _("Participantes")), ("outcome", _("Resultado")),
            ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _positions_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "network": str(position.network),
            "title": position.title,
            "organ": position.organ,
            "holder": position.holder,
            "period": position.period,
            "url": _absolute(position.get_absolute_url()),
        }
        for position in placed.positions
    ]
    return _table(
        _("Cargos de dirección en redes de ciudades"),
        [
            ("network", _("Red")), ("title", _("Cargo")), ("organ", _("Órgano")), ("holder", _("Titular")),
            ("period", _("Periodo")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _awards_table(placed: SemesterRecords) -> dict:
    rows = [
        {
            "title": award.title,
            "direction": award.get_direction_display(),
            "category": award.get_category_display(),
            "awarded_on": award.awarded,
            "granted_by": award.granted_by_text,
            "recognised_for": award.recognised_for,
            "url": _absolute(award.get_absolute_url()),
        }
        for award in placed.awards
    ]
    return _table(
        _("Premios y reconocimientos"),
        [
            ("title", _("Premio o reconocimiento")), ("direction", _("Sentido")), ("category", _("Categoría")),
            ("awarded_on", _("Fecha")), ("granted_by", _("Otorgante")),
            ("recognised_for", _("Programa o proyecto reconocido")), ("url", _("Dirección en el portal")),
        ],
        rows,
    )


def _year_only_table(placed: SemesterRecords) -> dict:
    rows = [
        {"kind": label, "title": str(record), "date": _date(date), "url": _absolute(record.get_absolute_url())}
        for label, record, date in placed.year_only
    ]
    return _table(
        _("Registros de %(year)s conocidos sólo por año") % {"year": placed.semester.year},
        [("kind", _("Registro")), ("title", _("Título")), ("date", _("Fecha según la fuente")), ("url", _("Dirección en el portal"))],
        rows,
    )


# Breakdowns --------------------------------------------------------------------

BREAKDOWN_COLUMNS = ("signed", "in_force", "ending_soon", "ended", "unknown_validity")


def _breakdown_headings() -> list[tuple[str, str]]:
    return [
        ("signed", _("Firmados")), ("in_force", _("Vigentes")), ("ending_soon", _("Terminan el semestre siguiente")),
        ("ended", _("Concluidos")), ("unknown_validity", _("Sin información de vigencia")),
    ]


def _breakdown(placed: SemesterRecords, key: str, title: str, labels_of) -> dict:
    counts: dict[str, Counter] = defaultdict(Counter)
    for p in placed.agreements:
        labels = labels_of(p.agreement) or [_("Sin dato")]
        for label in dict.fromkeys(labels):
            for column in BREAKDOWN_COLUMNS:
                counts[label][column] += int(getattr(p, column))
    rows = [
        {"label": label, **{column: counts[label][column] for column in BREAKDOWN_COLUMNS}}
        for label in sorted(counts, key=lambda label: (-sum(counts[label].values()), label))
    ]
    return {"key": key, "title": title, "columns": [list(c) for c in _breakdown_headings()], "rows": rows}


def _breakdowns(placed: SemesterRecords) -> list[dict]:
    return [
        _breakdown(placed, "kind", _("Por tipo de instrumento"), lambda a: [a.get_kind_display()]),
        _breakdown(placed, "region", _("Por región de la contraparte"), _region_names),
        _breakdown(placed, "theme", _("Por tema"), lambda a: [t.name for t in a.themes.all()]),
        _breakdown(placed, "body", _("Por dependencia responsable"), lambda a: [a.body.acronym or a.body.name]),
        _breakdown(placed, "sdg", _("Por Objetivo de Desarrollo Sostenible"), lambda a: [f"ODS {s.number}" for s in a.sdgs.all()]),
        _breakdown(placed, "framework", _("Por marco de Naciones Unidas"), lambda a: [f.name for f in a.frameworks.all()]),
    ]


def _map(placed: SemesterRecords) -> dict:
    """Countries of the counterparts of the agreements in the report, with how many agreements each."""
    agreements_by_country: dict[str, set] = defaultdict(set)
    counterparts_by_country: dict[str, set] = defaultdict(set)
    points = {}
    for p in placed.agreements:
        for counterpart in p.agreement.counterparts.all():
            if counterpart.country:
                agreements_by_country[counterpart.country.code].add(p.agreement.pk)
                counterparts_by_country[counterpart.country.code].add(counterpart.pk)
            if counterpart.latitude is not None:
                points[counterpart.pk] = [
                    str(counterpart), _absolute(counterpart.get_absolute_url()),
                    float(counterpart.latitude), float(counterpart.longitude),
                ]
    return {
        "countries": [
            {"country": code, "counterparts": len(counterparts_by_country[code]), "agreements": len(agreements)}
            for code, agreements in sorted(agreements_by_country.items())
        ],
        "points": [points[pk] for pk in sorted(points)],
    }


# Indicators --------------------------------------------------------------------


def _indicators(current: SemesterRecords, previous: SemesterRecords) -> dict:
    entered = {
        (value.indicator_id, value.year, value.half): value
        for value in IndicatorValue.objects.filter(
            year__in={current.semester.year, previous.semester.year}
        )
    }

    def value_of(indicator, placed):
        if indicator.is_computed:
            compute = COMPUTATIONS.get(indicator.computation)
            return (_number(compute.function(placed)) if compute else None), _("calculado de los registros publicados")
        row = entered.get((indicator.pk, placed.semester.year, placed.semester.half))
        return (_number(row.value), row.source) if row else (None, _("sin valor capturado"))

    rows = []
    for indicator in Indicator.objects.all():
        value, source = value_of(indicator, current)
        before, _source = value_of(indicator, previous)
        rows.append({
            "code": indicator.code,
            "dimension": indicator.get_dimension_display(),
            "name": indicator.name,
            "definition": indicator.definition,
            "unit": indicator.unit,
            "method": indicator.method,
            "obtained": _("Calculado") if indicator.is_computed else _("Capturado"),
            "value": value,
            "previous": before,
            "source": source,
        })
    return _table(
        _("Indicadores de internacionalización"),
        [
            ("code", _("Clave")), ("dimension", _("Dimensión")), ("name", _("Indicador")),
            ("definition", _("Definición")), ("unit", _("Unidad")), ("method", _("Cómo se obtiene")),
            ("obtained", _("Obtención")), ("value", _("Valor del semestre")),
            ("previous", _("Valor del semestre anterior")), ("source", _("Fuente del valor")),
        ],
        rows,
    )


# Method ------------------------------------------------------------------------


def _method(semester: Semester) -> list[dict]:
    following = semester.next()
    return [
        {"title": _("Qué registros entran"), "text": _(
            "El informe se construye sólo con los registros publicados en el portal en la fecha en que se generó. "
            "Los borradores, los registros en revisión y los retirados no entran en ninguna cifra ni tabla."
        )},
        {"title": _("Cómo se ubica un registro en el semestre"), "text": _(
            "Cada registro se ubica por su fecha de referencia: la firma de un acuerdo, el inicio de una acción, "
            "visita o evento, la fecha de un premio. Una fecha conocida al día o al mes pertenece al semestre que "
            "la contiene."
        )},
        {"title": _("Registros conocidos sólo por año"), "text": _(
            "Cuando la fuente da sólo el año, el registro no se asigna a ningún semestre: no se cuenta en las cifras "
            "del semestre ni en las de ningún otro, y se lista aparte, como registro de %(year)s, en los informes de "
            "los dos semestres de ese año. Las fechas se muestran con la precisión de la fuente («2017», no "
            "«1 de enero de 2017»)."
        ) % {"year": semester.year}},
        {"title": _("Acuerdos vigentes"), "text": _(
            "Un acuerdo registrado como vigente o concluido se cuenta como vigente en el semestre cuando su vigencia "
            "puede cruzarlo: desde el primer día del periodo de su entrada en vigor (o de su firma, si no se registró "
            "la entrada en vigor) hasta el último día del periodo de su conclusión o de su fecha de término; sin "
            "término, o con vigencia indefinida, sigue vigente. Una vigencia que termina en «2018» llega así hasta el "
            "31 de diciembre de 2018."
        )},
        {"title": _("Acuerdos que terminan y concluidos"), "text": _(
            "Termina el semestre siguiente (%(following)s) el acuerdo vigente cuya fecha de conclusión o término cae "
            "en ese semestre. Concluye en el semestre el acuerdo cuya fecha de conclusión o término, conocida al mes "
            "o al día, cae en él."
        ) % {"following": str(following)}},
        {"title": _("Acuerdos sin información de vigencia"), "text": _(
            "Un acuerdo firmado antes del cierre del semestre cuya vigencia no se ha registrado se lista aparte, "
            "como «sin información de vigencia», y se presenta para evaluación junto con los vigentes: el informe no "
            "supone que esté vigente ni que haya concluido. Una firma conocida sólo por año cuenta desde el segundo "
            "semestre de ese año; un acuerdo sin fecha de firma registrada no se ubica en ningún semestre."
        )},
        {"title": _("Evaluación de los acuerdos"), "text": _(
            "Las acciones realizadas son las acciones publicadas registradas en el marco de cada acuerdo con fecha de "
            "inicio en el semestre; las personas beneficiadas según las acciones son la suma de las que registra cada "
            "acción. Las demás cifras (personas beneficiadas, recursos, intercambios, proyectos) y la valoración "
            "cualitativa son las que registró el Gobierno en su evaluación del semestre."
        )},
        {"title": _("Cargos y membresías"), "text": _(
            "Un cargo de dirección en una red se cuenta en el semestre cuando su periodo, leído del primer día de su "
            "inicio al último día de su fin, lo cruza; un cargo sin fecha de inicio no se cuenta."
        )},
        {"title": _("Cambio respecto del semestre anterior"), "text": _(
            "Las cifras del semestre anterior se calculan con las mismas reglas y los mismos registros publicados, en "
            "la fecha en que se generó este informe; pueden diferir de las del informe entregado entonces si los "
            "registros se corrigieron después."
        )},
        {"title": _("Indicadores"), "text": _(
            "Los indicadores siguen las tres dimensiones de medición de la acción internacional (institucional, "
            "política y territorial; CDMX Global, 2018, cap. II §4.3). Los calculados se obtienen de los registros "
            "publicados con las reglas anteriores; los capturados los registra la CGAI con su fuente. Un valor no "
            "capturado se muestra como «sin dato», nunca como cero."
        )},
    ]


# The report --------------------------------------------------------------------


def build_report_data(semester: Semester, *, version: int = 1, corrects: dict | None = None,
                      correction_note: str = "", generated_at: datetime.datetime | None = None) -> dict:
    """The report's data for ``semester`` from the published records, in Spanish."""
    generated_at = generated_at or timezone.now()
    with translation.override(REPORT_LANGUAGE):
        records = Records()
        current = records.place(semester)
        previous = records.place(semester.previous())
        tables = {
            "summary": _table(
                _("Cifras del semestre"),
                [("key", _("Clave")), ("label", _("Cifra")), ("value", _("Semestre")),
                 ("previous", _("Semestre anterior")), ("change", _("Cambio"))],
                _summary(current, previous),
            ),
            "agreements": _agreements_table(current),
            "evaluations": _evaluations_table(current),
            "actions": _actions_table(current),
            "visits": _visits_table(current),
            "events": _events_table(current),
            "positions": _positions_table(current),
            "awards": _awards_table(current),
            "indicators": _indicators(current, previous),
            "year_only": _year_only_table(current),
        }
        return {
            "meta": {
                "semester": semester.label,
                "year": semester.year,
                "half": semester.half,
                "period": str(semester),
                "ordinal": semester.ordinal,
                "start": semester.start.isoformat(),
                "end": semester.end.isoformat(),
                "previous": semester.previous().label,
                "previous_period": str(semester.previous()),
                "version": version,
                "generated_at": timezone.localtime(generated_at).isoformat(timespec="seconds"),
                "generated_on": _date(PartialDate(timezone.localdate(generated_at), DatePrecision.DAY)),
                "corrects": corrects,
                "correction_note": correction_note,
                "dimensions": [[d.value, str(d.label)] for d in Dimension],
                "recommendations": [[r.value, str(r.label)] for r in Recommendation],
            },
            "tables": tables,
            "breakdowns": _breakdowns(current),
            "map": _map(current),
            "method": _method(semester),
        }
