"""Records read as values with their links, in chunks: a table of data
without model instances.

``values_records(queryset, links)`` reads ``queryset``'s rows (its filters,
search and order as they are) as values, a chunk at a time, and for each
chunk reads every ``Link`` with one values query over the chunk's ids. So the
queries per request grow with the number of chunks only, never with the
links per record, and memory holds one chunk.

Each row is a ``Values``: a plain object whose attributes are the model's
columns (a country as a ``Country``, a file as a ``FieldFile``) plus each
link under its ``attribute`` (the linked record or ``None``; a list for a
to-many relation), and which borrows the model's own methods and properties
(``__str__``, ``get_absolute_url``, ``translation_owner``…), so code that
reads a record's attributes reads a row alike. A link reads published
records only wherever the related model can say which are (``.published()``),
as ``cdmx_global.published`` does for the pages.
"""

import functools
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from types import FunctionType

from django.db import connections, models
from django.db.models import F, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.fields.files import FieldFile
from django.utils.functional import cached_property
from django_countries.fields import CountryField

from cdmx_global.translation import SUFFIX

#: Records read at a time (each link is read once per chunk).
CHUNK_SIZE = 500


@dataclass(frozen=True)
class Link:
    """A relation of the rows read as values.

    ``attribute`` is where each row holds it (``relation`` by default);
    ``published`` keeps only published related records (a related model
    without ``.published()`` keeps all); ``order_by`` orders a to-many
    relation (the related model's order by default, then the primary key);
    ``links`` are read in turn on the linked records; ``fields``, when
    given, are the only columns read of a linked record (with its primary
    key, each one's English twin and its translation status, what naming it
    in either language needs); by default all but its long texts.
    """

    attribute: str
    relation: str = ""
    published: bool = True
    order_by: tuple = ()
    links: tuple["Link", ...] = ()
    fields: tuple[str, ...] = ()

    @property
    def field(self) -> str:
        return self.relation or self.attribute


class Values:
    """A row read as values (see the module's docstring)."""

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.__dict__.get('pk')}>"


_METHODS = (FunctionType, property, cached_property, staticmethod, classmethod)


@functools.cache
def values_class(model: type[models.Model]) -> type[Values]:
    """The ``Values`` of ``model``: its own methods, properties, constants and
    nested classes (``Kind``), and its ``_meta`` (so ``cdmx_global.labels``
    reads its choices); not its fields' descriptors nor its managers."""
    fields = {name for field in model._meta.get_fields() for name in (field.name, getattr(field, "attname", None))}
    borrowed = {}
    for klass in model.__mro__:
        if klass is models.Model:
            break
        for name, value in vars(klass).items():
            if name in borrowed or name in fields or (name.startswith("__") and name != "__str__"):
                continue
            if hasattr(value, "__get__") and not isinstance(value, _METHODS):
                continue
            borrowed[name] = value
    borrowed["_meta"] = model._meta
    return type(f"{model.__name__}Values", (Values,), borrowed)


@functools.cache
def _converters(model: type[models.Model]) -> dict:
    converters = {}
    for field in model._meta.concrete_fields:
        if isinstance(field, CountryField):
            # What the field's descriptor gives a record: a ``Country``, or None for NULL; one per
            # code, shared by every row (a ``Country`` is never changed; its name follows the language).
            country = getattr(model, field.name).country
            converters[field.attname] = functools.lru_cache(maxsize=512)(
                lambda code, country=country: None if code is None else country(code)
            )
        elif isinstance(field, models.FileField):
            converters[field.attname] = functools.partial(FieldFile, None, field)
    return converters


def _built(model: type[models.Model], names: list[str], rows: Iterable[tuple], known: dict | None = None) -> list[Values]:
    """``rows`` as ``Values``; with ``known`` (by primary key), a record met again is the same object."""
    cls = values_class(model)
    pk_index = names.index(model._meta.pk.attname)
    converters = [(name, convert) for name, convert in _converters(model).items() if name in names]
    built = []
    for row in rows:
        if known is not None and (record := known.get(row[pk_index])) is not None:
            built.append(record)
            continue
        record = cls.__new__(cls)
        values = record.__dict__
        values.update(zip(names, row, strict=True))
        for name, convert in converters:
            values[name] = convert(values[name])
        values["pk"] = row[pk_index]
        if known is not None:
            known[row[pk_index]] = record
        built.append(record)
    return built


