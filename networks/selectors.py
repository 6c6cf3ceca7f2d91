"""Reads of networks and of what the city holds in them, for the public."""

from django.db.models import FilteredRelation, Prefetch, Q, QuerySet

from cdmx_global.models import PublicationStatus, SustainableDevelopmentGoal, Theme

from .models import HostedOffice, Membership, Network, Position

PUBLISHED = PublicationStatus.PUBLISHED


def published_networks() -> QuerySet:
    """Published networks with their published convener (``public_convener``,
    None if the convener is not published), themes, SDGs and the city's
    published memberships, positions and hosted offices (``public_memberships``,
    ``public_positions``, ``public_offices``)."""
    return (
        Network.objects.published()
        .annotate(public_convener=FilteredRelation("convened_by", condition=Q(convened_by__status=PUBLISHED)))
        .select_related("body", "public_convener")
        .prefetch_related(
            Prefetch("themes", queryset=Theme.objects.published()),
            Prefetch("sdgs", queryset=SustainableDevelopmentGoal.objects.published()),
            Prefetch(
                "memberships", queryset=Membership.objects.published().select_related("body"),
                to_attr="public_memberships",
            ),
            Prefetch(
                "positions", queryset=Position.objects.published().select_related("body"),
                to_attr="public_positions",
            ),
            Prefetch(
                "hosted_offices",
                queryset=HostedOffice.objects.published()
                .annotate(public_host=FilteredRelation("host_body", condition=Q(host_body__status=PUBLISHED)))
                .select_related("body", "public_host"),
                to_attr="public_offices",
            ),
        )
    )


def published_network_parts(model: type[Membership | Position | HostedOffice]) -> QuerySet:
    """Published memberships, positions or offices of published networks: a
    part is shown on its network's page, so a part of an unpublished network
    has no public place."""
    return model.objects.published().filter(network__status=PUBLISHED).select_related("network")


def published_positions() -> QuerySet:
    """Published positions in published networks."""
    return published_network_parts(Position).select_related("body")


def published_memberships() -> QuerySet:
    """Published memberships in published networks."""
    return published_network_parts(Membership).select_related("body")
