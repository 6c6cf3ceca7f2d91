"""The API's lists read as values: a page of records as the serializer gives
them, without model instances and without DRF's field machinery.

A list page is a table of data: its records' columns and, for each link the
item shows, the linked records' columns. ``plan_for`` reads the collection's
serializer once and turns it into a ``Plan``: the columns to read, how each
key of an item is made from them, and, for each link, the queryset the
collection's selector loads it with (its published records only, in its
order), to be read with one ``values()`` query for all the page's records.
The items are the same dicts, key for key and value for value, as the
serializer's, and ``opendata.api`` encodes them into the same bytes as DRF's
``JSONRenderer``.

A serializer with a field this module does not know (a method field, a
property) gets no plan, and its list stays on the serializer.
"""

import functools
from dataclasses import dataclass, field
from urllib.parse import quote

from django.db.models import F, ForeignObjectRel, Prefetch, Q
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from rest_framework import serializers
from rest_framework.reverse import reverse

from cdmx_global.labels import _choices, country_name
from cdmx_global.partial_dates import format_partial_date
from cdmx_global.spreadsheets import format_partial_date_cell
from cdmx_global.translation import ENGLISH, SUFFIX, TranslationStatus, page_language

from .addresses import PLAIN, SENTINELS, portal_keys
from .serializers.fields import ChoiceLabelField, CountryNameField, DocumentUrlField, PartialDateField, PortalUrlField
from .serializers.texts import LANGUAGE_SUFFIX, SPANISH_SUFFIX, TranslatedSerializer, texts
from .statements import values_among

OWNER = "_owner"


class Unsupported(Exception):
    """The serializer has a field this module cannot read as values."""


@dataclass
class Link:
    key: str
    plan: "Plan"
    many: bool
    #: The owner's column holding the linked record's key (a forward link), or None (a reverse one).
    column: str | None
    #: The linked records' path back to the owner (a reverse or many-to-many link).
    back: str | None
    queryset: object
    #: A plain forward link read in the owner's own query, through this relation (as select_related joins it).
    joined: str | None = None


@dataclass
class Plan:
    model: type
    columns: list[str] = field(default_factory=list)
    #: (key, kind, argument) in the serializer's order.
    keys: list[tuple] = field(default_factory=list)
    links: dict[str, Link] = field(default_factory=dict)
    texts: tuple[str, ...] = ()
    #: The column holding the translation's status (the record's or its owner's), or None (a catalogue).
    translation_status: str | None = None

    def need(self, *columns: str) -> None:
        for column in columns:
            if column not in self.columns:
                self.columns.append(column)


def _lookups(queryset, inherited: list[Prefetch]) -> dict[str, Prefetch]:
    found = {}
    for lookup in [*queryset._prefetch_related_lookups, *inherited]:
        prefetch = lookup if isinstance(lookup, Prefetch) else Prefetch(lookup)
        found[prefetch.prefetch_to] = prefetch
    return found


def _nested(lookups: dict[str, Prefetch], prefix: str) -> list[Prefetch]:
    """The lookups under ``prefix`` (``commitments__body`` under ``commitments``), re-rooted at it."""
    nested = []
    for name, prefetch in lookups.items():
        if name.startswith(prefix + "__"):
            through = prefetch.prefetch_through.removeprefix(prefix + "__")
            to_attr = name.removeprefix(prefix + "__")
            nested.append(Prefetch(through, queryset=prefetch.queryset, to_attr=to_attr if to_attr != through else None))
    return nested


def _translation_status(model) -> str | None:
    names = {f.name for f in model._meta.concrete_fields}
    if "translation_status" in names:
        return "translation_status"
    if isinstance(getattr(model, "translation_owner", None), property):
        owners = [
            f.name for f in model._meta.concrete_fields
            if f.many_to_one and "translation_status" in {g.name for g in f.related_model._meta.concrete_fields}
        ]
        if len(owners) != 1:
            raise Unsupported(model)
        return f"{owners[0]}__translation_status"
    return None


