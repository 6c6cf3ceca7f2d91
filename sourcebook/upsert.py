"""How the loader writes one record: create it, or update only what differs,
through the kernel's services; find it under a key it had before (``formerly``);
withdraw one the book no longer supports (``retire``); and what a load tells
(``LoadSummary``: counts, and each record it changed, withdrew or left to staff)."""


from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

from django.db import models

from agreements.models import Agreement
from cdmx_global.models import Counterpart, Framework, GovernmentBody, Publishable, PublicationStatus, Theme
from cdmx_global.services import (
    record_create,
    record_publish_by_system,
    record_update,
    record_withdraw_by_system,
)
from cdmx_global.translation import SUFFIX, Translatable, translated_fields
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
    RETIRED = "retired"


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: int = 0
    retired: int = 0

    @property
    def total(self) -> int:
        """The book's records of the model: a retired one is no longer one of them."""
        return self.created + self.updated + self.unchanged + self.kept

    def add(self, outcome: Outcome) -> None:
        setattr(self, outcome.value, getattr(self, outcome.value) + 1)


@dataclass(frozen=True)
class Written:
    """One record the loader looked at: what it did, and for an update the fields it wrote."""

    record: models.Model
    outcome: Outcome
    fields: tuple[str, ...] = ()
    formerly: str = ""  # the key it was found under, when the book's data renamed it


@dataclass
class LoadSummary:
    """What one run loaded: per model, broken down by kind where a model has kinds,
    and each record it updated, withdrew or kept as staff left it (``details``)."""

    tallies: dict[type[models.Model], Tally] = field(default_factory=dict)
    breakdowns: dict[str, Counter] = field(default_factory=dict)
    details: list[Written] = field(default_factory=list)

    def note(self, model: type[models.Model], outcome: Outcome | Written) -> None:
        written = outcome if isinstance(outcome, Written) else None
        self.tallies.setdefault(model, Tally()).add(written.outcome if written else outcome)
        if written and written.outcome in (Outcome.UPDATED, Outcome.KEPT, Outcome.RETIRED):
            self.details.append(written)

    def count(self, title: str, label: str) -> None:
        self.breakdowns.setdefault(title, Counter())[label] += 1

    @property
    def changed(self) -> bool:
        return any(tally.created or tally.updated or tally.retired for tally in self.tallies.values())


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


def write_record(
    *,
    model: type[M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    m2m: dict[str, list[models.Model]] | None = None,
    formerly: Iterable[dict[str, Any]] = (),
) -> Written:
    """Create or update the record ``lookup`` finds, writing only what differs.

    A record not found by ``lookup`` is looked for under each of its earlier
    keys (``formerly``, the lookups it had in earlier versions of the book's
    data): found so, it is renamed to ``lookup`` with the rest of its changes.
    The database enforces the check constraints on both backends, so only the
    fields are validated here (lengths, choices: what SQLite would let through).

    A record written with English text (``<field>_en``) has its translation
    marked reviewed by no person: the book's translations are the project's
    own, loaded as reviewed; one without English keeps ``none``.
    """
    values = _flatten(values)
    m2m = m2m or {}
    publishable = issubclass(model, Publishable)
    obj, found_under = _find(model, lookup, formerly)
    if obj is None:
        obj = record_create(
            model=model,
            data={**lookup, **values},
            user=None,
            reason=LOAD_REASON,
            m2m=m2m,
            publish=publishable,
            validate_constraints=False,
            review_translation=_has_english(model, values),
        )
        return Written(obj, Outcome.CREATED)
    if edited_by_staff(obj):
        return Written(obj, Outcome.KEPT, formerly=found_under)
    wanted = {**lookup, **values} if found_under else values
    changes = {name: value for name, value in wanted.items() if not _same(obj, name, value)}
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
            review_translation=_has_english(model, {**_english_of(obj), **changes}),
        )
    if unpublished:
        obj = record_publish_by_system(record=obj, reason=LOAD_REASON)
    if not (changes or links or unpublished):
        return Written(obj, Outcome.UNCHANGED)
    fields = _field_names([*changes, *links]) + (("status",) if unpublished else ())
    return Written(obj, Outcome.UPDATED, fields, found_under)


def _has_english(model: type[models.Model], values: dict[str, Any]) -> bool:
    """Whether a record of ``model`` with ``values`` has a translation to mark reviewed."""
    return issubclass(model, Translatable) and any(
        values.get(name + SUFFIX) for name in translated_fields(model)
    )


def _english_of(obj: models.Model) -> dict[str, Any]:
    return {name + SUFFIX: getattr(obj, name + SUFFIX) for name in translated_fields(obj)}


def _find(model: type[M], lookup: dict[str, Any], formerly: Iterable[dict[str, Any]]) -> tuple[M | None, str]:
    for key in [lookup, *formerly]:
        obj = model.objects.filter(**key).first()
        if obj is not None:
            return obj, "" if key is lookup else " / ".join(str(value) for value in key.values())
    return None, ""


def _field_names(names: Iterable[str]) -> tuple[str, ...]:
    """The fields written, once each, in order: a partial date's precision is its date's."""
    return tuple(dict.fromkeys(name.removesuffix("_precision") for name in names))


def upsert(
    *,
    model: type[M],
    lookup: dict[str, Any],
    values: dict[str, Any],
    m2m: dict[str, list[models.Model]] | None = None,
    formerly: Iterable[dict[str, Any]] = (),
) -> tuple[M, Outcome]:
    """``write_record``, giving the record and what was done to it."""
    written = write_record(model=model, lookup=lookup, values=values, m2m=m2m, formerly=formerly)
    return written.record, written.outcome


#: Shown to staff on a record the load withdrew.
RETIRE_NOTE = (
    "Retirado por la carga del libro: la revisión del libro (sourcebook/AUDIT.md) encontró que el libro no "
    "sostiene este registro."
)


def retire(*, model: type[M], lookup: dict[str, Any]) -> Written | None:
    """Withdraw the record ``lookup`` finds, one the book's data no longer gives.

    Nothing to do if there is none or it is already withdrawn; a record staff
    edited is theirs, and stays as they left it.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None or obj.status == PublicationStatus.WITHDRAWN:
        return None
    if edited_by_staff(obj):
        return Written(obj, Outcome.KEPT)
    obj = record_withdraw_by_system(record=obj, reason=LOAD_REASON, note=RETIRE_NOTE)
    return Written(obj, Outcome.RETIRED, ("status",))


def book_record_values(row: dict, *, refs: References) -> dict[str, Any]:
    """The values every record of the book carries (each is published, see ``upsert``)."""
    return {
        "body": refs.one("bodies", row.get("body", DEFAULT_BODY)),
        "source_citation": row["source_citation"],
        "source_excerpt": row["source_excerpt"],
    }


# --- A row's values ---------------------------------------------------------


def english(row: dict, *fields: str) -> dict[str, str]:
    """The English twins of ``fields`` the row gives (``title_en``…), blank where it gives none.

    Only the twins of the Spanish texts the loader itself writes: an English
    text staff add to another field (an agreement's terms) is theirs."""
    return {f"{name}_en": row.get(f"{name}_en", "") for name in fields}


def formerly(row: dict, field: str, **scope) -> list[dict]:
    """The lookups a record had in earlier versions of the book's data (``formerly``)."""
    return [{**scope, field: value} for value in row.get("formerly", [])]
