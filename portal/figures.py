"""Reads of the home page: the headline figures, counterparts by country, the
map's places and the latest published records. Published records only, in a
fixed number of queries whatever the number of records."""

from dataclasses import dataclass

from django.db.models import Avg, Count, F, Min, Q, QuerySet
from django.db.models.functions import Round

from agreements.models import Agreement, Validity
from cdmx_global.models import Counterpart, PublicationStatus
from cdmx_global.partial_dates import PartialDate
from events.models import Award, Event, Visit
from networks.models import Network, Position
from networks.selectors import published_network_parts

PUBLISHED = PublicationStatus.PUBLISHED

#: How many of the latest records of each kind the home page lists.
LATEST_COUNT = 5


def headline_figures() -> dict[str, int]:
    """The home page's figures, by name; seven queries."""
    counterparts = Counterpart.objects.published().aggregate(
        counterparts=Count("pk"),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    return {
        "agreements_in_force": Agreement.objects.published().filter(validity=Validity.IN_FORCE).count(),
        **counterparts,
        # "Networks the city belongs to": a network counts once a published
        # membership says so. A network published ahead of (or without) its
        # membership record is in the register but makes no claim of belonging.
        "networks": Network.objects.published().filter(memberships__status=PUBLISHED).distinct().count(),
        # A position is shown on its network's page, so it counts only with that page public.
        "positions": published_network_parts(Position).count(),
        "visits": Visit.objects.published().count(),
        "events": Event.objects.published().count(),
        "awards": Award.objects.published().count(),
    }


def counterparts_by_country() -> QuerySet:
    """Per country of a published counterpart: ``country``, ``counterparts`` and
    ``agreements`` (published agreements with a published counterpart there); one query."""
    return (
        Counterpart.objects.published()
        .exclude(country="")
        .values("country")
        .annotate(
            counterparts=Count("pk", distinct=True),
            agreements=Count("agreements", filter=Q(agreements__status=PUBLISHED), distinct=True),
        )
        .order_by("country")
    )


def mapped_places() -> QuerySet:
    """Published counterparts with coordinates grouped by place, the map's
    markers; one query, with a row per place however many counterparts are there.

    A place is a country and a cell of one degree (``latitude_cell`` and
    ``longitude_cell``, the rounded coordinates): a city and its surroundings,
    never two countries (a city astride a cell's edge makes two places). Each
    row gives ``country``, ``counterparts`` (how many), ``mean_latitude`` and
    ``mean_longitude`` (where the marker goes) and the least name, slug and
    kind there (``first_name``, ``first_slug``, ``first_kind``): for a lone
    counterpart, its own.
    """
    return (
        Counterpart.objects.published()
        .filter(latitude__isnull=False, longitude__isnull=False)
        .values("country", latitude_cell=Round("latitude", 0), longitude_cell=Round("longitude", 0))
        .annotate(
            counterparts=Count("pk"),
            mean_latitude=Avg("latitude"),
            mean_longitude=Avg("longitude"),
            first_name=Min("name"),
            first_slug=Min("slug"),
            first_kind=Min("kind"),
        )
        .order_by("first_name", "country", "latitude_cell", "longitude_cell")
    )


@dataclass(frozen=True)
class LatestRecord:
    kind: str
    title: str
    url: str
    when: str


def _latest(queryset: QuerySet, date_field: str) -> QuerySet:
    return queryset.published().order_by(
        F("published_at").desc(nulls_last=True), F(date_field).desc(nulls_last=True), "-pk"
    )[:LATEST_COUNT]


def latest_records() -> dict[str, list[LatestRecord]]:
    """The latest published agreements, visits, events and awards; four queries."""
    return {
        "agreements": [
            LatestRecord(
                agreement.get_kind_display(),
                agreement.title,
                agreement.get_absolute_url(),
                str(PartialDate.of(agreement, "signed_on")) or agreement.signed_period_note,
            )
            for agreement in _latest(Agreement.objects, "signed_on")
        ],
        "visits": [
            LatestRecord(visit.get_direction_display(), visit.title, visit.get_absolute_url(), visit.period)
            for visit in _latest(Visit.objects, "start_on")
        ],
        "events": [
            LatestRecord(event.get_mode_display(), event.name, event.get_absolute_url(), event.period)
            for event in _latest(Event.objects, "start_on")
        ],
        "awards": [
            LatestRecord(award.get_category_display(), award.title, award.get_absolute_url(), award.awarded)
            for award in _latest(Award.objects, "awarded_on")
        ],
    }
