"""List filters the admin shares across the record apps.

The filters offer only the values present in the data, and filter through a
primary-key subquery, so a path across a to-many relation (an agreement's
counterparts) neither repeats a row in the changelist nor counts a record
twice when the admin shows facet counts.
"""

import unicodedata

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.utils import get_fields_from_path
from django.contrib.admin.views.main import ERROR_FLAG, SEARCH_VAR, ChangeList
from django.db import DataError, transaction
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from django_countries import countries


class CheckedChangeList(ChangeList):
    """A changelist that refuses, as Django refuses a lookup it cannot build,
    the filter values that would fail only when the query runs: a NUL
    character (PostgreSQL takes none in a text, ``?kind__exact=%00``) and a
    year outside the calendar (``?signed_on__year__exact=99999``)."""

    def get_queryset(self, request, exclude_parameters=None):
        # The search box's own form refuses a NUL, with its message.
        if any("\x00" in value for name, values in request.GET.lists() if name != SEARCH_VAR for value in values):
            raise IncorrectLookupParameters("NUL")
        queryset = super().get_queryset(request, exclude_parameters)
        if self.get_filters_params():
            # Some values fail only when the query is built (a year outside the
            # calendar) or run (a text for an inet column, ?ip_address=«): one
            # EXISTS, only on a filtered list, tells.
            try:
                with transaction.atomic(using=queryset.db):
                    queryset.exists()
            except (DataError, ValueError, OverflowError) as error:
                raise IncorrectLookupParameters(error) from error
        return queryset


class CheckedChangeListMixin:
    """For a ``ModelAdmin``: its list refuses unusable filter values
    (``CheckedChangeList``) and says so in the list it goes back to, unfiltered."""

    def get_changelist(self, request, **kwargs):
        return CheckedChangeList

    def get_changelist_instance(self, request):
        try:
            return super().get_changelist_instance(request)
        except IncorrectLookupParameters:
            # Django answers with the list unfiltered (``?e=1``); the message tells why.
            if ERROR_FLAG not in request.GET:
                messages.error(request, _("Un filtro de la lista tiene un valor no válido: se muestra la lista sin filtros."))
            raise


def _sort_key(text: str) -> str:
    """Alphabetical order that ignores accents: «Japón» between «Italia» and «Kenia»."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


class PathListFilter(admin.SimpleListFilter):
    """A filter over one lookup path of the model; subclasses set ``path``."""

    path: str

    def values_present(self, request, model_admin):
        return (
            model_admin.get_queryset(request)
            .prefetch_related(None)
            .order_by()
            .exclude(**{f"{self.path}__isnull": True})
            .values_list(self.path, flat=True)
            .distinct()
        )

    def filter_by(self, queryset, lookup: str, value):
        matching = queryset.model._default_manager.filter(**{lookup: value}).values("pk")
        return queryset.filter(pk__in=matching)

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return self.filter_by(queryset, self.path, self.value())


class YearListFilter(PathListFilter):
    """The year of a partial date. A date of any precision has its year, so
    ``<field>__year`` is right for all of them."""

    def __init__(self, request, params, model, model_admin):
        if self.title is None:
            self.title = format_lazy(_("año de «{}»"), model._meta.get_field(self.path).verbose_name)
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        years = sorted({value.year for value in self.values_present(request, model_admin)}, reverse=True)
        return [(str(year), str(year)) for year in years]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        try:
            year = int(self.value())
        except ValueError as error:
            raise IncorrectLookupParameters(error) from error
        return self.filter_by(queryset, f"{self.path}__year", year)


class CountryListFilter(PathListFilter):
    """Countries by name in the user's language, for a ``CountryField`` or a
    field holding ISO 3166-1 codes."""

    title = _("país")

    def lookups(self, request, model_admin):
        codes = {str(code) for code in self.values_present(request, model_admin) if code}
        named = [(code, str(countries.name(code) or code)) for code in codes]
        return sorted(named, key=lambda choice: _sort_key(choice[1]))


class ChoicesListFilter(PathListFilter):
    """The choices of a field across a relation (``counterparts__region``), those
    present only. Django's own filter for such a path counts a record once per
    related row when facets are shown; this one counts records."""

    def __init__(self, request, params, model, model_admin):
        self.field = get_fields_from_path(model, self.path)[-1]
        if self.title is None:
            self.title = self.field.verbose_name
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        present = set(self.values_present(request, model_admin))
        return [(value, label) for value, label in self.field.flatchoices if value in present]


def _filter_class(base: type[PathListFilter], path: str, parameter_name: str, title):
    attrs = {"path": path, "parameter_name": parameter_name}
    if title is not None:
        attrs["title"] = title
    name = "".join(part.title() for part in path.split("_")) + base.__name__
    return type(name, (base,), attrs)


def year_filter(field: str, title=None) -> type[YearListFilter]:
    """A filter by the year of the partial date ``field``, e.g. ``year_filter("signed_on")``;
    titled after the field's verbose name unless ``title`` is given."""
    return _filter_class(YearListFilter, field, f"{field}__year", title)


def country_filter(path: str, title=None) -> type[CountryListFilter]:
    """A filter by the country at ``path``, local (``country``) or across a
    relation (``counterparts__country``)."""
    return _filter_class(CountryListFilter, path, path, title)


def choices_filter(path: str, title=None) -> type[ChoicesListFilter]:
    """A filter by the choices of the field at ``path``, e.g. ``choices_filter("counterparts__region")``;
    titled after the field's verbose name unless ``title`` is given."""
    return _filter_class(ChoicesListFilter, path, path, title)
