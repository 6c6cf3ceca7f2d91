"""The filters of the events, visits and awards lists."""

import django_filters
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import (
    FacetedFilterSet,
    YearFilter,
    body_filter,
    country_choices,
    country_filter,
    region_filter,
    sdg_filter,
    theme_filter,
)
from cdmx_global.regions import REGION_BY_COUNTRY, Region

from .models import Award, Event, Visit


def countries_of(region: str) -> list[str]:
    return [code for code, code_region in REGION_BY_COUNTRY.items() if code_region == region]


class EventFilterSet(FacetedFilterSet):
    """``region`` is the region of the event's country: events have no region
    column, so it filters by the region's countries and its facet folds the
    counts per country into regions."""

    mode = django_filters.ChoiceFilter(label=_("Modalidad"), choices=Event.Mode.choices)
    role = django_filters.ChoiceFilter(label=_("Papel de la Ciudad"), choices=Event.Role.choices)
    region = django_filters.ChoiceFilter(label=_("Región"), choices=Region.choices, method="filter_region")
    country = django_filters.ChoiceFilter(label=_("País"), choices=country_choices)
    theme = theme_filter()
    sdg = sdg_filter()
    body = body_filter()
    year = YearFilter(field_name="start_on")

    published_relations = ("themes", "sdgs")
    facet_paths = {
        "mode": "mode",
        "role": "role",
        "region": "country",
        "country": "country",
        "theme": "published_themes__slug",
        "sdg": "published_sdgs__number",
        "body": "body__slug",
        "year": "start_on__year",
    }

    class Meta:
        model = Event
        fields = ["mode", "role", "region", "country", "theme", "sdg", "body", "year"]

    def filter_region(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        return queryset.filter(country__in=countries_of(value))

    def _counts(self, name: str, path: str) -> dict[str, int]:
        if name != "region":
            return super()._counts(name, path)
        # Grouped by country (the facet's path); an event has one country, so
        # the regions' sums count each event once.
        counts: dict[str, int] = {}
        for country, count in self._facet_rows[name]:
            region = REGION_BY_COUNTRY.get(country)
            if region:
                counts[region] = counts.get(region, 0) + count
        return counts


class VisitFilterSet(FacetedFilterSet):
    """``region`` and ``country`` are those of the visit's published
    counterparts (destinations of a trip, origin of a guest)."""

    direction = django_filters.ChoiceFilter(label=_("Tipo de visita"), choices=Visit.Direction.choices)
    # Of the published counterparts: a draft counterpart never makes its record match.
    region = region_filter()
    country = country_filter()
    theme = theme_filter()
    body = body_filter()
    year = YearFilter(field_name="start_on")

    published_relations = ("counterparts", "themes")
    facet_paths = {
        "direction": "direction",
        "region": "published_counterparts__region",
        "country": "published_counterparts__country",
        "theme": "published_themes__slug",
        "body": "body__slug",
        "year": "start_on__year",
    }

    class Meta:
        model = Visit
        fields = ["direction", "region", "country", "theme", "body", "year"]


class AwardFilterSet(FacetedFilterSet):
    """``country`` is that of the award's published granting counterparts."""

    direction = django_filters.ChoiceFilter(label=_("Sentido"), choices=Award.Direction.choices)
    category = django_filters.ChoiceFilter(label=_("Categoría"), choices=Award.Category.choices)
    # Of the published grantors: a draft counterpart never makes its award match.
    country = country_filter("granted_by")
    theme = theme_filter()
    sdg = sdg_filter()
    body = body_filter()
    year = YearFilter(field_name="awarded_on")

    published_relations = ("granted_by", "themes", "sdgs")
    facet_paths = {
        "direction": "direction",
        "category": "category",
        "country": "published_granted_by__country",
        "theme": "published_themes__slug",
        "sdg": "published_sdgs__number",
        "body": "body__slug",
        "year": "awarded_on__year",
    }

    class Meta:
        model = Award
        fields = ["direction", "category", "country", "theme", "sdg", "body", "year"]
