"""Reads for the timeline: the city's published international action, year by year.

Each kind of record is dated by one partial date (an agreement by its
signature, an action, a visit, an event, a membership or a position by its
start, an award by its date). A record known only by its year counts in that
year; a record without a date is listed apart. The counts cost one grouped
query per kind and a page of records one query for its keys and one per kind
on it, whatever the number of records.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db.models import Count, F, QuerySet, Value
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from agreements.selectors import published_actions_alone, published_agreements_alone
from cdmx_global.partial_dates import DatePrecision, PartialDate
from cdmx_global.translation import SPANISH, Text, translated
from events.selectors import published_awards_alone, published_events_alone, published_visits_alone
from networks.models import Membership, Position
from networks.selectors import published_network_parts


def _title(record) -> Text:
    return translated(record, "title")


def _membership_title(membership) -> Text:
    # The kind of membership has no English twin: the line reads in Spanish.
    return Text(str(membership), SPANISH)


def _position_title(position) -> Text:
    title = translated(position, "title")
    return Text(f"{title} — {position.network}", title.language)


@dataclass(frozen=True)
class TimelineKind:
    key: str
    label: str
    singular: str
    date_field: str
    records: Callable[[], QuerySet]
    subkind: Callable[[object], str] = lambda record: ""
    note: Callable[[object], str] = lambda record: ""
    #: The line that names a record, in the page's language where it has a public translation.
    title: Callable[[object], Text] = _title


KINDS = [
    TimelineKind(
        "agreement", _("Acuerdos"), _("Acuerdo"), "signed_on", published_agreements_alone,
        subkind=lambda record: record.get_kind_display(), note=lambda record: record.signed_period_note,
    ),
    TimelineKind(
        "action", _("Acciones"), _("Acción"), "start_on", published_actions_alone,
        subkind=lambda record: record.get_kind_display(),
    ),
    TimelineKind(
        "visit", _("Visitas"), _("Visita"), "start_on", published_visits_alone,
        subkind=lambda record: record.get_direction_display(),
    ),
    TimelineKind(
        "event", _("Eventos"), _("Evento"), "start_on", published_events_alone,
        subkind=lambda record: record.get_mode_display(), title=lambda record: translated(record, "name"),
    ),
    TimelineKind(
        "award", _("Premios"), _("Premio"), "awarded_on", published_awards_alone,
        subkind=lambda record: record.get_direction_display(),
    ),
    TimelineKind(
        "membership", _("Membresías en redes"), _("Membresía en red"), "start_on",
        lambda: published_network_parts(Membership), title=_membership_title,
    ),
    TimelineKind(
        "position", _("Cargos en redes"), _("Cargo en red"), "start_on",
        lambda: published_network_parts(Position), title=_position_title,
    ),
]

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass(frozen=True)
class TimelineEntry:
    kind: TimelineKind
    record: object
    date: PartialDate

    @property
    def title(self) -> Text:
        return self.kind.title(self.record)

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
    def year(self) -> int | None:
        return self.date.value.year if self.date.value else None

    @property
    def year_only(self) -> bool:
        return self.date.precision == DatePrecision.YEAR


#: The value of ``?year=`` for the records without a date.
UNDATED = "undated"


@dataclass
class TimelineYear:
    """The counts of one year (``year`` is ``None`` for the records without a date)."""

    year: int | None
    kinds: list[TimelineKind]
    by_kind: dict[str, int] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return UNDATED if self.year is None else str(self.year)

    @property
    def counts(self) -> list[tuple[TimelineKind, int]]:
        return [(kind, self.by_kind.get(kind.key, 0)) for kind in self.kinds]

    @property
    def total(self) -> int:
        return sum(self.by_kind.values())


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

    def year(self, key: str) -> TimelineYear | None:
        """The year whose ``?year=`` value is ``key``, if it has records."""
        return next((year for year in [*self.years, self.undated] if year.key == key and year.total), None)


def timeline(kinds: list[TimelineKind] | None = None) -> Timeline:
    """How many published records of ``kinds`` (all by default) each year has,
    newest year first; one grouped query per kind, whatever the number of records."""
    kinds = kinds or KINDS
    by_year: dict[int, TimelineYear] = {}
    undated = TimelineYear(year=None, kinds=kinds)
    for kind in kinds:
        rows = (
            kind.records().order_by().values(year=ExtractYear(kind.date_field))
            .annotate(count=Count("pk")).values_list("year", "count")
        )
        for year, count in rows:
            period = undated if year is None else by_year.setdefault(year, TimelineYear(year=year, kinds=kinds))
            period.by_kind[kind.key] = count
    return Timeline(kinds=kinds, years=[by_year[year] for year in sorted(by_year, reverse=True)], undated=undated)


class TimelineEntries(Sequence):
    """The published records of ``kinds`` (in ``year``, a ``TimelineYear``,
    if given) as one sequence for a ``Paginator``: newest first, so a record
    known only by its year (stored as 1 January) closes its year, and the
    records without a date come last.

    Its length comes from the counts already made; a slice costs one query
    for the slice's keys (a union over the kinds, ordered and cut by the
    database) and one per kind present in it for the records themselves.
    """

    def __init__(self, kinds: list[TimelineKind], total: int, year: TimelineYear | None = None):
        self.kinds, self.total, self.year = kinds, total, year

    def __len__(self) -> int:
        return self.total

    def count(self) -> int:
        return self.total

    def _keys(self) -> QuerySet:
        parts = []
        for kind in self.kinds:
            records = kind.records().order_by()
            if self.year is not None:
                records = records.filter(**(
                    {f"{kind.date_field}__isnull": True} if self.year.year is None
                    else {f"{kind.date_field}__year": self.year.year}
                ))
            parts.append(
                records.annotate(day=F(kind.date_field), rank=Value(KINDS.index(kind))).values_list("day", "rank", "pk")
            )
        return parts[0].union(*parts[1:], all=True).order_by(F("day").desc(nulls_last=True), "rank", "pk")

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index:index + 1][0]
        keys = list(self._keys()[index])
        wanted: dict[int, list[int]] = {}
        for _day, rank, pk in keys:
            wanted.setdefault(rank, []).append(pk)
        records = {
            rank: KINDS[rank].records().in_bulk(pks) for rank, pks in wanted.items()
        }
        entries = []
        for _day, rank, pk in keys:
            kind, record = KINDS[rank], records[rank][pk]
            entries.append(TimelineEntry(kind=kind, record=record, date=PartialDate.of(record, kind.date_field)))
        return entries


def by_year(entries: list[TimelineEntry], data: Timeline) -> list[tuple[TimelineYear, list[TimelineEntry]]]:
    """``entries`` (in the timeline's order) under their years, each with its
    counts from ``data`` (a year may go on over the next page)."""
    groups: list[tuple[TimelineYear, list[TimelineEntry]]] = []
    for entry in entries:
        if not groups or groups[-1][0].year != entry.year:
            groups.append((data.year(UNDATED if entry.year is None else str(entry.year)), []))
        groups[-1][1].append(entry)
    return groups


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
