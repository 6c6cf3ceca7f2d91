"""What every public list shares: a FilterSet that counts its options, and the
view that shows the filtered, paginated records with those counts.

Each public model has one FilterSet (in its app's ``filters.py``), used by the
portal's list and later by the API. A FilterSet declares which of its filters
are *facets*: for each, the list shows every option with the number of records
it would give, counted with the other filters applied. One statement counts
every facet (``facetcounts``), whatever the number of records.
"""

import copy
from collections import OrderedDict
from dataclasses import dataclass

import django_filters
from django import forms
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Q, QuerySet
from django.http import HttpResponseBadRequest
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.constants import EMPTY_VALUES
from django_filters.filters import FilterMethod
from django_filters.views import FilterView
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from .facetcounts import facet_rows
from .feeds import FEED_FORMAT, FORMAT_PARAMETER, ListFeed, RecordFeedItems, feed_query_string, with_withdrawals
from .models import GovernmentBody, SustainableDevelopmentGoal, Theme
from .published import published_condition, published_relation
from .regions import Region


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facet:
    name: str
    label: str
    options: list[FacetOption]

    @property
    def selected(self) -> FacetOption | None:
        return next((option for option in self.options if option.selected), None)

    @property
    def removal(self) -> dict:
        """Query-string changes that drop this facet (and go back to the first page)."""
        return {self.name: None, "page": None}


@extend_schema_field({"type": "integer", "minimum": 1900, "maximum": 2199})
class YearFilter(django_filters.NumberFilter):
    """The year of a (partial) date: any precision has a year."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("lookup_expr", "year")
        kwargs.setdefault("label", _("Año"))
        super().__init__(*args, **kwargs)
        self.extra.setdefault("min_value", 1900)
        self.extra.setdefault("max_value", 2200)
        self.extra.setdefault("error_messages", {
            "invalid": _("Escriba el año con cuatro cifras, p. ej. 2016."),
            "min_value": _("Escriba un año a partir de 1900."),
            "max_value": _("Escriba un año anterior a 2200."),
        })


def country_choices() -> list[tuple[str, str]]:
    """Every country, named and sorted in the active language (read when the
    form is built; a facet keeps only the countries with records)."""
    return list(countries)


def published_related(relation: str, lookup: str = ""):
    """A filter ``method``: the records with a published ``relation`` whose
    ``lookup`` (a path inside the related record; empty to match the related
    record itself) equals the value.

    It filters by a subquery of primary keys, so the list's query gets no join
    and no duplicate rows, and a draft related record never makes a record match.
    Over a many-to-many relation the subquery reads the link table and the
    related records only (the records' own table is already the list's).
    """
    def method(queryset: QuerySet, name: str, value) -> QuerySet:
        return queryset.filter(pk__in=_matching_keys(queryset.model, relation, lookup, value))

    return method


def _matching_keys(model, relation: str, lookup: str, value) -> QuerySet:
    """The keys of the ``model`` records with a published ``relation`` whose ``lookup`` equals ``value``."""
    field = model._meta.get_field(relation)
    if field.many_to_many and not field.auto_created:  # declared on ``model``: its link table has both keys
        target = field.m2m_reverse_field_name()
        links = field.remote_field.through._default_manager.filter(
            published_condition(target), **{f"{target}__{lookup}" if lookup else target: value}
        )
        return links.values(field.m2m_field_name())
    path = f"{relation}__{lookup}" if lookup else relation
    return model._default_manager.filter(published_condition(relation), **{path: value}).values("pk")


# A filter with a ``method`` tells the API schema nothing of its values;
# extend_schema_field states their type (and, for choices, the codes).


def theme_filter(relation: str = "themes") -> django_filters.ModelChoiceFilter:
    """A published theme, by its key (slug)."""
    return extend_schema_field(OpenApiTypes.STR)(django_filters.ModelChoiceFilter(
        label=_("Tema"), queryset=Theme.objects.published(), to_field_name="slug",
        method=published_related(relation),
    ))


def sdg_filter(relation: str = "sdgs") -> django_filters.ModelChoiceFilter:
    """A published ODS, by its number."""
    return extend_schema_field({"type": "integer", "minimum": 1, "maximum": 17})(django_filters.ModelChoiceFilter(
        label=_("ODS"), queryset=SustainableDevelopmentGoal.objects.published(), to_field_name="number",
        method=published_related(relation),
    ))


def region_filter(relation: str = "counterparts") -> django_filters.ChoiceFilter:
    """The region of the record's published counterparts."""
    return extend_schema_field({"type": "string", "enum": Region.values})(django_filters.ChoiceFilter(
        label=_("Región"), choices=Region.choices, method=published_related(relation, "region")
    ))


def country_filter(relation: str = "counterparts") -> django_filters.ChoiceFilter:
    """The country of the record's published counterparts, by its ISO 3166-1 code."""
    return extend_schema_field({"type": "string", "enum": list(countries.countries)})(django_filters.ChoiceFilter(
        label=_("País"), choices=country_choices, method=published_related(relation, "country")
    ))


def body_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Área responsable"), queryset=GovernmentBody.objects.published(), to_field_name="slug",
    )


