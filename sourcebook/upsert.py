"""How the loader writes one record: create it, or update only what differs,
through the kernel's services; and what a load tells (``LoadSummary``)."""


from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from django.db import models

from agreements.models import Agreement
from cdmx_global.models import Counterpart, Framework, GovernmentBody, Publishable, PublicationStatus, Theme
from cdmx_global.services import record_create, record_publish_by_system, record_update
from events.models import Event
from networks.models import Network

from .records import DEFAULT_BODY, When

#: Recorded as the reason of every history row the loader writes.
LOAD_REASON = "Carga del libro CDMX Global (2018)"

PUBLISHED = PublicationStatus.PUBLISHED

M = TypeVar("M", bound=models.Model)


class BookDataError(Exception):
    """The book's data points at a record it does not define."""


class Outcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    UNCHANGED = "unchanged"
    KEPT = "kept"


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged + self.kept

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


@dataclass
class LoadSummary:
    """What one run loaded: per model, and broken down by kind where a model has kinds."""

    tallies: dict[type[models.Model], Tally] = field(default_factory=dict)
    breakdowns: dict[str, Counter] = field(default_factory=dict)

    def note(self, model: type[models.Model], outcome: Outcome) -> None:
        self.tallies.setdefault(model, Tally()).add(outcome)

    def count(self, title: str, label: str) -> None:
        self.breakdowns.setdefault(title, Counter())[label] += 1

    @property
    def changed(self) -> bool:
        return any(tally.created or tally.updated for tally in self.tallies.values())


@dataclass
class References:
    """Records already loaded, by the key the book's data uses for them."""

    bodies: dict[str, GovernmentBody] = field(default_factory=dict)
    themes: dict[str, Theme] = field(default_factory=dict)
    frameworks: dict[str, Framework] = field(default_factory=dict)
    counterparts: dict[str, Counterpart] = field(default_factory=dict)
    networks: dict[str, Network] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    agreements: dict[str, Agreement] = field(default_factory=dict)

    def one(self, kind: str, key: str | None):
        if key is None:
            return None
        try:
            return getattr(self, kind)[key]
        except KeyError:
            raise BookDataError(f"{kind}: «{key}» no está definido en los datos del libro.") from None

    def many(self, kind: str, keys: Iterable[str]) -> list:
        return [self.one(kind, key) for key in keys]


# --- The upsert -------------------------------------------------------------


def _flatten(values: dict[str, Any]) -> dict[str, Any]:
    """Expand each partial date into its date and precision fields."""
    flat = {}
    for name, value in values.items():
        if isinstance(value, When):
            flat[name] = value.value
            flat[f"{name}_precision"] = value.precision
        else:
            flat[name] = value
    return flat


def _same(obj: models.Model, name: str, value: Any) -> bool:
    model_field = obj._meta.get_field(name)
    if model_field.many_to_one:
        return getattr(obj, model_field.attname) == (value.pk if value is not None else None)
    return getattr(obj, name) == value


def edited_by_staff(obj: models.Model) -> bool:
    """Whether someone other than the loader wrote the record's latest history entry."""
    latest = obj.history.order_by("-history_date", "-history_id").first()
    return latest is not None and latest.history_change_reason != LOAD_REASON


def upsert(
    *,
    model: type[M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    m2m: dict[str, list[models.Model]] | None = None,
) -> tuple[M, Outcome]:
    """Create or update the record ``lookup`` finds, writing only what differs.

    The database enforces the check constraints on both backends, so only the
    fields are validated here (lengths, choices: what SQLite would let through).
    """
    values = _flatten(values)
    m2m = m2m or {}
    publishable = issubclass(model, Publishable)
    try:
        obj = model.objects.get(**lookup)
    except model.DoesNotExist:
        obj = record_create(
            model=model,
            data={**lookup, **values},
            user=None,
            reason=LOAD_REASON,
            m2m=m2m,
            publish=publishable,
            validate_constraints=False,
        )
        return obj, Outcome.CREATED
    if edited_by_staff(obj):
        return obj, Outcome.KEPT
    changes = {name: value for name, value in values.items() if not _same(obj, name, value)}
    links = {
        name: targets
        for name, targets in m2m.items()
        if set(getattr(obj, name).values_list("pk", flat=True)) != {target.pk for target in targets}
    }
    unpublished = publishable and obj.status != PUBLISHED
    if changes or links:
        obj = record_update(
            record=obj,
            user=None,
            reason=LOAD_REASON,
            expected_version=getattr(obj, "version", None),
            changes=changes,
            m2m=links,
            validate_constraints=False,
        )
    if unpublished:
        obj = record_publish_by_system(record=obj, reason=LOAD_REASON)
    return obj, Outcome.UPDATED if changes or links or unpublished else Outcome.UNCHANGED


def book_record_values(row: dict, *, refs: References) -> dict[str, Any]:
    """The values every record of the book carries (each is published, see ``upsert``)."""
    return {
        "body": refs.one("bodies", row.get("body", DEFAULT_BODY)),
        "source_citation": row["source_citation"],
        "source_excerpt": row["source_excerpt"],
    }