def _columns(model: type[models.Model], linked: bool = False, only: tuple[str, ...] = ()) -> list[str]:
    """Every column of ``model``; of a linked record, not its long texts (a link
    shows what names it, never its body), or only ``only`` and what names it."""
    if only:
        wanted = {model._meta.pk.name, *only, *(f"{name}{SUFFIX}" for name in only), "translation_status"}
        return [field.attname for field in model._meta.concrete_fields if field.name in wanted]
    return [
        field.attname for field in model._meta.concrete_fields
        if not (linked and isinstance(field, models.TextField))
    ]


def _published(queryset: QuerySet, link: Link) -> QuerySet:
    if link.published and hasattr(queryset, "published"):
        return queryset.published()
    return queryset


def _read_links(model: type[models.Model], records: list[Values], links: Iterable[Link]) -> None:
    for link in links:
        field = model._meta.get_field(link.field)
        related = field.related_model
        queryset = _published(related._default_manager.all(), link)
        if not field.auto_created and (field.many_to_one or field.one_to_one):
            ids = {getattr(record, field.attname) for record in records} - {None}
            found = {}
            if ids:
                found = {item.pk: item for item in _read(queryset.filter(pk__in=_among(queryset, ids)), link)}
            for record in records:
                record.__dict__[link.attribute] = found.get(getattr(record, field.attname))
            continue
        # A to-many relation: the related records of every record of the chunk, each with its owner's id.
        lookup = field.related_query_name() if not field.auto_created else field.field.name
        ordering = link.order_by or tuple(related._meta.ordering)
        # ``__pk__in``: the owners' ids as they are, not each one looked up as a related value.
        owners = [record.pk for record in records]
        queryset = queryset.filter(**{f"{lookup}__pk__in": _among(queryset, owners)}).order_by(*ordering, "pk")
        owned = defaultdict(list)
        for owner, item in _read(queryset, link, owner=F(lookup)):
            owned[owner].append(item)
        for record in records:
            record.__dict__[link.attribute] = owned.get(record.pk, [])


def _among(queryset: QuerySet, ids) -> list | RawSQL:
    """``ids`` for an ``__in`` lookup: on PostgreSQL one array, which the driver writes at once,
    rather than a parameter per identifier, each prepared by Django on its own."""
    if connections[queryset.db].vendor == "postgresql":
        return RawSQL("SELECT unnest(%s)", (list(ids),))
    return list(ids)


def _read(queryset: QuerySet, link: Link, owner=None) -> list:
    """All of ``queryset`` as ``link``'s ``Values`` with its links; with ``owner``,
    as (owner's id, values) pairs, a record linked to several owners built once."""
    model = queryset.model
    # A restricted read keeps the keys its own links follow.
    only = (*link.fields, *(nested.field for nested in link.links)) if link.fields else ()
    names = _columns(model, linked=True, only=only)
    for name in link.fields:
        model._meta.get_field(name)  # a field the model does not have is a mistake, not an empty column
    links = link.links
    if owner is None:
        records = _built(model, names, queryset.values_list(*names))
        _read_links(model, records, links)
        return records
    pairs = list(queryset.values_list(*names, owner))
    records = _built(model, names, (pair[:-1] for pair in pairs), known={})
    _read_links(model, list({id(record): record for record in records}.values()), links)
    return [(pair[-1], record) for pair, record in zip(pairs, records, strict=True)]


def values_records(queryset: QuerySet, links: Iterable[Link] = (), chunk_size: int = CHUNK_SIZE) -> Iterator[Values]:
    """``queryset``'s records as ``Values`` with ``links``, read ``chunk_size`` at a time.

    The queryset's own prefetches are dropped (``links`` say what is read);
    its filters, annotations used by them and order stay.
    """
    model = queryset.model
    names = _columns(model)
    links = tuple(links)
    rows = queryset.prefetch_related(None).values_list(*names).iterator(chunk_size=chunk_size)
    for chunk in itertools.batched(rows, chunk_size):
        records = _built(model, names, chunk)
        _read_links(model, records, links)
        yield from records
        # Freed before the next chunk is read, not when its records replace these.
        del chunk, records
