"""How each public record reads in the API.

Every item carries its fields under English keys; each choice comes as its
code (``kind``) and its label in the request's language (``kind_display``);
each partial date as ``{"value", "precision", "display"}`` with the value at
the precision the source gives (a year stays «2014»); linked records as small
objects with their API address; its portal address; its responsible body
(Ley General de Transparencia, art. 58) and its source citation.

Linked records come from the collection's selector, which fetched only the
published ones, so nothing here can reach a draft.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from agreements.models import Action, Agreement
from cdmx_global.labels import choice_label, country_name
from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from cdmx_global.partial_dates import format_partial_date
from cdmx_global.regions import Region
from cdmx_global.spreadsheets import format_partial_date_cell
from events.models import Award, Event, Visit, VisitGuest
from networks.models import HostedOffice, Membership, Network, Position


class PartialDateSerializer(serializers.Serializer):
    value = serializers.CharField(help_text=_("La fecha a la precisión de la fuente: «2014», «2014-11» o «2014-11-21»."))
    precision = serializers.ChoiceField(choices=["year", "month", "day"], help_text=_("Año, mes o día."))
    display = serializers.CharField(help_text=_("La fecha como se lee, en el idioma de la petición."))


@extend_schema_field(PartialDateSerializer(allow_null=True))
class PartialDateField(serializers.Field):
    """A partial date (``<name>`` and ``<name>_precision`` on the model), or null."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        value = getattr(instance, self.field_name)
        if value is None:
            return None
        precision = getattr(instance, f"{self.field_name}_precision")
        return {
            "value": format_partial_date_cell(value, precision),
            "precision": precision,
            "display": format_partial_date(value, precision),
        }


@extend_schema_field(OpenApiTypes.URI)
class PortalUrlField(serializers.Field):
    """The record's page on the portal, in the request's language."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return self.context["request"].build_absolute_uri(instance.get_absolute_url())


@extend_schema_field({"type": "string", "format": "uri", "nullable": True})
class DocumentUrlField(serializers.Field):
    """The address of an attached PDF (served by the portal's download view), or null."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, document):
        return self.context["request"].build_absolute_uri(document.url) if document else None


@extend_schema_field(OpenApiTypes.STR)
class ChoiceLabelField(serializers.Field):
    """The label of a choice field's value in the request's language."""

    def __init__(self, choice_field: str, **kwargs):
        self.choice_field = choice_field
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, instance):
        return choice_label(instance, self.choice_field)


def display(choice_field: str) -> ChoiceLabelField:
    return ChoiceLabelField(choice_field)


class SourceSerializer(serializers.Serializer):
    citation = serializers.CharField(source="source_citation", help_text=_("Dónde consta el dato."))
    excerpt = serializers.CharField(source="source_excerpt", help_text=_("El pasaje de la fuente que sostiene el registro."))


def source() -> SourceSerializer:
    return SourceSerializer(source="*", read_only=True)


# Links to other items --------------------------------------------------------


def api_url(collection: str, lookup_field: str = "pk") -> serializers.HyperlinkedIdentityField:
    return serializers.HyperlinkedIdentityField(view_name=f"api:{collection}-detail", lookup_field=lookup_field)


class BodyLinkSerializer(serializers.ModelSerializer):
    url = api_url("bodies", "slug")

    class Meta:
        model = GovernmentBody
        fields = ["slug", "name", "acronym", "url"]


class ThemeLinkSerializer(serializers.ModelSerializer):
    url = api_url("themes", "slug")

    class Meta:
        model = Theme
        fields = ["slug", "name", "url"]


