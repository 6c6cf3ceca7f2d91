"""The filters of the networks list and of the positions list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from cdmx_global.listing import (
    FacetedFilterSet,
    YearFilter,
    body_filter,
    published_related,
    sdg_filter,
    theme_filter,
)

from .models import Membership, Network, Position


class NetworkFilterSet(FacetedFilterSet):
    """``year`` is the year the city joined the network: the start year of
    one of its published memberships.

    Not "a year the city was a member": the book gives a start for 1 of its
    18 memberships and an end for none, and an open end does not say the city
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


class PositionFilterSet(FacetedFilterSet):
    """Positions by network, body and start year; memberships reuse it."""

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


class MembershipFilterSet(PositionFilterSet):
    """``year`` is the year the membership began (the year the city joined)."""

    year = YearFilter(label=_("Año de ingreso"), field_name="start_on")

    class Meta(PositionFilterSet.Meta):
        model = Membership
