"""What the record serializers are built from: links to other items (their
identifier, name and API address) and what every record carries."""

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart, Framework, GovernmentBody, SustainableDevelopmentGoal, Theme
from events.models import Award, Event, Visit
from networks.models import Membership, Network, Position

from .fields import PortalUrlField, api_url, country_code_field, country_name_field, source
from .texts import TranslatedSerializer

# Links to other items --------------------------------------------------------


class BodyLinkSerializer(TranslatedSerializer):
    url = api_url("bodies", "slug")

    class Meta:
        model = GovernmentBody
        fields = ["slug", "name", "acronym", "url"]


class ThemeLinkSerializer(TranslatedSerializer):
    url = api_url("themes", "slug")

    class Meta:
        model = Theme
        fields = ["slug", "name", "url"]


class SdgSerializer(TranslatedSerializer):
    class Meta:
        model = SustainableDevelopmentGoal
        fields = ["number", "name"]


class FrameworkSerializer(TranslatedSerializer):
    class Meta:
        model = Framework
        fields = ["code", "name"]


class CounterpartLinkSerializer(TranslatedSerializer):
    url = api_url("counterparts", "slug")
    country = country_code_field()
    country_name = country_name_field()

    class Meta:
        model = Counterpart
        fields = ["slug", "name", "country", "country_name", "url"]


def link_serializer(model, collection: str, lookup_field: str, label: str) -> type[TranslatedSerializer]:
    """A link to an item of ``collection``: its identifier, ``label`` and API address."""
    identifier = "id" if lookup_field == "pk" else lookup_field
    meta = type("Meta", (), {"model": model, "fields": [identifier, label, "url"]})
    return type(
        f"{model.__name__}LinkSerializer",
        (TranslatedSerializer,),
        {"url": api_url(collection, lookup_field), "Meta": meta, "__module__": __name__},
    )


AgreementLinkSerializer = link_serializer(Agreement, "agreements", "code", "title")
ActionLinkSerializer = link_serializer(Action, "actions", "pk", "title")
MembershipLinkSerializer = link_serializer(Membership, "memberships", "pk", "role")
PositionLinkSerializer = link_serializer(Position, "positions", "pk", "title")
EventLinkSerializer = link_serializer(Event, "events", "pk", "name")
VisitLinkSerializer = link_serializer(Visit, "visits", "pk", "title")
AwardLinkSerializer = link_serializer(Award, "awards", "pk", "title")


class NetworkLinkSerializer(TranslatedSerializer):
    url = api_url("networks", "slug")

    class Meta:
        model = Network
        fields = ["slug", "name", "acronym", "url"]


# Records ----------------------------------------------------------------------

RECORD_FIELDS = ["body", "source", "updated_at"]


class RecordSerializer(TranslatedSerializer):
    """What every record carries: its portal page, responsible body, source and last update."""

    portal_url = PortalUrlField()
    body = BodyLinkSerializer(read_only=True)
    source = source()
