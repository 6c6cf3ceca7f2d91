"""The floor of an endpoint: the same rows fetched with one raw SQL query and
encoded with orjson, in the same process.

The query is written by the ORM from the endpoint's own queryset (its
filters, search, order and page), so it selects exactly the endpoint's
records; every column of the record and, for each link the endpoint shows,
its published linked records as a JSON array, all in one statement. Then it
runs as raw SQL on a cursor and the rows go to ``orjson.dumps``: what is left
is the database's work and the cheapest encoding Python has.
"""

from collections.abc import Callable, Iterable

import orjson
from django.contrib.postgres.expressions import ArraySubquery
from django.db import connection
from django.db.models import Model, OuterRef, QuerySet
from django.db.models.functions import JSONObject

#: The columns that name a linked record in the floor (those the model has).
LABELS = ("slug", "code", "number", "name", "title", "acronym", "country", "role")

#: What each collection shows of its links, as the API item shows them.
LINKS: dict[str, tuple[str, ...]] = {
    "agreements": (
        "body", "counterparts", "other_bodies", "themes", "sdgs", "frameworks", "signed_at_event", "renews", "renewed_by",
        "actions",
    ),
    "actions": ("body", "agreement", "counterparts", "themes", "sdgs", "frameworks"),
    "counterparts": ("body", "agreements", "actions", "visits", "events", "awards_granted", "convened_networks"),
    "networks": ("body", "convened_by", "themes", "sdgs", "memberships", "positions", "hosted_offices"),
    "memberships": ("body", "network"),
    "positions": ("body", "network"),
    "visits": ("body", "counterparts", "themes", "event", "guests"),
    "events": ("body", "organisers", "themes", "sdgs", "frameworks", "parent", "children", "visits", "agreements"),
    "awards": ("body", "granted_by", "themes", "sdgs"),
    "bodies": (),
    "themes": (),
    "agreements-transparency": ("body", "counterparts", "renews"),
}


def _label(model: type[Model], prefix: str = "") -> JSONObject:
    names = {field.name for field in model._meta.concrete_fields}
    labels = [name for name in LABELS if name in names] or ["pk"]
    return JSONObject(id=f"{prefix}pk", **{name: f"{prefix}{name}" for name in labels})


def _published(queryset: QuerySet) -> QuerySet:
    return queryset.filter(status="published") if hasattr(queryset.model, "status") else queryset


def _linked(model: type[Model], name: str):
    """One link of ``model`` as an expression: an object for a foreign key, an array for many."""
    field = model._meta.get_field(name)
    related = field.related_model
    forward = not field.auto_created
    if forward and (field.many_to_one or field.one_to_one):
        return _label(related, f"{name}__")
    if forward:
        lookup = field.related_query_name()
    else:  # a reverse relation: the related model's field points here
        lookup = field.field.name
    linked = _published(related._default_manager.filter(**{lookup: OuterRef("pk")}))
    return ArraySubquery(linked.order_by().values(json=_label(related)))


def floor_queryset(queryset: QuerySet, links: Iterable[str]) -> QuerySet:
    """``queryset``'s records as values: every column plus each link."""
    model = queryset.model
    columns = [field.attname for field in model._meta.concrete_fields]
    annotations = {f"link_{name}": _linked(model, name) for name in links}
    return queryset.prefetch_related(None).values(*columns, **annotations)


def floor(queryset: QuerySet, links: Iterable[str]) -> Callable[[], bytes]:
    """A function that runs the floor once and returns its encoded bytes."""
    sql, params = floor_queryset(queryset, links).query.sql_with_params()

    def run() -> bytes:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            names = [column[0] for column in cursor.description]
            rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
        return orjson.dumps(rows, default=str)

    return run
