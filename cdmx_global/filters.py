"""The FilterSets of the models every app shares, used by the portal and the API."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .listing import FacetedFilterSet, country_choices
from .models import Counterpart, GovernmentBody
from .regions import Region

YES_NO = (("true", _("Sí")), ("false", _("No")))


class CounterpartFilterSet(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Tipo"), choices=Counterpart.Kind.choices)
    region = django_filters.ChoiceFilter(label=_("Región"), choices=Region.choices)
    country = django_filters.ChoiceFilter(label=_("País"), choices=country_choices)
    # «true»/«false» rather than a BooleanFilter, so the facet shows «Sí»/«No»
    # with counts and the API parameter reads the same.
    un_system = django_filters.ChoiceFilter(
        label=_("Sistema de Naciones Unidas"), choices=YES_NO, method="filter_un_system"
    )

    facet_paths = {"kind": "kind", "region": "region", "country": "country", "un_system": "is_un_system"}

    class Meta:
        model = Counterpart
        fields = ["kind", "region", "country", "un_system"]

    def filter_un_system(self, queryset, name, value):
        return queryset.filter(is_un_system=value == "true")

    def _counts(self, name: str, path: str) -> dict[str, int]:
        counts = super()._counts(name, path)
        if name == "un_system":
            # The database gives booleans; the options are «true»/«false».
            return {str(key == "True").lower(): count for key, count in counts.items()}
        return counts


class GovernmentBodyFilterSet(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Tipo"), choices=GovernmentBody.Kind.choices)

    facet_paths = {"kind": "kind"}

    class Meta:
        model = GovernmentBody
        fields = ["kind"]
