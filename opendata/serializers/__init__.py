"""How each public record reads in the API.

Every item carries its fields under English keys; each choice comes as its
code (``kind``) and its label in the request's language (``kind_display``);
each partial date as ``{"value", "precision", "display"}`` with the value at
the precision the source gives (a year stays «2014»); linked records as small
objects with their API address; its portal address; its responsible body
(Ley General de Transparencia, art. 58) and its source citation.

Linked records come from the collection's selector, which fetched only the
published ones, so nothing here can reach a draft.

An English answer gives each text in its reviewed translation where there is
one, with the Spanish original and the text's language beside it
(``texts``); a Spanish answer is the record as it is kept.

``fields`` holds the fields they share, ``base`` the links to other items and
what every record carries; one module per record area builds the rest.
"""

from .agreements import ActionSerializer, AgreementSerializer, CommitmentSerializer
from .catalogues import CounterpartSerializer, GovernmentBodySerializer, ThemeSerializer
from .events import AwardSerializer, EventSerializer, VisitGuestSerializer, VisitSerializer
from .fields import (
    ChoiceLabelField,
    CountryNameField,
    DocumentUrlField,
    PartialDateField,
    PartialDateSerializer,
    PortalUrlField,
    SourceSerializer,
)
from .networks import HostedOfficeSerializer, MembershipSerializer, NetworkSerializer, PositionSerializer
from .texts import TranslatedSerializer

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

__all__ = [
    "SERIALIZERS",
    "ActionSerializer",
    "AgreementSerializer",
    "AwardSerializer",
    "ChoiceLabelField",
    "CommitmentSerializer",
    "CounterpartSerializer",
    "CountryNameField",
    "DocumentUrlField",
    "EventSerializer",
    "GovernmentBodySerializer",
    "HostedOfficeSerializer",
    "MembershipSerializer",
    "NetworkSerializer",
    "PartialDateField",
    "PartialDateSerializer",
    "PortalUrlField",
    "PositionSerializer",
    "SourceSerializer",
    "ThemeSerializer",
    "TranslatedSerializer",
    "VisitGuestSerializer",
    "VisitSerializer",
]