def _many_valued(queryset: QuerySet, path: str) -> bool:
    """Whether ``path`` from the queryset's model crosses a relation that may
    give a record several rows (many-to-many or reverse foreign key)."""
    model = queryset.model
    names = path.split("__")
    while names and model is not None:
        name = names.pop(0)
        filtered = queryset.query._filtered_relations.get(name)
        if filtered is not None:
            names = filtered.relation_name.split("__") + names
            continue
        try:
            field = model._meta.get_field(name)
        except FieldDoesNotExist:
            return True  # a transform or an annotation: say yes, and count each record once
        if field.many_to_many or field.one_to_many:
            return True
        model = field.related_model
    return False


class DeclaredFilters(OrderedDict):
    """A FilterSet's ``base_filters``, which django-filter deep-copies for each
    FilterSet it builds: here each filter is copied shallowly instead, with its
    own ``extra`` and its ``method`` bound to the copy, since a FilterSet sets
    only ``model`` and ``parent`` on its filters (and a filter caches its
    ``label``, its ``field`` and, for a queryset filter, ``extra["queryset"]``).
    A deep copy also cloned every queryset a filter holds, on every request."""

    def __deepcopy__(self, memo):
        return OrderedDict((name, _filter_copy(filter_)) for name, filter_ in self.items())


def _filter_copy(filter_: django_filters.Filter) -> django_filters.Filter:
    copied = copy.copy(filter_)
    copied.extra = filter_.extra.copy()
    if isinstance(copied.__dict__.get("filter"), FilterMethod):
        copied.method = filter_.method  # a new FilterMethod, whose filter (and parent) is the copy
    return copied


#: Each FilterSet's form class, by FilterSet class, filter names and language
#: (a label django-filter makes from the model is a plain string). django-filter
#: builds the class, and a form field per filter, for every FilterSet; the form
#: class holds no request's data (each form copies its fields, and a model
#: choice field its queryset), so one per key serves every request.
_FORM_CLASSES: dict[tuple, type] = {}


class FacetedFilterSet(django_filters.FilterSet):
    """A FilterSet whose facets count their options.

    ``facet_paths`` maps a filter's name to the path whose values it matches,
    e.g. ``{"kind": "kind", "theme": "published_themes__slug", "year": "signed_on__year"}``.

    Each relation named in ``published_relations`` is joined, when a facet
    needs it, as ``published_<relation>`` (``published_relation``: joined
    only where the related record is published), so a facet over it counts
    only published related records; a record without one counts for no option.

    Without data the FilterSet is bound to an empty query (no filter), so it
    is valid and its facets count the whole list.
    """

    facet_paths: dict[str, str] = {}
    published_relations: tuple[str, ...] = ()

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        queryset = queryset.annotate(**{
            f"published_{relation}": published_relation(relation) for relation in self.published_relations
        })
        super().__init__({} if data is None else data, queryset, **kwargs)
        self._record_counts: dict[str, dict[str, int]] = {}
        self._facet_rows: dict[str, list[tuple[object, int]]] = {}

    @classmethod
    def get_filters(cls):
        return DeclaredFilters(super().get_filters())

    def get_form_class(self):
        if any(callable(getattr(filter_, "queryset", None)) for filter_ in self.filters.values()):
            return super().get_form_class()  # a queryset made from the request: a form of its own
        key = (type(self), tuple(self.filters), get_language())
        form_class = _FORM_CLASSES.get(key)
        if form_class is None:
            form_class = _FORM_CLASSES[key] = super().get_form_class()
        return form_class

    def queryset_without(self, name: str) -> QuerySet:
        """The records every active filter but ``name`` lets through."""
        queryset = self.queryset.all()
        for filter_name, value in self.form.cleaned_data.items():
            if filter_name != name:
                queryset = self.filters[filter_name].filter(queryset, value)
        return queryset

    def facets(self) -> list[Facet]:
        if not self.is_valid():
            return []
        if self.facet_paths:
            active = {name: value for name, value in self.form.cleaned_data.items() if value not in EMPTY_VALUES}
            # A filter without a facet applies to every facet's records: it narrows them all at once.
            records = self.queryset.all()
            for name, value in active.items():
                if name not in self.facet_paths:
                    records = self.filters[name].filter(records, value)
            self._facet_rows, once = facet_rows(
                records,
                {name: self._passes(name, value) for name, value in active.items() if name in self.facet_paths},
                self.facet_paths,
                lambda path: _many_valued(records, path),
                self.queryset_without,
            )
            # Where each record is in one group, the counts add up to the records.
            self._record_counts = {
                name: {str(value): count for value, count in self._facet_rows[name]} for name in once
            }
        return [self._facet(name, path) for name, path in self.facet_paths.items()]

    def _passes(self, name: str, value) -> QuerySet | Q:
        """What the active filter ``name`` lets through: a plain choice over the record's own
        column as its condition on the row, any other filter as the records it keeps."""
        chosen = self.filters[name]
        if _plain_choice(chosen) and "__" not in chosen.field_name:
            return Q(**{f"{chosen.field_name}__{chosen.lookup_expr}": None if value == chosen.null_value else value})
        return chosen.filter(self.queryset.all(), value)

    def _counts(self, name: str, path: str) -> dict[str, int]:
        """The options of the facet ``name`` (over ``path``) with their numbers of records."""
        return {str(value): count for value, count in self._facet_rows[name] if value not in (None, "")}

    def known_count(self) -> int | None:
        """The number of records the list shows, when the facets already
        counted them (``facets()`` first): the sum of a facet counted over the
        list's own records (its filter unused), or the count of the chosen
        option of a plain choice over the facet's own column. ``None`` otherwise."""
        for name, counts in self._record_counts.items():
            value = self.form.cleaned_data.get(name)
            if value in EMPTY_VALUES:
                return sum(counts.values())
            chosen = self.filters[name]
            if _plain_choice(chosen) and chosen.field_name == self.facet_paths[name] and value != chosen.null_value:
                return counts.get(str(value), 0)
        return None

    def _facet(self, name: str, path: str) -> Facet:
        counts = self._counts(name, path)
        selected = self.form.data.get(name, "") if self.is_bound else ""
        field = self.form.fields[name]
        choices = getattr(field, "choices", None)
        if choices is None:
            # Free values (years): the options are the values present, newest first.
            values = sorted(counts, reverse=True)
            labelled = [(value, value) for value in values]
        elif isinstance(field, forms.ModelChoiceField):
            # The field's instances in one plain query: its own choices read them through a
            # server-side cursor (three round trips for a few dozen themes or areas).
            labelled = [(str(field.prepare_value(obj)), str(field.label_from_instance(obj))) for obj in field.queryset]
        else:
            labelled = [(str(value), str(label)) for value, label in choices if str(value) != ""]
        options = [
            FacetOption(value=value, label=label, count=counts.get(value, 0), selected=value == str(selected))
            for value, label in labelled
            if counts.get(value) or value == str(selected)
        ]
        return Facet(name=name, label=str(field.label), options=options)


