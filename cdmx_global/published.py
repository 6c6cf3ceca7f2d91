"""What the public may see, said one way: ``.published()`` for the records
themselves and ``.with_published()`` / ``.join_published()`` for the records
linked to them.

A public read never follows a plain relation: a draft counterpart of a
published agreement must not appear on its page, in its API record or in its
search text. These methods load each relation with its published records only,
so a template or serializer that reads ``agreement.counterparts.all()`` (or the
name it was given) cannot reach a draft.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db import models
from django.db.models import FilteredRelation, Prefetch, Q
from django.db.models.query import ModelIterable
from django.utils.translation import gettext_lazy as _


class PublicationStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    REVIEW = "review", _("En revisión")
    PUBLISHED = "published", _("Publicado")
    WITHDRAWN = "withdrawn", _("Retirado")


@dataclass(frozen=True)
class Link:
    """A relation to load with its published records only, and how.

    ``order_by`` orders them; ``select_related`` and ``prefetch_related`` go on
    to what the published records themselves show (a ``Link`` among them is
    published only too); ``queryset`` narrows them further (it is combined with
    ``.published()``, never instead of it).
    """

    relation: str
    order_by: Sequence = ()
    select_related: Sequence[str] = ()
    prefetch_related: Sequence = ()
    queryset: models.QuerySet | None = None


def published_condition(relation: str) -> Q:
    """The condition "the record reached through ``relation`` is published"."""
    return Q(**{f"{relation}__status": PublicationStatus.PUBLISHED})


def published_relation(relation: str) -> FilteredRelation:
    """``relation`` joined only where the record it reaches is published: the
    annotation behind ``join_published`` and behind a list's facets over
    published related records."""
    return FilteredRelation(relation, condition=published_condition(relation))


class _JoinedIterable(ModelIterable):
    """Records whose joined published relations read ``None`` when nothing
    published was found: Django sets a ``select_related`` FilteredRelation's
    attribute only when the join found a row, and leaves it missing otherwise."""

    def __iter__(self):
        query = self.queryset.query
        selected = query.select_related if isinstance(query.select_related, dict) else {}
        joined = [name for name in query._filtered_relations if name in selected]
        for record in super().__iter__():
            for name in joined:
                record.__dict__.setdefault(name, None)
            yield record


def join_published(queryset: models.QuerySet, **named: str) -> models.QuerySet:
    """``queryset`` with each to-one relation joined, in the same query, only
    when the record it reaches is published, under its name: the record, or
    ``None`` (see ``PublishableQuerySet.join_published``). Also for records
    without a status of their own, such as a visit's guests."""
    queryset = queryset.annotate(
        **{name: published_relation(relation) for name, relation in named.items()}
    ).select_related(*named)
    if queryset._iterable_class is ModelIterable:
        queryset._iterable_class = _JoinedIterable
    return queryset


def published_prefetch(model: type[models.Model], link: "str | Link", to_attr: str | None = None) -> Prefetch:
    """A ``Prefetch`` of ``link`` from ``model`` that loads published records only."""
    if isinstance(link, str):
        link = Link(link)
    related = _related_model(model, link.relation)
    queryset = related._default_manager.all() if link.queryset is None else link.queryset
    queryset = queryset.published()
    if link.select_related:
        queryset = queryset.select_related(*link.select_related)
    if link.prefetch_related:
        queryset = queryset.with_published(*link.prefetch_related)
    if link.order_by:
        queryset = queryset.order_by(*link.order_by)
    return Prefetch(link.relation, queryset=queryset, to_attr=to_attr)


def _related_model(model: type[models.Model], path: str) -> type[models.Model]:
    for name in path.split("__"):
        model = model._meta.get_field(name).related_model
    return model


class PublishableQuerySet(models.QuerySet):
    def published(self):
        """The only records any public path may show."""
        return self.filter(status=PublicationStatus.PUBLISHED)

    def with_published(self, *links: "str | Link | Prefetch", **named: "str | Link") -> "PublishableQuerySet":
        """Each relation loaded with its published records only.

        A relation given by itself replaces the plain one on the loaded
        records (``agreement.themes.all()`` holds published themes only); one
        given by name keeps the plain relation and puts its published records
        in that attribute (a list; for a to-one relation, the record or
        ``None``). A ``Prefetch`` is passed on as it is, for a relation whose
        records carry no status of their own (a visit's guests).
        """
        lookups = [
            link if isinstance(link, Prefetch) else published_prefetch(self.model, link) for link in links
        ]
        lookups += [published_prefetch(self.model, link, to_attr=name) for name, link in named.items()]
        return self.prefetch_related(*lookups)

    def join_published(self, **named: str) -> "PublishableQuerySet":
        """Each to-one relation joined, in the same query, only when the record
        it reaches is published: ``join_published(public_parent="parent")``
        gives ``event.public_parent``, the parent event or ``None``."""
        return join_published(self, **named)