def compile_plan(serializer_class, queryset, inherited: list[Prefetch] = ()) -> Plan:
    model = serializer_class.Meta.model
    plan = Plan(model)
    pk = model._meta.pk.attname
    plan.need(pk)
    lookups = _lookups(queryset, list(inherited))
    joined = queryset.query._filtered_relations
    if issubclass(serializer_class, TranslatedSerializer):
        plan.texts = texts(serializer_class)
        plan.translation_status = _translation_status(model)
        for name in plan.texts:
            plan.need(name + SUFFIX)
        if plan.translation_status:
            plan.need(plan.translation_status)
    _compile_fields(plan, serializer_class().fields.items(), model, queryset, lookups, joined)
    return plan


def _compile_fields(plan, fields, model, queryset, lookups, joined) -> None:
    for key, bound in fields:
        if isinstance(bound, serializers.ListSerializer) or (
            isinstance(bound, serializers.ModelSerializer) and bound.source != "*"
        ):
            plan.keys.append((key, "link", key))
            link = plan.links[key] = _link(key, bound, model, lookups, joined)
            if link.joined:
                plan.need(*(f"{link.joined}__{column}" for column in link.plan.columns))
            elif link.column is not None:
                plan.need(link.column)
        elif isinstance(bound, serializers.Serializer) and bound.source == "*":
            inline = Plan(model)
            _compile_fields(inline, bound.fields.items(), model, queryset, lookups, joined)
            plan.need(*inline.columns)
            plan.keys.append((key, "inline", inline))
        elif isinstance(bound, serializers.HyperlinkedIdentityField):
            column = model._meta.pk.attname if bound.lookup_field == "pk" else bound.lookup_field
            plan.need(column)
            plan.keys.append((key, "url", (bound.view_name, bound.lookup_url_kwarg, bound.lookup_field, column)))
        elif isinstance(bound, PortalUrlField):
            pieces, columns = portal_keys(model)
            plan.need(*columns)
            plan.keys.append((key, "portal", None))
        elif isinstance(bound, DocumentUrlField):
            plan.need(bound.source)
            plan.keys.append((key, "document", (bound.source, model._meta.get_field(bound.source).storage)))
        elif isinstance(bound, ChoiceLabelField):
            plan.need(bound.choice_field)
            plan.keys.append((key, "label", (model, bound.choice_field)))
        elif isinstance(bound, PartialDateField):
            plan.need(key, f"{key}_precision")
            plan.keys.append((key, "date", key))
        elif isinstance(bound, CountryNameField):
            plan.need(bound.source)
            plan.keys.append((key, "country", bound.source))
        elif type(bound) in (serializers.CharField, serializers.SlugField) and bound.source == "country.code":
            plan.need("country")
            plan.keys.append((key, "string", "country"))
        elif isinstance(bound, serializers.ModelField | serializers.SerializerMethodField | serializers.ReadOnlyField):
            raise Unsupported(key)
        elif "." not in bound.source and bound.source in {f.name for f in model._meta.concrete_fields}:
            column = model._meta.get_field(bound.source).attname
            plan.need(column)
            kind = "string" if type(bound) in (serializers.CharField, serializers.SlugField, serializers.ChoiceField) else "field"
            plan.keys.append((key, kind, column if kind == "string" else (column, bound)))
        else:
            raise Unsupported(key)


