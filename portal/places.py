"""Reads for the counterpart and country pages: everything linked to a
counterpart or to a country, published only.

Each function returns querysets with what the page shows already fetched,
so a page costs the same number of queries whatever its number of rows.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Func, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django_countries import countries
from django_countries.fields import Country

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, PublicationStatus
from cdmx_global.regions import Region, region_for_country
from events.models import Award, Event, Visit, VisitGuest
from networks.models import Network

#: The records a counterpart's list row counts, by annotation name and reverse relation.
COUNTED_LINKS = {
    "agreement_count": (Agreement, "counterparts"),
    "visit_count": (Visit, "counterparts"),
    "event_count": (Event, "organisers"),
    "award_count": (Award, "granted_by"),
}


def _published_count(model, relation: str) -> Coalesce:
    """The number of published ``model`` records linked to the outer counterpart.

    A correlated subquery per figure rather than ``Count`` over four joins,
    which would multiply the rows of each relation by the others'.
    """
    linked = (
        model.objects.published()
        .filter(**{relation: OuterRef("pk")})
        .order_by()
        .annotate(total=Func(F("pk"), function="COUNT"))
        .values("total")
    )
    return Coalesce(Subquery(linked, output_field=IntegerField()), 0)


def published_counterparts() -> QuerySet:
    """Published counterparts, each with its number of published agreements, visits, events and awards."""
    return Counterpart.objects.published().annotate(
        **{name: _published_count(model, relation) for name, (model, relation) in COUNTED_LINKS.items()}
    )


def counterpart_with_links() -> QuerySet:
    """Published counterparts with every published record linked to them fetched.

    A visit guest is shown through its visit, so only guests of published
    visits are fetched.
    """
    return (
        Counterpart.objects.published()
        .select_related("body")
        .prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.published()),
            Prefetch("actions", queryset=Action.objects.published()),
            Prefetch("visits", queryset=Visit.objects.published()),
            Prefetch("events", queryset=Event.objects.published()),
            Prefetch("awards_granted", queryset=Award.objects.published()),
            Prefetch("convened_networks", queryset=Network.objects.published()),
            Prefetch(
                "visit_guests",
                queryset=VisitGuest.objects.filter(visit__status=PublicationStatus.PUBLISHED).select_related("visit"),
            ),
        )
    )


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
    counterparts = _counts_by_country(Counterpart.objects.published(), "country")
    agreements = _counts_by_country(
        Agreement.objects.published().filter(counterparts__status=PublicationStatus.PUBLISHED),
        "counterparts__country",
    )
    visits = _counts_by_country(
        Visit.objects.published().filter(counterparts__status=PublicationStatus.PUBLISHED),
        "counterparts__country",
    )
    events = _counts_by_country(Event.objects.published(), "country")
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


@dataclass
class CountryRecords:
    """Everything published that is linked to one country."""

    country: Country
    counterparts: list = field(default_factory=list)
    agreements: list = field(default_factory=list)
    actions: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    events: list = field(default_factory=list)

    @property
    def region(self) -> str:
        return dict(Region.choices).get(region_for_country(self.country.code), "")

    @property
    def is_empty(self) -> bool:
        return not any(
            (self.counterparts, self.agreements, self.actions, self.visits, self.awards, self.events)
        )


def _linked_to_country(model, relation: str, code: str) -> QuerySet:
    """Published ``model`` records with a published counterpart in ``code``,
    each with those counterparts as ``local_counterparts``."""
    local = Counterpart.objects.published().filter(country=code)
    return (
        model.objects.published()
        .filter(**{f"{relation}__in": local})
        .distinct()
        .prefetch_related(Prefetch(relation, queryset=local, to_attr="local_counterparts"))
    )


def country_records(code: str) -> CountryRecords:
    """The published records linked to the country ``code`` (upper-case alpha-2)."""
    return CountryRecords(
        country=Country(code=code),
        counterparts=list(Counterpart.objects.published().filter(country=code)),
        agreements=list(_linked_to_country(Agreement, "counterparts", code)),
        actions=list(_linked_to_country(Action, "counterparts", code)),
        visits=list(_linked_to_country(Visit, "counterparts", code)),
        awards=list(_linked_to_country(Award, "granted_by", code)),
        events=list(Event.objects.published().filter(country=code)),
    )
