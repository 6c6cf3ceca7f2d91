"""Reads of networks and of what the city holds in them, for the public."""

from django.db.models import QuerySet

from cdmx_global.published import Link, published_condition

from .models import HostedOffice, Membership, Network, Position


def published_networks() -> QuerySet:
    """Published networks with their published convener (``public_convener``,
    None if the convener is not published), themes, SDGs and the city's
    published memberships, positions and hosted offices (``public_memberships``,
    ``public_positions``, ``public_offices``)."""
    return (
        Network.objects.published()
        .join_published(public_convener="convened_by")
        .select_related("body")
        .with_published(
            "themes",
            "sdgs",
            public_memberships=Link("memberships", select_related=("body",)),
            public_positions=Link("positions", select_related=("body",)),
            public_offices=Link(
                "hosted_offices",
                queryset=HostedOffice.objects.join_published(public_host="host_body"),
                select_related=("body",),
            ),
        )
    )


# Reads of the pages and the search that gather every kind of record.


def published_networks_alone() -> QuerySet:
    """Published networks and nothing linked to them: for counts, and for
    lines that name each one."""
    return Network.objects.published()


def member_networks() -> QuerySet:
    """The published networks the city belongs to: those with a published
    membership. A network published ahead of (or without) its membership
    record is in the register but makes no claim of belonging."""
    return Network.objects.published().filter(published_condition("memberships")).distinct()


def searchable_networks() -> QuerySet:
    """Published networks with the published records whose words they are
    found by: their convener (``public_convener``, None if not published) and themes."""
    return Network.objects.published().join_published(public_convener="convened_by").with_published("themes")


def published_network_parts(model: type[Membership | Position | HostedOffice]) -> QuerySet:
    """Published memberships, positions or offices of published networks: a
    part is shown on its network's page, so a part of an unpublished network
    has no public place."""
    return model.objects.published().filter(published_condition("network")).select_related("network")


def published_positions() -> QuerySet:
    """Published positions in published networks."""
    return published_network_parts(Position).select_related("body")


def published_memberships() -> QuerySet:
    """Published memberships in published networks."""
    return published_network_parts(Membership).select_related("body")
