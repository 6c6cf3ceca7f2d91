"""The search's FilterSet: the query and the kind of record, with the kind's counts."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import FacetedFilterSet

from .models import EntryKind, SearchEntry
from .selectors import entries_matching, entries_ranked
from .text import search_terms

#: Longer queries are refused with a message: no one types them, and each word costs a condition.
MAX_QUERY_LENGTH = 200


class SearchEntryFilterSet(FacetedFilterSet):
    """``q`` finds the entries holding every word of the query; ``kind``
    narrows them to one kind of record. Without a word to look for, nothing
    is found: the search never lists the whole index."""

    q = django_filters.CharFilter(
        label=_("Buscar"),
        method="filter_query",
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": _("Escriba una búsqueda de %(limit_value)d caracteres como máximo."),
        },
    )
    kind = django_filters.ChoiceFilter(
        label=_("Tipo de registro"),
        choices=EntryKind.choices,
        error_messages={"invalid_choice": _("Ese tipo de registro no existe; elija uno de la lista.")},
    )

    facet_paths = {"kind": "kind"}

    class Meta:
        model = SearchEntry
        fields = ["q", "kind"]

    def __init__(self, data=None, *args, **kwargs):
        # Always bound: without a query (even without any parameter) the search
        # finds nothing, rather than an unbound FilterSet's every entry.
        super().__init__(data if data is not None else {}, *args, **kwargs)

    @property
    def terms(self) -> list[str]:
        """The stems of the query, once the form is valid."""
        if not self.is_valid():
            return []
        return search_terms(self.form.cleaned_data.get("q") or "")

    def filter_query(self, queryset, name, value):
        return entries_matching(queryset, search_terms(value))

    def filter_queryset(self, queryset):
        if not self.terms:
            return queryset.none()
        return entries_ranked(super().filter_queryset(queryset), self.terms)

    def facets(self):
        return super().facets() if self.terms else []
