"""The published records a report reads, fetched once through the record
apps' selectors, and placed in a semester on demand."""

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agreements.models import Agreement, Commitment
from agreements.selectors import published_actions, published_agreements
from cdmx_global.partial_dates import PartialDate
from events.models import Award, Event, Visit
from events.selectors import published_awards, published_events, published_visits
from networks.selectors import published_memberships, published_positions

from evaluations.periods import Semester
from evaluations.placing import AgreementPlacement, held_in, place_agreement, placed_in
from ..selectors import published_agreement_evaluations, published_commitment_progress


@dataclass
class SemesterRecords:
    """The published records placed in one semester."""

    semester: Semester
    agreements: list[AgreementPlacement] = field(default_factory=list)
    # Every agreement signed by the end of the semester, in the report's lists or not.
    registered: int = 0
    actions: list = field(default_factory=list)
    visits: list = field(default_factory=list)
    events: list = field(default_factory=list)
    awards: list = field(default_factory=list)
    positions: list = field(default_factory=list)
    memberships: list = field(default_factory=list)
    year_only: list = field(default_factory=list)  # (kind label, record, date)
    evaluations: dict = field(default_factory=dict)  # agreement pk -> AgreementEvaluation
    commitments: dict = field(default_factory=dict)  # agreement pk -> [Commitment], in their order

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

    def commitments_of(self, agreement: Agreement) -> list[Commitment]:
        return self.commitments.get(agreement.pk, [])

    @functools.cached_property
    def progress(self) -> dict:
        """Commitment pk -> its ``CommitmentProgress`` in the approved evaluation of
        the semester: read once, only for the semester whose commitments are shown."""
        return {progress.commitment_id: progress for progress in published_commitment_progress(self.semester)}

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
        self.positions = list(published_positions())
        self.memberships = list(published_memberships())

    @functools.cached_property
    def commitments(self) -> dict[int, list[Commitment]]:
        """The commitments of the published agreements by agreement, in their order:
        public exactly when their agreement is."""
        grouped = defaultdict(list)
        for commitment in Commitment.objects.published().order_by("order", "pk"):
            grouped[commitment.agreement_id].append(commitment)
        return grouped

    def place(self, semester: Semester) -> SemesterRecords:
        placed = SemesterRecords(semester)
        placements = [place_agreement(agreement, semester) for agreement in self.agreements]
        placed.agreements = [p for p in placements if p.in_report]
        placed.registered = sum(1 for p in placements if p.signed_by_end)
        placed.actions, actions_year = placed_in(self.actions, semester, "start_on")
        placed.visits, visits_year = placed_in(self.visits, semester, "start_on")
        placed.events, events_year = placed_in(self.events, semester, "start_on")
        placed.awards, awards_year = placed_in(self.awards, semester, "awarded_on")
        placed.positions = held_in(self.positions, semester)
        placed.memberships = held_in(self.memberships, semester)
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
        placed.commitments = self.commitments
        placed.evaluations = {
            evaluation.agreement_id: evaluation for evaluation in published_agreement_evaluations(semester)
        }
        return placed
