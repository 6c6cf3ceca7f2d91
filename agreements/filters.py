"""The filters of the public lists of agreements and actions (and, later, of the API)."""

import django_filters
from django.db.models import FilteredRelation, Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from cdmx_global.listing import FacetedFilterSet, YearFilter
from cdmx_global.models import GovernmentBody, PublicationStatus, SustainableDevelopmentGoal, Theme
from cdmx_global.regions import Region

from .models import Action, Agreement, AgreementKind, Validity


def _country_choices() -> list[tuple[str, str]]:
    # Called on every use, so the names follow the language of the request.
    return [(country.code, country.name) for country in countries]


def _theme_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Tema"), field_name="themes", to_field_name="slug", queryset=Theme.objects.published()
    )


def _sdg_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("ODS"),
        field_name="sdgs",
        to_field_name="number",
        queryset=SustainableDevelopmentGoal.objects.published(),
    )


def _body_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Área responsable"), field_name="body", to_field_name="slug", queryset=GovernmentBody.objects.published()
    )


class AgreementFilterSet(FacetedFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Tipo de instrumento"), choices=AgreementKind.choices)
    validity = django_filters.ChoiceFilter(label=_("Vigencia"), choices=Validity.choices)
    region = django_filters.ChoiceFilter(label=_("Región"), choices=Region.choices, method="filter_counterparts")
    country = django_filters.ChoiceFilter(label=_("País"), choices=_country_choices, method="filter_counterparts")
    theme = _theme_filter()
    sdg = _sdg_filter()
    body = _body_filter()
    year = YearFilter(label=_("Año de firma"), field_name="signed_on")

    # Region and country count only published counterparts (see queryset_without).
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

    def filter_counterparts(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        """Agreements with a published counterpart in the region or country.

        A subquery rather than a join, so an agreement with two counterparts
        in the same country is listed once; a draft counterpart never makes
        its agreement match.
        """
        if not value:
            return queryset
        matching = Agreement.counterparts.through.objects.filter(
            counterpart__status=PublicationStatus.PUBLISHED, **{f"counterpart__{name}": value}
        )
        return queryset.filter(pk__in=matching.values("agreement_id"))

    def queryset_without(self, name: str) -> QuerySet:
        return (
            super()
            .queryset_without(name)
            .annotate(
                published_counterparts=FilteredRelation(
                    "counterparts", condition=Q(counterparts__status=PublicationStatus.PUBLISHED)
                )
            )
        )


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
    theme = _theme_filter()
    sdg = _sdg_filter()
    body = _body_filter()
    year = YearFilter(label=_("Año de inicio"), field_name="start_on")

    facet_paths = {
        "kind": "kind",
        "theme": "themes__slug",
        "sdg": "sdgs__number",
        "body": "body__slug",
        "year": "start_on__year",
    }

    class Meta:
        model = Action
        fields = ["kind", "theme", "sdg", "body", "year"]

