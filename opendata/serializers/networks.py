"""Networks of cities and what the city holds in them, as the API gives them."""

from networks.models import HostedOffice, Membership, Network, Position

from .base import (
    RECORD_FIELDS,
    BodyLinkSerializer,
    CounterpartLinkSerializer,
    MembershipLinkSerializer,
    NetworkLinkSerializer,
    PositionLinkSerializer,
    RecordSerializer,
    SdgSerializer,
    ThemeLinkSerializer,
)
from .fields import PartialDateField, api_url, display
from .texts import TranslatedSerializer


class HostedOfficeSerializer(TranslatedSerializer):
    start_on = PartialDateField()
    end_on = PartialDateField()
    host_body = BodyLinkSerializer(source="public_host", read_only=True, allow_null=True)

    class Meta:
        model = HostedOffice
        fields = ["id", "name", "host_body", "start_on", "end_on", "notes"]


class NetworkSerializer(RecordSerializer):
    url = api_url("networks", "slug")
    scope_display = display("scope")
    convened_by = CounterpartLinkSerializer(source="public_convener", read_only=True, allow_null=True)
    themes = ThemeLinkSerializer(many=True, read_only=True)
    sdgs = SdgSerializer(many=True, read_only=True)
    memberships = MembershipLinkSerializer(source="public_memberships", many=True, read_only=True)
    positions = PositionLinkSerializer(source="public_positions", many=True, read_only=True)
    hosted_offices = HostedOfficeSerializer(source="public_offices", many=True, read_only=True)

    class Meta:
        model = Network
        fields = [
            "slug", "url", "portal_url", "name", "acronym", "scope", "scope_display", "convened_by", "description",
            "themes", "sdgs", "memberships", "positions", "hosted_offices",
            *RECORD_FIELDS,
        ]


class MembershipSerializer(RecordSerializer):
    url = api_url("memberships")
    network = NetworkLinkSerializer(read_only=True)
    start_on = PartialDateField()
    end_on = PartialDateField()

    class Meta:
        model = Membership
        fields = ["id", "url", "portal_url", "network", "role", "start_on", "end_on", "notes", *RECORD_FIELDS]


class PositionSerializer(RecordSerializer):
    url = api_url("positions")
    network = NetworkLinkSerializer(read_only=True)
    start_on = PartialDateField()
    end_on = PartialDateField()

    class Meta:
        model = Position
        fields = [
            "id", "url", "portal_url", "network", "title", "organ", "holder", "start_on", "end_on", "notes",
            *RECORD_FIELDS,
        ]
