"""The filters of the networks list and of the positions list.

Also the two helpers the record lists share for filters over relations
(``published_related`` and ``RecordFilterSet``): a record's themes,
counterparts or memberships count only when they are published, and a record
linked twice to the same value is still listed and counted once.
"""

import django_filters
from django.db.models import FilteredRelation, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import FacetedFilterSet, YearFilter
from cdmx_global.models import GovernmentBody, PublicationStatus, SustainableDevelopmentGoal, Theme

from .models import Network, Position


def published_related(relation: str, lookup: str = ""):
    """A filter ``method``: the records with a published ``relation`` whose
    ``lookup`` (a path inside the related record; empty to match the related
    record itself) equals the value.

    It filters by a subquery of primary keys, so the list's query gets no join
    and no duplicate rows.
    """
    path = f"{relation}__{lookup}" if lookup else relation

    def method(queryset: QuerySet, name: str, value) -> QuerySet:
        matching = queryset.model._default_manager.filter(
            **{f"{relation}__status": PublicationStatus.PUBLISHED, path: value}
        )
        return queryset.filter(pk__in=matching.values("pk"))

    return method


class RecordFilterSet(FacetedFilterSet):
    """A FacetedFilterSet that counts its facets on the unfiltered list too,
    and whose facets over relations count only published related records.

    Without query parameters django-filter's view leaves the FilterSet
    unbound, and an unbound FilterSet is not valid, so it would show no
    facets; no data is bound here as "no filter".

    Each relation named in ``published_relations`` is joined, when a facet
    needs it, as ``published_<relation>`` (a FilteredRelation on the related
    record's status); ``facet_paths`` go through that name, e.g.
    ``"theme": "published_themes__slug"``. A record without a published
    related record has no value for the facet, so it counts for no option.
    """

    published_relations: tuple[str, ...] = ()

    def __init__(self, data=None, queryset=None, **kwargs):
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        queryset = queryset.annotate(**{
            f"published_{relation}": FilteredRelation(
                relation, condition=Q(**{f"{relation}__status": PublicationStatus.PUBLISHED})
            )
            for relation in self.published_relations
        })
        super().__init__({} if data is None else data, queryset, **kwargs)


def theme_filter(relation: str = "themes") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Tema"), queryset=Theme.objects.published(), to_field_name="slug",
        method=published_related(relation),
    )


def sdg_filter(relation: str = "sdgs") -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("ODS"), queryset=SustainableDevelopmentGoal.objects.published(), to_field_name="number",
        method=published_related(relation),
    )


def body_filter() -> django_filters.ModelChoiceFilter:
    return django_filters.ModelChoiceFilter(
        label=_("Área responsable"), queryset=GovernmentBody.objects.published(), to_field_name="slug",
    )


class NetworkFilterSet(RecordFilterSet):
    """``year`` is the year the city joined the network: the start year of
    one of its published memberships.

    Not "a year the city was a member": the book gives a start for 2 of its
    16 memberships and an end for none, and an open end does not say the city
    is still a member, so a year inside a period would claim more than the
    source says.
    """

    scope = django_filters.ChoiceFilter(label=_("Alcance"), choices=Network.Scope.choices)
    theme = theme_filter()
    sdg = sdg_filter()
    body = body_filter()
    year = YearFilter(label=_("Año de ingreso"), method=published_related("memberships", "start_on__year"))

    published_relations = ("themes", "sdgs", "memberships")
    facet_paths = {
        "scope": "scope",
        "theme": "published_themes__slug",
        "sdg": "published_sdgs__number",
        "body": "body__slug",
        "year": "published_memberships__start_on__year",
    }

    class Meta:
        model = Network
        fields = ["scope", "theme", "sdg", "body", "year"]


class PositionFilterSet(RecordFilterSet):
    network = django_filters.ModelChoiceFilter(
        label=_("Red"), queryset=Network.objects.published(), to_field_name="slug",
    )
    body = body_filter()
    year = YearFilter(label=_("Año de inicio"), field_name="start_on")

    facet_paths = {
        "network": "network__slug",
        "body": "body__slug",
        "year": "start_on__year",
    }

    class Meta:
        model = Position
        fields = ["network", "body", "year"]
