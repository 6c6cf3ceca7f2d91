"""Agreements in spreadsheets: the columns of the import and of the export."""

from cdmx_global.spreadsheets.resources import RECORD_COLUMNS, RecordResource

from .models import Action, Agreement

AGREEMENT_COLUMNS = (
    "code",
    "title",
    "kind",
    "purpose",
    "counterparts",
    "signatories",
    "body",
    "other_bodies",
    "sre_opinion_on",
    "sre_opinion_number",
    "sre_opinion",
    "sre_registration_number",
    "signed_on",
    "signed_place",
    "signed_period_note",
    "validity",
    "in_force_on",
    "valid_until",
    "is_indefinite",
    "ended_on",
    "end_reason",
    "renews",
    "terms",
    "amount",
    "currency",
    "modifications",
    "description",
    "themes",
    "sdgs",
    "frameworks",
    *RECORD_COLUMNS,
)


class AgreementResource(RecordResource):
    import_fields = AGREEMENT_COLUMNS
    lookups = {"renews": ("code",)}

    class Meta(RecordResource.Meta):
        model = Agreement
        fields = (*AGREEMENT_COLUMNS, "status")


class ActionResource(RecordResource):
    """Export only: actions are entered in the admin, under their agreement."""

    lookups = {"agreement": ("code",)}

    class Meta(RecordResource.Meta):
        model = Action
        fields = (
            "title",
            "kind",
            "agreement",
            "description",
            "start_on",
            "end_on",
            "place",
            "counterparts",
            "body",
            "people_reached",
            "resources",
            "amount",
            "currency",
            "results",
            "themes",
            "sdgs",
            "frameworks",
            *RECORD_COLUMNS,
            "status",
        )
