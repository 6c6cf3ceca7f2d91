"""Counterparts, government bodies and themes: what the records are linked to
and classified by, as the API gives them."""

from rest_framework import serializers

from cdmx_global.models import Counterpart, GovernmentBody, Theme
from cdmx_global.regions import Region

from .base import (
    RECORD_FIELDS,
    ActionLinkSerializer,
    AgreementLinkSerializer,
    AwardLinkSerializer,
    EventLinkSerializer,
    NetworkLinkSerializer,
    RecordSerializer,
    VisitLinkSerializer,
)
from .fields import api_url, country_code_field, country_name_field, display
from .texts import TranslatedSerializer


class CounterpartSerializer(RecordSerializer):
    url = api_url("counterparts", "slug")
    kind_display = display("kind")
    country = country_code_field()
    country_name = country_name_field()
    region = serializers.ChoiceField(choices=Region.choices, allow_blank=True, read_only=True)
    region_display = display("region")
    agreements = AgreementLinkSerializer(many=True, read_only=True)
    actions = ActionLinkSerializer(many=True, read_only=True)
    visits = VisitLinkSerializer(many=True, read_only=True)
    events = EventLinkSerializer(many=True, read_only=True)
    awards = AwardLinkSerializer(source="awards_granted", many=True, read_only=True)
    convened_networks = NetworkLinkSerializer(many=True, read_only=True)

    class Meta:
        model = Counterpart
        fields = [
            "slug", "url", "portal_url", "name", "acronym", "kind", "kind_display",
            "country", "country_name", "region", "region_display", "is_un_system", "latitude", "longitude",
            "description", "agreements", "actions", "visits", "events", "awards", "convened_networks",
            *RECORD_FIELDS,
        ]


class GovernmentBodySerializer(TranslatedSerializer):
    url = api_url("bodies", "slug")
    kind_display = display("kind")

    class Meta:
        model = GovernmentBody
        fields = ["slug", "url", "name", "acronym", "kind", "kind_display", "updated_at"]


class ThemeSerializer(TranslatedSerializer):
    url = api_url("themes", "slug")

    class Meta:
        model = Theme
        fields = ["slug", "url", "name", "updated_at"]
