"""Reads for the timeline: the city's published international action, year by year.

Each kind of record is dated by one partial date (an agreement by its
signature, an action, a visit, an event, a membership or a position by its
start, an award by its date). A record known only by its year counts in that
year; a record without a date is listed apart. One query per kind, whatever
the number of records.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from agreements.models import Action, Agreement
from cdmx_global.partial_dates import DatePrecision, PartialDate
from events.models import Award, Event, Visit
from networks.models import Membership, Position
from networks.selectors import published_network_parts


@dataclass(frozen=True)
class TimelineKind:
    key: str
    label: str
    singular: str
    date_field: str
    records: Callable[[], QuerySet]
    subkind: Callable[[object], str] = lambda record: ""
    note: Callable[[object], str] = lambda record: ""


KINDS = [
    TimelineKind(
        "agreement", _("Acuerdos"), _("Acuerdo"), "signed_on", lambda: Agreement.objects.published(),
        subkind=lambda record: record.get_kind_display(), note=lambda record: record.signed_period_note,
    ),
    TimelineKind(
        "action", _("Acciones"), _("Acción"), "start_on", lambda: Action.objects.published(),
        subkind=lambda record: record.get_kind_display(),
    ),
    TimelineKind(
        "visit", _("Visitas"), _("Visita"), "start_on", lambda: Visit.objects.published(),
        subkind=lambda record: record.get_direction_display(),
    ),
    TimelineKind(
        "event", _("Eventos"), _("Evento"), "start_on", lambda: Event.objects.published(),
        subkind=lambda record: record.get_mode_display(),
    ),
    TimelineKind(
        "award", _("Premios"), _("Premio"), "awarded_on", lambda: Award.objects.published(),
        subkind=lambda record: record.get_direction_display(),
    ),
    TimelineKind("membership", _("Membresías en redes"), _("Membresía en red"), "start_on", lambda: published_network_parts(Membership)),
    TimelineKind("position", _("Cargos en redes"), _("Cargo en red"), "start_on", lambda: published_network_parts(Position)),
]

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass(frozen=True)
class TimelineEntry:
    kind: TimelineKind
    record: object
    date: PartialDate

    @property
    def title(self) -> str:
        return str(self.record)

    @property
    def url(self) -> str:
        return self.record.get_absolute_url()

    @property
    def subkind(self) -> str:
        return str(self.kind.subkind(self.record))

    @property
    def note(self) -> str:
        return self.kind.note(self.record)

    @property
    def year_only(self) -> bool:
        return self.date.precision == DatePrecision.YEAR


@dataclass
class TimelineYear:
    """One year of the timeline (``year`` is ``None`` for the records without a date)."""

    year: int | None
    kinds: list[TimelineKind]
    entries: list[TimelineEntry] = field(default_factory=list)

    @property
    def counts(self) -> list[tuple[TimelineKind, int]]:
        return [(kind, sum(1 for entry in self.entries if entry.kind is kind)) for kind in self.kinds]

    @property
    def total(self) -> int:
        return len(self.entries)


@dataclass
class Timeline:
    kinds: list[TimelineKind]
    years: list[TimelineYear]
    undated: TimelineYear

    @property
    def total(self) -> int:
        return sum(year.total for year in self.years) + self.undated.total

    @property
    def totals(self) -> list[tuple[TimelineKind, int]]:
        return [
            (kind, sum(count for year in [*self.years, self.undated] for k, count in year.counts if k is kind))
            for kind in self.kinds
        ]


def timeline(kinds: list[TimelineKind] | None = None) -> Timeline:
    """The published records of ``kinds`` (all by default) by year, newest first.

    Within a year the latest date comes first, so the records known only by
    the year (stored as 1 January) close their year.
    """
    kinds = kinds or KINDS
    by_year: dict[int, TimelineYear] = {}
    undated = TimelineYear(year=None, kinds=kinds)
    for kind in kinds:
        for record in kind.records().order_by(F(kind.date_field).desc(nulls_last=True), "pk"):
            date = PartialDate.of(record, kind.date_field)
            entry = TimelineEntry(kind=kind, record=record, date=date)
            if date.value is None:
                undated.entries.append(entry)
            else:
                by_year.setdefault(date.value.year, TimelineYear(year=date.value.year, kinds=kinds)).entries.append(entry)
    for year in by_year.values():
        year.entries.sort(key=lambda entry: entry.date.value, reverse=True)
    return Timeline(kinds=kinds, years=[by_year[year] for year in sorted(by_year, reverse=True)], undated=undated)


@dataclass(frozen=True)
class Bar:
    year: int
    count: int
    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> float:
        return self.x + self.width / 2


@dataclass(frozen=True)
class Gridline:
    value: int
    y: float


@dataclass(frozen=True)
class BarChart:
    """The geometry of the records-per-year bar chart, in the SVG's own units."""

    bars: list[Bar]
    gridlines: list[Gridline]
    width: int
    height: int
    plot_left: int
    plot_bottom: int
    label_y: int

    @property
    def first_year(self) -> int:
        return self.bars[0].year

    @property
    def last_year(self) -> int:
        return self.bars[-1].year


def _step(maximum: int) -> int:
    for step in (1, 2, 5, 10, 20, 25, 50, 100):
        if maximum / step <= 6:
            return step
    return 200


def bar_chart(years: list[TimelineYear], *, slot: int = 22, plot_height: int = 200) -> BarChart | None:
    """One bar per year from the first to the last dated year, with years
    without records as gaps, so the horizontal axis keeps its scale."""
    counts = {year.year: year.total for year in years if year.total}
    if not counts:
        return None
    first, last = min(counts), max(counts)
    step = _step(max(counts.values()))
    top = -(-max(counts.values()) // step) * step
    plot_left, plot_top = 36, 16
    plot_bottom = plot_top + plot_height
    bars = []
    for index, year in enumerate(range(first, last + 1)):
        count = counts.get(year, 0)
        height = plot_height * count / top
        bars.append(Bar(
            year=year, count=count, x=plot_left + index * slot + 3, y=round(plot_bottom - height, 1),
            width=slot - 6, height=round(height, 1),
        ))
    gridlines = [Gridline(value=value, y=round(plot_bottom - plot_height * value / top, 1)) for value in range(0, top + 1, step)]
    return BarChart(
        bars=bars,
        gridlines=gridlines,
        width=plot_left + len(bars) * slot + 8,
        height=plot_bottom + 44,
        plot_left=plot_left,
        plot_bottom=plot_bottom,
        label_y=plot_bottom + 8,
    )