def _link(key: str, bound, model, lookups, joined) -> Link:
    child = bound.child if isinstance(bound, serializers.ListSerializer) else bound
    many = isinstance(bound, serializers.ListSerializer)
    source = bound.source
    prefetch = lookups.get(source)
    if prefetch is not None:
        relation = model._meta.get_field(prefetch.prefetch_through)
        related = relation.related_model
        queryset = prefetch.queryset if prefetch.queryset is not None else related._default_manager.all()
        plan = compile_plan(type(child), queryset, _nested(lookups, source))
        if relation.concrete and (relation.many_to_one or relation.one_to_one):
            plan_column = relation.attname
            return Link(key, plan, many, plan_column, None, queryset)
        if relation.one_to_many:
            back = relation.field.attname
        elif relation.many_to_many:
            back = relation.field.name if isinstance(relation, ForeignObjectRel) else relation.related_query_name()
        else:
            raise Unsupported(key)
        return Link(key, plan, many, None, back, queryset)
    if source in joined:
        filtered = joined[source]
        relation = model._meta.get_field(filtered.relation_name)
        condition = Q(*[
            (name.removeprefix(filtered.relation_name + "__").removeprefix(source + "__"), value)
            for name, value in filtered.condition.children
        ])
        queryset = relation.related_model._default_manager.filter(condition)
        plan = compile_plan(type(child), queryset)
        # Read through the queryset's own filtered join (as its select_related reads it) when nothing hangs from it.
        return Link(key, plan, False, relation.attname, None, queryset, None if plan.links else source)
    relation = model._meta.get_field(source)
    if many or not (relation.concrete and relation.many_to_one):
        raise Unsupported(key)
    # A plain forward link, joined with select_related by the selector: the record whatever its status.
    queryset = relation.related_model._base_manager.all()
    plan = compile_plan(type(child), queryset)
    return Link(key, plan, False, relation.attname, None, queryset, None if plan.links else relation.name)


_PLANS: dict[tuple, Plan | None] = {}


def plan_for(serializer_class, collection) -> Plan | None:
    """The serializer's plan over the collection's records, or None if it has a field read otherwise."""
    # By its selector too: registering a collection again under its name replaces it.
    key = (serializer_class, collection.name, collection.queryset)
    if key not in _PLANS:
        try:
            _PLANS[key] = compile_plan(serializer_class, collection.published())
        except Unsupported:
            _PLANS[key] = None
    return _PLANS[key]


# Reading ----------------------------------------------------------------------


def rows(plan: Plan, queryset):
    """The records of ``queryset`` as values, the columns ``plan`` reads."""
    return queryset.prefetch_related(None).values(*plan.columns)


def attach(plan: Plan, records: list[dict]) -> None:
    """Each link's records, one query per link for all ``records``, under the link's key."""
    for link in plan.links.values():
        if link.joined:
            pk, names = f"{link.joined}__{link.plan.model._meta.pk.attname}", link.plan.columns
            for record in records:
                record[link.key] = (
                    None if record[pk] is None else {name: record[f"{link.joined}__{name}"] for name in names}
                )
        elif link.column is not None:
            ids = {record[link.column] for record in records if record[link.column] is not None}
            found = {}
            if ids:
                linked = values_among(link, functools.partial(_forward, link), ids, link.queryset.db)
                attach(link.plan, linked)
                pk = link.plan.model._meta.pk.attname
                found = {record[pk]: record for record in linked}
            for record in records:
                record[link.key] = found.get(record[link.column])
        else:
            ids = {record[plan.model._meta.pk.attname] for record in records}
            grouped = {identifier: [] for identifier in ids}
            if ids:
                linked = values_among(link, functools.partial(_owned, link), ids, link.queryset.db)
                attach(link.plan, linked)
                for record in linked:
                    grouped[record[OWNER]].append(record)
            for record in records:
                record[link.key] = grouped[record[plan.model._meta.pk.attname]]


def _forward(link: Link, ids: list):
    return link.queryset.prefetch_related(None).filter(pk__in=ids).values(*link.plan.columns)


def _owned(link: Link, ids: list):
    return (
        link.queryset.prefetch_related(None).filter(**{f"{link.back}__in": ids})
        .values(*link.plan.columns, **{OWNER: F(link.back)})
    )


