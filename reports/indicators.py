"""The indicators computed from the published records.

Each ``Indicator`` whose ``computation`` names an entry here gets its value
for a semester from ``function(placed)``, where ``placed`` is the
``reports.data.records.SemesterRecords`` of that semester: the same records, placed
by the same rules, as the rest of the report. ``None`` means the indicator
does not apply that semester (a share of nothing).
"""

from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal


@dataclass(frozen=True)
class Computation:
    key: str
    function: Callable


def _share(part: int, whole: int) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(100) * part / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def bodies_with_records(placed) -> int:
    records = [p.agreement for p in placed.agreements]
    records += placed.actions + placed.visits + placed.events + placed.awards + placed.positions
    return len({record.body_id for record in records})


def agreements_evaluated_share(placed) -> Decimal | None:
    evaluable = placed.evaluable
    return _share(sum(1 for p in evaluable if p.agreement.pk in placed.evaluations), len(evaluable))


def trip_reports_share(placed) -> Decimal | None:
    trips = placed.outgoing
    return _share(sum(1 for trip in trips if trip.report_delivered_on or trip.report_document), len(trips))


def positions_held(placed) -> int:
    return len(placed.positions)


def memberships_active(placed) -> int:
    return len({membership.network_id for membership in placed.memberships})


def events_hosted(placed) -> int:
    return len(placed.hosted)


def guests_received(placed) -> int:
    return len(placed.incoming)


def awards_received(placed) -> int:
    return len(placed.awards_received)


def actions_carried_out(placed) -> int:
    return len(placed.actions)


def people_reached(placed) -> int:
    return sum(action.people_reached or 0 for action in placed.actions)


def sdgs_covered(placed) -> int:
    numbers = {sdg.number for p in placed.evaluable for sdg in p.agreement.public_sdgs}
    numbers |= {sdg.number for action in placed.actions for sdg in action.public_sdgs}
    return len(numbers)


def partner_countries(placed) -> int:
    return len({
        counterpart.country.code
        for p in placed.evaluable for counterpart in p.agreement.public_counterparts if counterpart.country
    })


COMPUTATIONS: dict[str, Computation] = {
    computation.key: computation
    for computation in (
        Computation("bodies_with_records", bodies_with_records),
        Computation("agreements_evaluated_share", agreements_evaluated_share),
        Computation("trip_reports_share", trip_reports_share),
        Computation("positions_held", positions_held),
        Computation("memberships_active", memberships_active),
        Computation("events_hosted", events_hosted),
        Computation("guests_received", guests_received),
        Computation("awards_received", awards_received),
        Computation("actions_carried_out", actions_carried_out),
        Computation("people_reached", people_reached),
        Computation("sdgs_covered", sdgs_covered),
        Computation("partner_countries", partner_countries),
    )
}
