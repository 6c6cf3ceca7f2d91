"""Writing a run's records: in bulk and in kind order, their links (to their
own kind once its pks are known, then many-to-many), their first history rows,
and then the search index and the page cache (see ``generator``'s «Fast»)."""

import datetime
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db import connection, models, transaction
from django.utils import timezone
from simple_history.models import HistoricalRecords

from cdmx_global.models import PublicationStatus
from cdmx_global.pagecache import content_changed
from events.models import VisitGuest
from search.services import index_rebuild
from sourcebook.records import When

from .context import (
    BATCH_SIZE, BOOK_COUNTS, DEFAULT_SEED, KEY_FIELDS, Context, Ref, Row, index_from_key, key_prefix,
    load_catalogues, synthetic_citation,
)
from .rows import BUILDERS  # every kind's, registered as the package is imported


def synthetic_records(model: type[models.Model], seed: int) -> models.QuerySet:
    """The synthetic records of ``seed``; a guest is synthetic when its visit is."""
    if model is VisitGuest:
        return VisitGuest.objects.filter(visit__source_citation=synthetic_citation(seed))
    return model.objects.filter(source_citation=synthetic_citation(seed))


class PrimaryKeys:
    """Synthetic index → pk, per model: read from the database once, then
    extended with what the run creates."""

    def __init__(self, seed: int):
        self.seed = seed
        self._maps: dict[type[models.Model], dict[int, int]] = {}

    def of(self, model: type[models.Model]) -> dict[int, int]:
        if model not in self._maps:
            self._maps[model] = self._stored(model)
        return self._maps[model]

    def _stored(self, model: type[models.Model]) -> dict[int, int]:
        key = KEY_FIELDS.get(model)
        if key:
            rows = model.objects.filter(**{f"{key}__startswith": key_prefix(self.seed)}).values_list(key, "pk")
            return {index_from_key(value): pk for value, pk in rows}
        ordered = synthetic_records(model, self.seed).order_by("pk").values_list("pk", flat=True)
        return dict(enumerate(ordered))

    def add(self, model: type[models.Model], indices: Sequence[int], objs: Sequence[models.Model]) -> None:
        self.of(model).update({index: obj.pk for index, obj in zip(indices, objs, strict=True)})

    def resolve(self, value: Any) -> Any:
        return self.of(value.model)[value.index] if isinstance(value, Ref) else value


def field_values(model: type[models.Model], row: Row, keys: PrimaryKeys, now: datetime.datetime) -> dict[str, Any]:
    """The row's values as model arguments: partial dates split, links as ids,
    publication times by status. A link to the model's own kind waits (see ``link_own_kind``)."""
    values = {}
    for name, value in row.values.items():
        if isinstance(value, When):
            values[name], values[f"{name}_precision"] = value.value, value.precision
        elif isinstance(value, Ref):
            values[f"{name}_id"] = None if value.model is model else keys.resolve(value)
        else:
            values[name] = value
    status = values.get("status")
    if status in (PublicationStatus.PUBLISHED, PublicationStatus.WITHDRAWN):
        values["published_at"] = now
    if status == PublicationStatus.REVIEW:
        values["submitted_at"] = now
    if status == PublicationStatus.WITHDRAWN:
        values |= {"withdrawn_at": now, "review_note": "Retirado del registro público para revisar sus datos."}
    return values


def link_own_kind(
    model: type[models.Model], rows: Sequence[Row], objs: Sequence[models.Model], keys: PrimaryKeys
) -> None:
    """A parent event or a renewed agreement is of the same kind, and may be
    created in the same batch: its pk is known only now."""
    linked = set()
    for row, obj in zip(rows, objs, strict=True):
        for name, value in row.values.items():
            if isinstance(value, Ref) and value.model is model:
                setattr(obj, f"{name}_id", keys.resolve(value))
                linked.add(name)
    if linked:
        changed = [obj for obj in objs if any(getattr(obj, f"{name}_id") for name in linked)]
        model.objects.bulk_update(changed, sorted(linked), batch_size=BATCH_SIZE)