def _plain_choice(chosen: django_filters.Filter) -> bool:
    """A choice that keeps the records whose field is the value chosen, and nothing else."""
    return (
        type(chosen) is django_filters.ChoiceFilter and chosen.method is None and not chosen.exclude
        and chosen.lookup_expr == "exact"
    )


class RecordListView(RecordFeedItems, FilterView):
    """A public list: published records, filtered by the model's FilterSet,
    paginated, with the facets' counts.

    Subclasses give ``filterset_class`` and ``get_queryset()`` (a selector
    over published records with what the page shows already fetched).
    """

    paginate_by = 25
    strict = True

    def get(self, request, *args, **kwargs):
        if request.GET.get(FORMAT_PARAMETER) == FEED_FORMAT:
            return self.feed_response()
        return super().get(request, *args, **kwargs)

    def feed_response(self):
        """The Atom feed of the list's first page, or 400 with the list's own
        messages when a filter is not valid."""
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_valid():
            errors = " ".join(error for errors in self.filterset.form.errors.values() for error in errors)
            return HttpResponseBadRequest(errors, content_type="text/plain; charset=utf-8")
        size = self.get_paginate_by(self.filterset.qs)
        first_page = self.filterset.qs[:size]
        if not any(self.filterset.form.data.get(name) for name in self.filterset.filters):
            # The whole list's feed also announces its kind's withdrawals (a filtered one cannot
            # tell whether a withdrawn record matched its filters without showing its fields).
            first_page = with_withdrawals(first_page, self.filterset.queryset.model, size)
        return ListFeed(self, first_page)(self.request)

    def feed_title(self) -> str:
        records = capfirst(self.filterset.queryset.model._meta.verbose_name_plural)
        if any(self.filterset.form.data.get(name) for name in self.filterset.filters):
            return gettext("CDMX Global: %(records)s (con filtros)") % {"records": records}
        return gettext("CDMX Global: %(records)s") % {"records": records}

    def feed_link(self) -> str:
        query = self.request.GET.copy()
        query.pop(FORMAT_PARAMETER, None)
        return f"{self.request.path}?{query.urlencode()}" if query else self.request.path

    def get_filterset_kwargs(self, filterset_class):
        # Bound even without a query string, so a list's first page shows its
        # facets (django-filter leaves an empty query unbound, hence invalid).
        return {**super().get_filterset_kwargs(filterset_class), "data": self.request.GET}

    def get_paginator(self, queryset, *args, **kwargs):
        paginator = super().get_paginator(queryset, *args, **kwargs)
        known = self.filterset.known_count()
        if known is not None:
            paginator.count = known  # one COUNT query less
        return paginator

    def get_context_data(self, **kwargs):
        facets = self.filterset.facets()  # before the paginator, which may read its count from them
        context = super().get_context_data(**kwargs)
        context["facets"] = facets
        context["result_count"] = context["paginator"].count if context.get("paginator") else len(self.object_list)
        context["is_filtered"] = any(self.filterset.form.data.get(name) for name in self.filterset.filters)
        context["feed_url"] = f"{self.request.path}?{feed_query_string(self.request.GET)}"
        context["feed_title"] = self.feed_title()
        return context
