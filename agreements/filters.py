"""The filters of the public lists of agreements and actions (and, later, of the API)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import (
    FacetedFilterSet,
    YearFilter,
    body_filter,
    country_filter,
    region_filter,
    sdg_filter,
    theme_filter,
)

from .models import Action, Agreement, AgreementKind, Validity


class AgreementFilterSet(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Tipo de instrumento"), choices=AgreementKind.choices)
    validity = django_filters.ChoiceFilter(label=_("Vigencia"), choices=Validity.choices)
    # Of the published counterparts: a draft counterpart never makes its record match.
    region = region_filter()
    country = country_filter()
    theme = theme_filter()
    sdg = sdg_filter()
    body = body_filter()
    year = YearFilter(label=_("Año de firma"), field_name="signed_on")

    published_relations = ("counterparts",)
    facet_paths = {
        "kind": "kind",
        "validity": "validity",
        "region": "published_counterparts__region",
        "country": "published_counterparts__country",
        "theme": "themes__slug",
        "sdg": "sdgs__number",
        "body": "body__slug",
        "year": "signed_on__year",
    }

    class Meta:
        model = Agreement
        fields = ["kind", "validity", "region", "country", "theme", "sdg", "body", "year"]


class UnConventionFilterSet(AgreementFilterSet):
    """The agreement filters on the page of UN framework conventions, where the
    kind is always «Convenio marco» and the counterparts have no country."""

    facet_paths = {
        name: path
        for name, path in AgreementFilterSet.facet_paths.items()
        if name not in {"kind", "region", "country"}
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("kind", "region", "country"):
            del self.filters[name]


class ActionFilterSet(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Tipo de acción"), choices=Action.Kind.choices)
    # Of the published counterparts: a draft counterpart never makes its record match.
    country = country_filter()
    theme = theme_filter()
    sdg = sdg_filter()
    body = body_filter()
    year = YearFilter(label=_("Año de inicio"), field_name="start_on")

    published_relations = ("counterparts",)
    facet_paths = {
        "kind": "kind",
        "country": "published_counterparts__country",
        "theme": "themes__slug",
        "sdg": "sdgs__number",
        "body": "body__slug",
        "year": "start_on__year",
    }

    class Meta:
        model = Action
        fields = ["kind", "country", "theme", "sdg", "body", "year"]