def create_links(
    model: type[models.Model], rows: Sequence[Row], objs: Sequence[models.Model], keys: PrimaryKeys
) -> dict[str, list[models.Model]]:
    """The many-to-many rows, through each field's table; returned by field for the history."""
    links = {}
    for name in rows[0].m2m if rows else ():
        m2m_field = model._meta.get_field(name)
        through = m2m_field.remote_field.through
        source, target = f"{m2m_field.m2m_field_name()}_id", f"{m2m_field.m2m_reverse_field_name()}_id"
        links[name] = through.objects.bulk_create(
            [
                through(**{source: obj.pk, target: keys.resolve(value)})
                for row, obj in zip(rows, objs, strict=True)
                for value in row.m2m[name]
            ],
            batch_size=BATCH_SIZE,
        )
    return links


def create_history(
    model: type[models.Model], objs: Sequence[models.Model], links: dict[str, list], reason: str, now: datetime.datetime
) -> None:
    """One «created» history row per record, and its links as of that row."""
    history = model.history.bulk_history_create(
        objs, batch_size=BATCH_SIZE, default_change_reason=reason, default_date=now
    )
    history_by_record = {getattr(row, model._meta.pk.attname): row for row in history}
    for m2m_field in model.history.model._history_m2m_fields:
        through_rows = links.get(m2m_field.name, [])
        if not through_rows:
            continue
        source = f"{m2m_field.m2m_field_name()}_id"
        target = f"{m2m_field.m2m_reverse_field_name()}_id"
        history_model = HistoricalRecords.m2m_models[m2m_field]
        history_model.objects.bulk_create(
            [
                history_model(**{
                    "id": link.pk, "history": history_by_record[getattr(link, source)],
                    source: getattr(link, source), target: getattr(link, target),
                })
                for link in through_rows
            ],
            batch_size=BATCH_SIZE,
        )


@dataclass
class KindResult:
    model: type[models.Model]
    before: int
    created: list[models.Model]

    @property
    def total(self) -> int:
        return self.before + len(self.created)


def create_kind(ctx: Context, model: type[models.Model], indices: range, keys: PrimaryKeys, now) -> list[models.Model]:
    """Records ``indices`` of ``model``: rows, links to their own kind, many-to-many rows, history."""
    rows = [BUILDERS[model](ctx, index) for index in indices]
    objs = model.objects.bulk_create(
        [model(**field_values(model, row, keys, now)) for row in rows], batch_size=BATCH_SIZE
    )
    keys.add(model, indices, objs)
    link_own_kind(model, rows, objs, keys)
    links = create_links(model, rows, objs, keys)
    create_history(model, objs, links, ctx.citation, now)
    return objs


@dataclass
class Outcome:
    scale: int
    seed: int
    results: list[KindResult]
    #: Entries in the rebuilt search index; None when nothing was added.
    indexed: int | None
    seconds: float

    @property
    def created(self) -> int:
        return sum(len(result.created) for result in self.results)


def generate(*, scale: int, seed: int = DEFAULT_SEED) -> Outcome:
    """Bring the synthetic records of ``seed`` up to ``(scale − 1) ×`` the book, in one transaction."""
    started = time.perf_counter()
    with transaction.atomic():
        ctx = Context(seed, load_catalogues())
        keys, now, results = PrimaryKeys(seed), timezone.now(), []
        for model, count in BOOK_COUNTS.items():
            before = synthetic_records(model, seed).count()
            created = create_kind(ctx, model, range(before, (scale - 1) * count), keys, now)
            results.append(KindResult(model, before, created))
        indexed = index_rebuild() if any(result.created for result in results) else None
        # bulk_create sends no signal: the cached public pages are retired here.
        content_changed()
    if indexed is not None:
        # Thousands of rows at once: the planner's statistics are refreshed
        # now, not whenever autovacuum comes round. Until then PostgreSQL plans
        # as for the tables' old sizes (at 100× the UN conventions' list took
        # 11 s instead of 0.14 s).
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return Outcome(scale, seed, results, indexed, time.perf_counter() - started)
