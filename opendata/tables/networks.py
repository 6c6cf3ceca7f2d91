"""The tables of networks of cities and of the city's memberships and positions in them."""

from operator import attrgetter

from django.utils.translation import gettext_lazy as _

from networks.models import Membership, Network, Position

from ..rows import Link
from .base import BODY, COUNTERPART_NAME, IDENTIFIER, classification, column, linked_records, network, partial_date, record_tail, text_of

NETWORK_COLUMNS = (
    column(Network, "slug", description=_("Clave única de la red; forma parte de su dirección.")),
    column(Network, "name"),
    column(Network, "acronym"),
    column(Network, "scope"),
    column(Network, "convened_by", attribute="public_convener"),
    column(Network, "description"),
    *classification(Network, "themes", "sdgs"),
    linked_records("public_memberships", _("Membresías"), _("Tipos de membresía de la Ciudad en la red."),
                     key="memberships", label=attrgetter("role")),
    linked_records("public_positions", _("Cargos de dirección"), _("Cargos de dirección de la Ciudad en la red."),
                     key="positions", label=text_of("title")),
    linked_records("public_offices", _("Oficinas albergadas"), _("Oficinas de la red que alberga la Ciudad."),
                     key="hosted_offices", label=text_of("name")),
    *record_tail(Network),
)

MEMBERSHIP_COLUMNS = (
    IDENTIFIER,
    *network(Membership),
    column(Membership, "role"),
    *partial_date(Membership, "start_on"),
    *partial_date(Membership, "end_on"),
    column(Membership, "notes"),
    *record_tail(Membership),
)

POSITION_COLUMNS = (
    IDENTIFIER,
    *network(Position),
    column(Position, "title"),
    column(Position, "organ"),
    column(Position, "holder"),
    *partial_date(Position, "start_on"),
    *partial_date(Position, "end_on"),
    column(Position, "notes"),
    *record_tail(Position),
)

_NETWORK = Link("network", fields=("name", "slug"))
LINKS = {
    "networks": (
        BODY, Link("public_convener", "convened_by", fields=COUNTERPART_NAME), Link("themes", fields=("name",)),
        Link("sdgs", fields=("number", "name")), Link("public_memberships", "memberships", fields=("role",)),
        Link("public_positions", "positions", fields=("title",)), Link("public_offices", "hosted_offices", fields=("name",)),
    ),
    "memberships": (BODY, _NETWORK),
    "positions": (BODY, _NETWORK),
}
