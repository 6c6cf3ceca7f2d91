"""What every synthetic record is built from: the book's counts, the synthetic
citation and keys, the book's catalogues, a record before it is written
(``Row``, with ``Ref`` links and the ``Party`` other records name), the run's
``Context`` and the draws that make every copy hold every value."""

import random
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from django.db import models

from agreements.models import Action, Agreement
from cdmx_global.models import (
    Counterpart,
    Framework,
    GovernmentBody,
    PublicationStatus,
    SustainableDevelopmentGoal,
    Theme,
)
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position
from sourcebook.records import actions as book_actions
from sourcebook.records import agreements as book_agreements
from sourcebook.records import awards as book_awards
from sourcebook.records import catalogues as book_catalogues
from sourcebook.records import counterparts as book_counterparts
from sourcebook.records import events as book_events
from sourcebook.records import networks as book_networks
from sourcebook.records import visits as book_visits

from .vocabulary import Place

#: Records of each kind ``load_book`` loads, in the order they are generated
#: (a kind only links to kinds before it, or to earlier records of its own).
#: Read from the book's data (``sourcebook.records``), where ``load_book``
#: writes one record per row and one guest per name in a visit's ``guests``.
BOOK_COUNTS: dict[type[models.Model], int] = {
    Counterpart: len(book_counterparts.COUNTERPARTS),
    Network: len(book_networks.NETWORKS),
    Membership: len(book_networks.MEMBERSHIPS),
    Position: len(book_networks.POSITIONS),
    HostedOffice: len(book_networks.HOSTED_OFFICES),
    Event: len(book_events.EVENTS),
    Agreement: len(book_agreements.AGREEMENTS),
    Action: len(book_actions.ACTIONS),
    Visit: len(book_visits.VISITS),
    VisitGuest: sum(len(visit.get("guests", [])) for visit in book_visits.VISITS),
    Award: len(book_awards.AWARDS),
}

DEFAULT_SEED = 2018
BATCH_SIZE = 1000

#: Kinds with a unique key that carries the synthetic index.
KEY_FIELDS: dict[type[models.Model], str] = {Counterpart: "slug", Network: "slug", Agreement: "code"}


class CataloguesMissing(Exception):
    """The book's catalogues are not loaded; synthetic records classify with them."""


def synthetic_citation(seed: int) -> str:
    """The source every synthetic record of ``seed`` cites: it says the record is not real."""
    return f"Datos sintéticos para medir rendimiento (generate_synthetic, semilla {seed}); no es un registro real"


def key_prefix(seed: int) -> str:
    return f"sint{seed}-"


def synthetic_code(seed: int, index: int) -> str:
    """``sint2018-000123``: the agreement code, and the start of a synthetic slug."""
    return f"{key_prefix(seed)}{index:06d}"


def index_from_key(key: str) -> int:
    return int(key.split("-")[1])


# --- What a record is built from ----------------------------------------------


class Entry(NamedTuple):
    """A catalogue entry: its pk, its natural key and its name."""

    pk: int
    key: str
    name: str


@dataclass(frozen=True)
class Catalogues:
    """The book's catalogues, each ordered by its natural key, so the same
    draw picks the same entry in every database the book was loaded into."""

    bodies: tuple[Entry, ...]
    themes: tuple[Entry, ...]
    sdgs: tuple[Entry, ...]
    frameworks: tuple[Entry, ...]


def _entries(model: type[models.Model], key: str, keys: Iterable) -> tuple[Entry, ...]:
    keys = list(keys)
    rows = model.objects.filter(**{f"{key}__in": keys}).order_by(key).values_list("pk", key, "name")
    entries = tuple(Entry(pk, str(value), name) for pk, value, name in rows)
    if len(entries) != len(keys):
        raise CataloguesMissing
    return entries


def load_catalogues() -> Catalogues:
    """The book's bodies by slug, themes by slug, ODS by number, frameworks by code."""
    return Catalogues(
        bodies=_entries(GovernmentBody, "slug", (row[0] for row in book_catalogues.BODIES)),
        themes=_entries(Theme, "slug", (row[0] for row in book_catalogues.THEMES)),
        sdgs=_entries(SustainableDevelopmentGoal, "number", (row[0] for row in book_catalogues.SDGS)),
        frameworks=_entries(Framework, "code", (row["code"] for row in book_catalogues.FRAMEWORKS)),
    )