class SdgSerializer(serializers.ModelSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = ["number", "name"]


class FrameworkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Framework
        fields = ["code", "name"]


def country_code_field() -> serializers.CharField:
    return serializers.CharField(
        source="country.code", read_only=True, help_text=_("Código ISO 3166-1 del país; vacío si no se conoce.")
    )


@extend_schema_field(OpenApiTypes.STR)
class CountryNameField(serializers.Field):
    def __init__(self, **kwargs):
        super().__init__(source="country", read_only=True, **kwargs)

    def to_representation(self, country):
        return country_name(country)


def country_name_field() -> CountryNameField:
    return CountryNameField(help_text=_("Nombre del país en el idioma de la petición."))


class CounterpartLinkSerializer(serializers.ModelSerializer):
    url = api_url("counterparts", "slug")
    country = country_code_field()
    country_name = country_name_field()

    class Meta:
        model = Counterpart
        fields = ["slug", "name", "country", "country_name", "url"]


def link_serializer(model, collection: str, lookup_field: str, label: str) -> type[serializers.ModelSerializer]:
    """A link to an item of ``collection``: its identifier, ``label`` and API address."""
    identifier = "id" if lookup_field == "pk" else lookup_field
    meta = type("Meta", (), {"model": model, "fields": [identifier, label, "url"]})
    return type(
        f"{model.__name__}LinkSerializer",
        (serializers.ModelSerializer,),
        {"url": api_url(collection, lookup_field), "Meta": meta, "__module__": __name__},
    )


AgreementLinkSerializer = link_serializer(Agreement, "agreements", "code", "title")
ActionLinkSerializer = link_serializer(Action, "actions", "pk", "title")
MembershipLinkSerializer = link_serializer(Membership, "memberships", "pk", "role")
PositionLinkSerializer = link_serializer(Position, "positions", "pk", "title")
EventLinkSerializer = link_serializer(Event, "events", "pk", "name")
VisitLinkSerializer = link_serializer(Visit, "visits", "pk", "title")
AwardLinkSerializer = link_serializer(Award, "awards", "pk", "title")


class NetworkLinkSerializer(serializers.ModelSerializer):
    url = api_url("networks", "slug")

    class Meta:
        model = Network
        fields = ["slug", "name", "acronym", "url"]


# Records ----------------------------------------------------------------------

RECORD_FIELDS = ["body", "source", "updated_at"]


class RecordSerializer(serializers.ModelSerializer):
    """What every record carries: its portal page, responsible body, source and last update."""

    portal_url = PortalUrlField()
    body = BodyLinkSerializer(read_only=True)
    source = source()


class AgreementSerializer(RecordSerializer):
    url = api_url("agreements", "code")
    kind_display = display("kind")
    validity_display = display("validity")
    sre_opinion_display = display("sre_opinion")
    end_reason_display = display("end_reason")
    counterparts = CounterpartLinkSerializer(many=True, read_only=True)
    other_bodies = BodyLinkSerializer(many=True, read_only=True)
    sre_opinion_on = PartialDateField()
    signed_on = PartialDateField()
    in_force_on = PartialDateField()
    valid_until = PartialDateField()
    ended_on = PartialDateField()
    renews = AgreementLinkSerializer(read_only=True, allow_null=True)
    renewed_by = AgreementLinkSerializer(many=True, read_only=True)
    signed_document = DocumentUrlField()
    themes = ThemeLinkSerializer(many=True, read_only=True)
    sdgs = SdgSerializer(many=True, read_only=True)
    frameworks = FrameworkSerializer(many=True, read_only=True)
    signed_at_event = EventLinkSerializer(read_only=True, allow_null=True)
    actions = ActionLinkSerializer(many=True, read_only=True)

    class Meta:
        model = Agreement
        fields = [
            "code", "url", "portal_url", "title", "kind", "kind_display", "purpose",
            "counterparts", "signatories", "other_bodies",
            "sre_opinion_on", "sre_opinion_number", "sre_opinion", "sre_opinion_display", "sre_registration_number",
            "signed_on", "signed_place", "signed_period_note",
            "validity", "validity_display", "in_force_on", "valid_until", "is_indefinite",
            "ended_on", "end_reason", "end_reason_display", "renews", "renewed_by",
            "terms", "amount", "currency", "modifications", "signed_document", "description",
            "themes", "sdgs", "frameworks", "signed_at_event", "actions",
            *RECORD_FIELDS,
        ]


class ActionSerializer(RecordSerializer):
    url = api_url("actions")
    kind_display = display("kind")
    agreement = AgreementLinkSerializer(read_only=True, allow_null=True)
    start_on = PartialDateField()
    end_on = PartialDateField()
    counterparts = CounterpartLinkSerializer(many=True, read_only=True)
    themes = ThemeLinkSerializer(many=True, read_only=True)
    sdgs = SdgSerializer(many=True, read_only=True)
    frameworks = FrameworkSerializer(many=True, read_only=True)

    class Meta:
        model = Action
        fields = [
            "id", "url", "portal_url", "title", "kind", "kind_display", "agreement", "description",
            "start_on", "end_on", "place", "counterparts", "people_reached", "resources", "amount", "currency",
            "results", "themes", "sdgs", "frameworks",
            *RECORD_FIELDS,
        ]


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


class HostedOfficeSerializer(serializers.ModelSerializer):
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


class VisitGuestSerializer(serializers.ModelSerializer):
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


class GovernmentBodySerializer(serializers.ModelSerializer):
    url = api_url("bodies", "slug")
    kind_display = display("kind")

    class Meta:
        model = GovernmentBody
        fields = ["slug", "url", "name", "acronym", "kind", "kind_display", "updated_at"]


class ThemeSerializer(serializers.ModelSerializer):
    url = api_url("themes", "slug")

    class Meta:
        model = Theme
        fields = ["slug", "url", "name", "updated_at"]


#: The serializer of each collection, by collection name.
SERIALIZERS = {
    "agreements": AgreementSerializer,
    "actions": ActionSerializer,
    "counterparts": CounterpartSerializer,
    "networks": NetworkSerializer,
    "memberships": MembershipSerializer,
    "positions": PositionSerializer,
    "visits": VisitSerializer,
    "events": EventSerializer,
    "awards": AwardSerializer,
    "bodies": GovernmentBodySerializer,
    "themes": ThemeSerializer,
}
