"""Networks and what the city holds in them, in spreadsheets."""

from cdmx_global.spreadsheets.resources import RECORD_COLUMNS, RecordResource

from .models import HostedOffice, Membership, Network, Position

NETWORK_LOOKUP = ("slug", "acronym", "name")
POSITION_COLUMNS = (
    "network",
    "title",
    "organ",
    "holder",
    "start_on",
    "end_on",
    "body",
    "notes",
    *RECORD_COLUMNS,
)


class PositionResource(RecordResource):
    import_fields = POSITION_COLUMNS
    lookups = {"network": NETWORK_LOOKUP}

    class Meta(RecordResource.Meta):
        model = Position
        fields = (*POSITION_COLUMNS, "status")


class NetworkResource(RecordResource):
    """Export only, like the memberships and hosted offices below."""

    class Meta(RecordResource.Meta):
        model = Network
        fields = ("name", "acronym", "slug", "scope", "convened_by", "description", "body", "themes", "sdgs", *RECORD_COLUMNS, "status")


class MembershipResource(RecordResource):
    lookups = {"network": NETWORK_LOOKUP}

    class Meta(RecordResource.Meta):
        model = Membership
        fields = ("network", "role", "start_on", "end_on", "body", "notes", *RECORD_COLUMNS, "status")


class HostedOfficeResource(RecordResource):
    lookups = {"network": NETWORK_LOOKUP}

    class Meta(RecordResource.Meta):
        model = HostedOffice
        fields = ("network", "name", "host_body", "start_on", "end_on", "body", "notes", *RECORD_COLUMNS, "status")