@dataclass(frozen=True)
class Ref:
    """A link to synthetic record number ``index`` of ``model``; it becomes a pk when written."""

    model: type[models.Model]
    index: int


class Party(NamedTuple):
    """How a counterpart or a network is named in other records' text."""

    label: str  # «Universidad de Lyon»
    prose: str  # «la Universidad de Lyon»
    place: Place | None = None  # where it is, if anywhere in particular
    kind: str = ""
    country: str = ""


def contracted(text: str) -> str:
    """«de el Foro» → «del Foro», «a el» → «al»: an article put after a preposition."""
    return text.replace(" de el ", " del ").replace(" a el ", " al ")


@dataclass(frozen=True)
class Row:
    """One synthetic record before it is written.

    ``values`` are field values (a ``When`` for a partial date, a ``Ref`` for a
    link); ``m2m`` the pks or ``Ref`` of each many-to-many field; ``party`` how
    other records name it.
    """

    values: dict[str, Any]
    m2m: dict[str, list] = field(default_factory=dict)
    party: Party | None = None

    def __post_init__(self):
        for name, value in self.values.items():
            if isinstance(value, str):
                self.values[name] = contracted(value)


@dataclass(frozen=True)
class Context:
    """What every record of a run is built from: the seed and the book's catalogues."""

    seed: int
    catalogues: Catalogues
    #: Rows other rows read (a counterpart's name, an event's dates), built once per run.
    cache: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def citation(self) -> str:
        return synthetic_citation(self.seed)

    def rng(self, model: type[models.Model], index: int) -> random.Random:
        """Record ``index``'s own generator: nothing else draws from it."""
        return random.Random(f"{self.seed}:{model._meta.model_name}:{index}")

    def row(self, model: type[models.Model], index: int) -> Row:
        key = (model, index)
        if key not in self.cache:
            self.cache[key] = BUILDERS[model](self, index)
        return self.cache[key]

    def party(self, ref: Ref) -> Party:
        return self.row(ref.model, ref.index).party


#: How each kind's rows are built; every module of ``rows/`` registers its own kinds (``@builds``).
BUILDERS: dict[type[models.Model], Callable[[Context, int], Row]] = {}


def builds(model: type[models.Model]) -> Callable:
    """Registers the decorated function as the builder of ``model``'s rows."""

    def register(builder: Callable[[Context, int], Row]) -> Callable[[Context, int], Row]:
        BUILDERS[model] = builder
        return builder

    return register


# --- Choices -------------------------------------------------------------------


def copy_of(model: type[models.Model], index: int) -> int:
    return index // BOOK_COUNTS[model]


def position_in_copy(model: type[models.Model], index: int) -> int:
    return index % BOOK_COUNTS[model]


def covering(rng: random.Random, position: int, weights: dict) -> Any:
    """A value such that every copy holds every value: the first records of a
    copy take the values in turn, the others draw them by weight."""
    values = list(weights)
    if position < len(values):
        return values[position]
    return rng.choices(values, weights=list(weights.values()))[0]


#: Of every twenty records, seventeen are published (85 %), one is a draft, one
#: in review and one withdrawn, so every status shows from the twentieth record on.
UNPUBLISHED_AT = {5: PublicationStatus.DRAFT, 11: PublicationStatus.REVIEW, 17: PublicationStatus.WITHDRAWN}


def status_of(index: int) -> str:
    return UNPUBLISHED_AT.get(index % 20, PublicationStatus.PUBLISHED)


def in_same_copy(rng: random.Random, model: type[models.Model], index: int, target: type[models.Model]) -> Ref:
    """A record of ``target`` in the copy of record ``index`` of ``model``."""
    count = BOOK_COUNTS[target]
    return Ref(target, copy_of(model, index) * count + rng.randrange(count))


def earlier_in_copy(rng: random.Random, model: type[models.Model], index: int) -> Ref | None:
    """An earlier record of the same kind and copy, if there is one (a parent, a renewed agreement)."""
    first = copy_of(model, index) * BOOK_COUNTS[model]
    return Ref(model, rng.randrange(first, index)) if index > first else None


def pick(rng: random.Random, entries: Sequence, low: int, high: int) -> list:
    return rng.sample(list(entries), rng.randint(low, min(high, len(entries))))


def pks(entries: Iterable[Entry]) -> list[int]:
    return [entry.pk for entry in entries]
