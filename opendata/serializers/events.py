"""Official visits, international events and awards, as the API gives them."""

from events.models import Award, Event, Visit, VisitGuest

from .base import (
    RECORD_FIELDS,
    AgreementLinkSerializer,
    CounterpartLinkSerializer,
    EventLinkSerializer,
    FrameworkSerializer,
    RecordSerializer,
    SdgSerializer,
    ThemeLinkSerializer,
    VisitLinkSerializer,
)
from .fields import DocumentUrlField, PartialDateField, api_url, country_code_field, country_name_field, display
from .texts import TranslatedSerializer


class VisitGuestSerializer(TranslatedSerializer):
    counterpart = CounterpartLinkSerializer(source="public_counterpart", read_only=True, allow_null=True)

    class Meta:
        model = VisitGuest
        fields = ["name", "position", "counterpart"]


class VisitSerializer(RecordSerializer):
    url = api_url("visits")
    direction_display = display("direction")
    honour_display = display("honour")
    start_on = PartialDateField()
    end_on = PartialDateField()
    counterparts = CounterpartLinkSerializer(many=True, read_only=True)
    guests = VisitGuestSerializer(many=True, read_only=True)
    event = EventLinkSerializer(source="public_event", read_only=True, allow_null=True)
    report_document = DocumentUrlField()
    themes = ThemeLinkSerializer(many=True, read_only=True)

    class Meta:
        model = Visit
        fields = [
            "id", "url", "portal_url", "direction", "direction_display", "title", "start_on", "end_on",
            "counterparts", "delegation", "guests", "honour", "honour_display", "event", "purpose", "outcome",
            "expenses", "expenses_currency", "report_document", "report_delivered_on", "themes",
            *RECORD_FIELDS,
        ]


class EventSerializer(RecordSerializer):
    url = api_url("events")
    mode_display = display("mode")
    role_display = display("role")
    start_on = PartialDateField()
    end_on = PartialDateField()
    country = country_code_field()
    country_name = country_name_field()
    parent = EventLinkSerializer(source="public_parent", read_only=True, allow_null=True)
    organisers = CounterpartLinkSerializer(many=True, read_only=True)
    themes = ThemeLinkSerializer(many=True, read_only=True)
    sdgs = SdgSerializer(many=True, read_only=True)
    frameworks = FrameworkSerializer(many=True, read_only=True)
    children = EventLinkSerializer(source="public_children", many=True, read_only=True)
    visits = VisitLinkSerializer(source="public_visits", many=True, read_only=True)
    agreements = AgreementLinkSerializer(source="public_agreements", many=True, read_only=True)

    class Meta:
        model = Event
        fields = [
            "id", "url", "portal_url", "name", "mode", "mode_display", "role", "role_display",
            "start_on", "end_on", "city", "country", "country_name", "parent", "organisers",
            "participants", "participants_count", "outcome", "description", "themes", "sdgs", "frameworks",
            "children", "visits", "agreements",
            *RECORD_FIELDS,
        ]


class AwardSerializer(RecordSerializer):
    url = api_url("awards")
    direction_display = display("direction")
    category_display = display("category")
    awarded_on = PartialDateField()
    granted_by = CounterpartLinkSerializer(many=True, read_only=True)
    themes = ThemeLinkSerializer(many=True, read_only=True)
    sdgs = SdgSerializer(many=True, read_only=True)

    class Meta:
        model = Award
        fields = [
            "id", "url", "portal_url", "title", "direction", "direction_display", "category", "category_display",
            "awarded_on", "granted_by", "granted_by_text", "recognised_for", "description", "themes", "sdgs",
            *RECORD_FIELDS,
        ]
