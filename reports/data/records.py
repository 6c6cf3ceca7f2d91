"""The published records a report reads, fetched once through the record
apps' selectors, and placed in a semester on demand.

Only what the report reads is fetched. The published records over a
many-to-many relation come as plain lists, ``public_<relation>``
(``agreement.public_counterparts``), in their model's order: read by
``_attach_published`` with one query for the relation's pairs and one for its
published records, each made into an instance once however many records link
to it. Django's ``prefetch_related`` makes an instance for every pair and a
queryset for every record and relation; at 100× the book that was more than
half of the report data's time.
"""

import functools
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from agreements.models import Agreement, Commitment
from agreements.selectors import published_actions, published_agreements
from cdmx_global.partial_dates import PartialDate
from cdmx_global.published import published_condition
from events.models import Award, Event, Visit
from events.selectors import published_awards_alone, published_events_alone, published_visits_alone
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
        self.agreements = list(published_agreements(links=()).order_by("signed_on", "title", "pk"))
        for relation in ("counterparts", "themes", "sdgs", "frameworks"):
            _attach_published(self.agreements, relation)
        # Their published agreement (to one: ``with_published``), and their ODS for the indicators.
        self.actions = list(published_actions(links=()))
        _attach_published(self.actions, "sdgs")
        self.visits = list(published_visits_alone())
        _attach_published(self.visits, "counterparts")
        self.events = list(published_events_alone())
        self.awards = list(published_awards_alone())
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


def _attach_published(records: list, relation: str) -> None:
    """Each of ``records`` (of one model) with its published records over the
    many-to-many ``relation`` as a list in ``public_<relation>``, in the order
    of their model (its ``Meta.ordering``, then its primary key)."""
    if not records:
        return
    field = type(records[0])._meta.get_field(relation)
    source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
    related = field.related_model
    published = {
        record.pk: record for record in related._default_manager.published().order_by(*related._meta.ordering, "pk")
    }
    rank = {pk: position for position, pk in enumerate(published)}
    linked = defaultdict(list)
    pairs = field.remote_field.through.objects.filter(published_condition(source))
    for owner, other in pairs.values_list(f"{source}_id", f"{target}_id").iterator(chunk_size=10_000):
        if other in published:
            linked[owner].append(other)
    attribute = f"public_{relation}"
    for record in records:
        others = linked.get(record.pk, ())
        setattr(record, attribute, [published[pk] for pk in sorted(others, key=rank.__getitem__)])
