"""Agreements, their commitments and the actions carried out under them, as the API gives them."""

from agreements.models import Action, Agreement, Commitment

from .base import (
    RECORD_FIELDS,
    ActionLinkSerializer,
    AgreementLinkSerializer,
    BodyLinkSerializer,
    CounterpartLinkSerializer,
    EventLinkSerializer,
    FrameworkSerializer,
    RecordSerializer,
    SdgSerializer,
    ThemeLinkSerializer,
)
from .fields import DocumentUrlField, PartialDateField, api_url, display
from .texts import TranslatedSerializer


class CommitmentSerializer(TranslatedSerializer):
    """What the parties committed to, and how its progress is measured: the
    baseline and the target in ``unit`` (decimals as strings), by ``target_date``."""

    target_date = PartialDateField()
    body = BodyLinkSerializer(source="public_body", read_only=True, allow_null=True)

    class Meta:
        model = Commitment
        fields = ["id", "objective", "text", "indicator", "unit", "baseline", "target", "target_date", "body"]


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
    commitments = CommitmentSerializer(many=True, read_only=True)
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
            "themes", "sdgs", "frameworks", "signed_at_event", "commitments", "actions",
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
