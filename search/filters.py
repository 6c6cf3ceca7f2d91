"""The search's FilterSet: the query and the kind of record, with the kind's counts."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import FacetedFilterSet
from cdmx_global.translation import ENGLISH, page_language

from .models import EntryKind, SearchEntry
from .selectors import entries_matching, entries_ranked
from .text import QueryWord, query_words

#: Longer queries are refused with a message: no one types them, and each word costs a condition.
MAX_QUERY_LENGTH = 200


class SearchEntryFilterSet(FacetedFilterSet):
    """``q`` finds the entries holding every word of the query; ``kind``
    narrows them to one kind of record. Without a word to look for, nothing
    is found: the search never lists the whole index.

    On an English page each word is found by its English stem in the records'
    reviewed English texts as well as by its Spanish stem (``query_words``);
    a Spanish page finds what it always did."""

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
    def terms(self) -> list[QueryWord]:
        """The words of the query with their stems, once the form is valid."""
        if not self.is_valid():
            return []
        return self._words(self.form.cleaned_data.get("q") or "")

    @staticmethod
    def _words(query: str) -> list[QueryWord]:
        return query_words(query, english=page_language() == ENGLISH)

    def filter_query(self, queryset, name, value):
        return entries_matching(queryset, self._words(value))

    def filter_queryset(self, queryset):
        if not self.terms:
            return queryset.none()
        return entries_ranked(super().filter_queryset(queryset), self.terms)

    def facets(self):
        return super().facets() if self.terms else []
