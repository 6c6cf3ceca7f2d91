"""Reads of the home page: the headline figures and the latest published
records (counterparts by country and the map's places are
``cdmx_global.selectors.counterparts_by_country`` and ``counterpart_places``).
Published records only, in a fixed number of queries whatever the number of
records."""

from dataclasses import dataclass

from django.db.models import Count, F, Q, QuerySet

from agreements.models import Validity
from agreements.selectors import published_agreements_alone
from cdmx_global.partial_dates import PartialDate
from cdmx_global.selectors import published_counterparts_alone
from cdmx_global.translation import Text, translated
from events.selectors import published_awards_alone, published_events_alone, published_visits_alone
from networks.models import Position
from networks.selectors import member_networks, published_network_parts

#: How many of the latest records of each kind the home page lists.
LATEST_COUNT = 5


#: The parts of a number of agreements the portal counts beside it (the home
#: page, a country's page): recorded as in force, and without validity
#: information. A count of those in force is never shown alone: where the
#: source gives no validity, the agreement is without validity information,
#: neither in force nor not. The rest are in negotiation or ended.
AGREEMENT_VALIDITY_PARTS = {
    "in_force": Q(validity=Validity.IN_FORCE),
    "unknown_validity": Q(validity=Validity.UNKNOWN),
}


def agreement_validity_counts(agreements: QuerySet) -> dict[str, int]:
    """How many ``agreements`` there are (``agreements``) and how many of each
    of ``AGREEMENT_VALIDITY_PARTS`` (``agreements_in_force``,
    ``agreements_unknown_validity``); one query."""
    return agreements.aggregate(
        agreements=Count("pk"),
        **{f"agreements_{name}": Count("pk", filter=part) for name, part in AGREEMENT_VALIDITY_PARTS.items()},
    )


def headline_figures() -> dict[str, int]:
    """The home page's figures, by name; seven queries."""
    counterparts = published_counterparts_alone().aggregate(
        counterparts=Count("pk"),
        countries=Count("country", distinct=True, filter=~Q(country="")),
    )
    return {
        **agreement_validity_counts(published_agreements_alone()),
        **counterparts,
        # "Networks the city belongs to": a network counts once a published
        # membership says so (see ``member_networks``).
        "networks": member_networks().count(),
        # A position is shown on its network's page, so it counts only with that page public.
        "positions": published_network_parts(Position).count(),
        "visits": published_visits_alone().count(),
        "events": published_events_alone().count(),
        "awards": published_awards_alone().count(),
    }


@dataclass(frozen=True)
class LatestRecord:
    kind: str
    #: In the page's language where the record has a public translation (``translated``).
    title: Text
    url: str
    when: str


def _latest(queryset: QuerySet, date_field: str) -> QuerySet:
    return queryset.order_by(
        F("published_at").desc(nulls_last=True), F(date_field).desc(nulls_last=True), "-pk"
    )[:LATEST_COUNT]


def latest_records() -> dict[str, list[LatestRecord]]:
    """The latest published agreements, visits, events and awards; four queries."""
    return {
        "agreements": [
            LatestRecord(
                agreement.get_kind_display(),
                translated(agreement, "title"),
                agreement.get_absolute_url(),
                str(PartialDate.of(agreement, "signed_on")) or agreement.signed_period_note,
            )
            for agreement in _latest(published_agreements_alone(), "signed_on")
        ],
        "visits": [
            LatestRecord(visit.get_direction_display(), translated(visit, "title"), visit.get_absolute_url(), visit.period)
            for visit in _latest(published_visits_alone(), "start_on")
        ],
        "events": [
            LatestRecord(event.get_mode_display(), translated(event, "name"), event.get_absolute_url(), event.period)
            for event in _latest(published_events_alone(), "start_on")
        ],
        "awards": [
            LatestRecord(award.get_category_display(), translated(award, "title"), award.get_absolute_url(), award.awarded)
            for award in _latest(published_awards_alone(), "awarded_on")
        ],
    }