class Context:
    """What turning records into items needs from the request, reversed once per address."""

    def __init__(self, request, format=None):
        self.request = request
        self.format = format
        self.language = translation.get_language()
        self.english = page_language(self.language) == ENGLISH
        self._templates = {}

    def api_url(self, view_name: str, url_kwarg: str, value) -> str:
        text = str(value)
        if not PLAIN.fullmatch(text):
            return reverse(view_name, kwargs={url_kwarg: value}, request=self.request, format=self.format)
        template = self._templates.get(view_name)
        if template is None:
            address = reverse(view_name, kwargs={url_kwarg: SENTINELS["id"]}, request=self.request, format=self.format)
            template = self._templates[view_name] = address.split(SENTINELS["id"])
        return text.join(template)

    def portal_url(self, model, record: dict) -> str:
        key = ("portal", model)
        template = self._templates.get(key)
        if template is None:
            template = self._templates[key] = portal_keys(model)
        pieces, columns = template
        # As Django's reverse() puts a value in an address.
        values = [quote(str(record[column]), safe=RFC3986_SUBDELIMS + "/~:@") for column in columns]
        address = pieces[0] + "".join(value + piece for value, piece in zip(values, pieces[1:], strict=True))
        return self.request.build_absolute_uri(address)


def item(plan: Plan, record: dict, context: Context) -> dict:
    """The dict the serializer gives for the record."""
    data = {}
    for key, kind, argument in plan.keys:
        if kind == "string":
            value = record[argument]
            data[key] = value if value is None or type(value) is str else str(value)
        elif kind == "field":
            column, bound = argument
            value = record[column]
            data[key] = None if value is None else bound.to_representation(value)
        elif kind == "link":
            value = record[argument]
            link = plan.links[argument]
            if link.many:
                data[key] = [item(link.plan, linked, context) for linked in value]
            else:
                data[key] = None if value is None else item(link.plan, value, context)
        elif kind == "inline":
            data[key] = item(argument, record, context)
        elif kind == "url":
            view_name, url_kwarg, lookup_field, column = argument
            value = record[column]
            data[key] = None if value in (None, "") else context.api_url(view_name, url_kwarg, value)
        elif kind == "portal":
            data[key] = context.portal_url(plan.model, record)
        elif kind == "document":
            column, storage = argument
            name = record[column]
            data[key] = context.request.build_absolute_uri(storage.url(name)) if name else None
        elif kind == "label":
            model, name = argument
            value = record[name]
            data[key] = _choices(model, name, context.language).get(value, value)
        elif kind == "date":
            value = record[argument]
            if value is None:
                data[key] = None
            else:
                precision = record[f"{argument}_precision"]
                cell, display = _partial_date(value, precision, context.language)
                data[key] = {"value": cell, "precision": precision, "display": display}
        elif kind == "country":
            data[key] = country_name(record[argument])
    if plan.texts and context.english:
        return _english(plan, record, data)
    return data


@functools.lru_cache(maxsize=8192)
def _partial_date(value, precision: str, language: str) -> tuple[str, str]:
    """A partial date's cell and display in ``language`` (the active one): made once, as dates repeat."""
    return format_partial_date_cell(value, precision), format_partial_date(value, precision)


def _english(plan: Plan, record: dict, data: dict) -> dict:
    """As ``TranslatedSerializer`` answers in English: each text, its Spanish original and its language."""
    public = plan.translation_status is None or record[plan.translation_status] == TranslationStatus.REVIEWED
    answer = {}
    for key, value in data.items():
        if key in plan.texts:
            spanish = record[key] or ""
            english = record[key + SUFFIX] or ""
            if english and spanish and public:
                answer[key], language = english, ENGLISH
            else:
                answer[key], language = spanish, "es"
            answer[key + SPANISH_SUFFIX] = value
            answer[key + LANGUAGE_SUFFIX] = language
        else:
            answer[key] = value
    return answer
