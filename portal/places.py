"""Reads for the country pages: everything linked to a country, published
only, composed from the record apps' selectors (a counterpart's own page
reads ``cdmx_global.selectors``); and the records a country's or a
counterpart's page shows, as its Atom feed's entries.

Each function returns querysets with what the page shows already fetched,
so a page costs the same number of queries whatever its number of rows. A
country page shows the newest records of each kind and their total, so it
does not grow with the data either.
"""

from dataclasses import dataclass, field
from itertools import chain

from django.db.models import Count, F, Q, QuerySet, Window
from django_countries import countries
from django_countries.fields import Country

from agreements.selectors import published_actions_alone, published_agreements_alone
from cdmx_global.feeds import newest_published_first
from cdmx_global.published import Link, published_condition
from cdmx_global.regions import Region, region_for_country
from cdmx_global.selectors import published_counterparts_alone
from events.selectors import published_awards_alone, published_events_alone, published_visits_alone

from .figures import AGREEMENT_VALIDITY_PARTS


@dataclass
class CountryRow:
    """One country of the list, with the number of published records linked to it."""

    code: str
    name: str
    region: str
    counterparts: int = 0
    agreements: int = 0
    visits: int = 0
    events: int = 0

    @property
    def slug(self) -> str:
        return self.code.lower()


def _counts_by_country(queryset: QuerySet, path: str) -> dict[str, int]:
    rows = queryset.order_by().values(path).annotate(total=Count("pk", distinct=True))
    return {row[path]: row["total"] for row in rows if row[path]}


def country_rows() -> list[CountryRow]:
    """Countries with a published counterpart or a published event held there,
    named and sorted in the active language (four queries).

    An agreement or a visit counts once for a country however many of its
    counterparts are there; only published counterparts place it.
    """
    counterparts = _counts_by_country(published_counterparts_alone(), "country")
    agreements = _counts_by_country(
        published_agreements_alone().filter(published_condition("counterparts")), "counterparts__country"
    )
    visits = _counts_by_country(
        published_visits_alone().filter(published_condition("counterparts")), "counterparts__country"
    )
    events = _counts_by_country(published_events_alone(), "country")
    present = counterparts.keys() | events.keys()
    regions = dict(Region.choices)
    return [
        CountryRow(
            code=code,
            name=name,
            region=regions.get(region_for_country(code), ""),
            counterparts=counterparts.get(code, 0),
            agreements=agreements.get(code, 0),
            visits=visits.get(code, 0),
            events=events.get(code, 0),
        )
        for code, name in countries
        if code in present
    ]


#: How many records each section of a country page shows; the whole section
#: is a link away, on the public list filtered by the country.
COUNTRY_SECTION_SIZE = 10


@dataclass
class CountrySection:
    """The first records of one kind linked to a country, how many there are
    in all and, for some kinds, how many of them are of each part (the
    agreements: in force, without validity information)."""

    records: list = field(default_factory=list)
    total: int = 0
    parts: dict[str, int] = field(default_factory=dict)

    @property
    def has_more(self) -> bool:
        return self.total > len(self.records)


@dataclass
class CountryRecords:
    """What is published and linked to one country, section by section."""

    country: Country
    counterparts: CountrySection = field(default_factory=CountrySection)
    agreements: CountrySection = field(default_factory=CountrySection)
    actions: CountrySection = field(default_factory=CountrySection)
    visits: CountrySection = field(default_factory=CountrySection)
    awards: CountrySection = field(default_factory=CountrySection)
    events: CountrySection = field(default_factory=CountrySection)

    @property
    def region(self) -> str:
        return dict(Region.choices).get(region_for_country(self.country.code), "")

    @property
    def sections(self) -> tuple[CountrySection, ...]:
        return (self.counterparts, self.agreements, self.actions, self.visits, self.awards, self.events)

    @property
    def is_empty(self) -> bool:
        return not any(section.total for section in self.sections)


def _linked_to_country(records: QuerySet, relation: str, code: str) -> QuerySet:
    """The published ``records`` with a published counterpart in ``code``,
    each with those counterparts as ``local_counterparts``.

    It filters by a subquery of primary keys, like the lists' country filter,
    so a record with two counterparts in the country is one row.
    """
    local = published_counterparts_alone().filter(country=code)
    linked = records.filter(**{f"{relation}__in": local}).values("pk")
    return records.filter(pk__in=linked).with_published(local_counterparts=Link(relation, queryset=local))


def _newest_first(date_field: str, title_field: str = "title") -> tuple:
    """The order of the public lists: by the (partial) date, newest first and
    undated last, then by title."""
    return F(date_field).desc(nulls_last=True), title_field, "pk"


def _first_with_total(queryset: QuerySet, ordering, parts: dict[str, Q] | None = None) -> CountrySection:
    """The first ``COUNTRY_SECTION_SIZE`` records of ``queryset`` in ``ordering``
    and their total, in one query: a window count over every matching row,
    taken before the limit; likewise the count of each of ``parts``."""
    parts = parts or {}
    records = list(
        queryset.annotate(
            section_total=Window(Count("pk")),
            **{f"section_{name}": Window(Count("pk", filter=condition)) for name, condition in parts.items()},
        ).order_by(*ordering)[:COUNTRY_SECTION_SIZE]
    )
    return CountrySection(
        records=records,
        total=records[0].section_total if records else 0,
        parts={name: getattr(records[0], f"section_{name}") if records else 0 for name in parts},
    )


def country_records(code: str) -> CountryRecords:
    """The published records linked to the country ``code`` (upper-case
    alpha-2): in each section the newest few (counterparts by name) and the
    total, whatever the number of records (at most ten queries)."""
    return CountryRecords(
        country=Country(code=code),
        counterparts=_first_with_total(published_counterparts_alone().filter(country=code), ("name", "pk")),
        agreements=_first_with_total(
            _linked_to_country(published_agreements_alone(), "counterparts", code),
            _newest_first("signed_on"),
            AGREEMENT_VALIDITY_PARTS,
        ),
        actions=_first_with_total(
            _linked_to_country(published_actions_alone(), "counterparts", code), _newest_first("start_on")
        ),
        visits=_first_with_total(
            _linked_to_country(published_visits_alone(), "counterparts", code), _newest_first("start_on")
        ),
        awards=_first_with_total(
            _linked_to_country(published_awards_alone(), "granted_by", code), _newest_first("awarded_on")
        ),
        events=_first_with_total(published_events_alone().filter(country=code), _newest_first("start_on", "name")),
    )


# --- The pages' feeds -------------------------------------------------------


def country_feed_records(records: CountryRecords) -> list:
    """The records a country's page shows, in all its sections (the first
    ``COUNTRY_SECTION_SIZE`` of each), the most recently published first."""
    return newest_published_first(chain.from_iterable(section.records for section in records.sections))


def counterpart_feed_records(counterpart) -> list:
    """The records a counterpart's page shows, once each, the most recently
    published first: its agreements, actions, visits (those its people made
    to the City too), events, awards and the networks it convenes.

    ``counterpart`` comes from ``published_counterpart_details()``, with all
    of them fetched and published only."""
    visits = {visit.pk: visit for visit in counterpart.visits.all()}
    for guest in counterpart.visit_guests.all():
        visits.setdefault(guest.visit.pk, guest.visit)
    return newest_published_first(
        [
            *counterpart.agreements.all(),
            *counterpart.actions.all(),
            *visits.values(),
            *counterpart.events.all(),
            *counterpart.awards_granted.all(),
            *counterpart.convened_networks.all(),
        ]
    )
