"""The published semiannual reports in the API: ``/api/v1/reports/``.

The project's router (``config.api``) registers ``ReportViewSet`` beside the
open-data collections; ``opendata`` knows nothing of reports.

A report is identified by its semester and version, ``2017-2-v1``: stable,
readable, and the same as its portal address (``/informes/2017-2/v1/``).
"""

import re

from django.core.exceptions import ValidationError as DjangoValidationError
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_field,
    extend_schema_view,
)
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.reverse import reverse

from cdmx_global.conditional import untracked
from opendata.api import (
    DETAIL,
    ERRORS,
    NOT_FOUND,
    THROTTLED,
    UPDATED_SINCE,
    PageWithoutCount,
    RequestLanguageMixin,
)
from opendata.moments import UPDATED_SINCE_PARAMETER, moment_parameter
from opendata.serializers import PortalUrlField
from opendata.serializers.base import AgreementLinkSerializer, BodyLinkSerializer
from opendata.serializers.fields import api_url, display
from opendata.serializers.texts import TranslatedSerializer

from evaluations.models import AgreementEvaluation, CommitmentProgress
from evaluations.progress import progress_percent

from .models import CongressAgreementEvaluation, CongressEvaluation, Report, ReportFile, ReportStatus
from .public_evaluations import congress_entry_anchor, evaluation_url
from .selectors import (
    correcting_version,
    published_correction_target,
    published_reports,
)

IDENTIFIER = re.compile(r"^(?P<year>\d{4})-(?P<half>[12])-v(?P<version>[1-9]\d{0,4})$")


def identifier(report: Report) -> str:
    return f"{report.semester.label}-v{report.version}"


def _api_url(report: Report | None, request) -> str | None:
    if report is None:
        return None
    return reverse("api:reports-detail", kwargs={"id": identifier(report)}, request=request)


class ReportFileSerializer(serializers.ModelSerializer):
    url = serializers.SerializerMethodField(help_text=_("La dirección de descarga del archivo en el portal."))
    sha256 = serializers.CharField(help_text=_("La huella SHA-256 del archivo, en hexadecimal."))
    size = serializers.IntegerField(help_text=_("Tamaño en bytes."))

    class Meta:
        model = ReportFile
        fields = ["format", "url", "sha256", "size"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, report_file: ReportFile) -> str:
        return self.context["request"].build_absolute_uri(report_file.get_absolute_url())


class CongressAgreementEvaluationSerializer(serializers.ModelSerializer):
    agreement = serializers.SlugRelatedField(slug_field="code", read_only=True, help_text=_("La clave del acuerdo evaluado."))

    class Meta:
        model = CongressAgreementEvaluation
        fields = ["agreement", "score", "assessment", "recommendation", "observations"]


class CongressEvaluationSerializer(serializers.ModelSerializer):
    corrects = serializers.SlugRelatedField(
        slug_field="act_number", read_only=True, allow_null=True,
        help_text=_("El número de acuerdo de la evaluación que ésta corrige, o null."),
    )
    entries = CongressAgreementEvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = CongressEvaluation
        fields = [
            "act_number", "act_date", "submitted_at", "score", "assessment", "observations",
            "corrects", "correction_note", "entries",
        ]


class ReportSerializer(serializers.ModelSerializer):
    id = serializers.SerializerMethodField(help_text=_("Semestre y versión, p. ej. «2017-2-v1»."))
    url = serializers.SerializerMethodField()
    semester = serializers.SerializerMethodField(help_text=_("El año y 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."))
    period_display = serializers.SerializerMethodField(help_text=_("El periodo como se lee, en el idioma de la petición."))
    status = serializers.ChoiceField(choices=[ReportStatus.PUBLISHED.value], read_only=True)
    corrects = serializers.SerializerMethodField(
        help_text=_("La versión que esta corrige, si también se publicó; null si no corrige a ninguna.")
    )
    corrects_version = serializers.SerializerMethodField(help_text=_("El número de la versión que esta corrige, o null."))
    corrected_by = serializers.SerializerMethodField(help_text=_("La versión publicada que corrige a esta, o null."))
    portal_url = PortalUrlField()
    files = ReportFileSerializer(many=True, read_only=True)
    congress_evaluations = CongressEvaluationSerializer(many=True, read_only=True)

    class Meta:
        model = Report
        fields = [
            "id", "url", "semester", "year", "half", "period_display", "version", "status",
            "delivered_on", "delivery_reference", "published_at",
            "corrects", "corrects_version", "correction_note", "corrected_by",
            "portal_url", "files", "congress_evaluations",
        ]

    def get_id(self, report: Report) -> str:
        return identifier(report)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, report: Report) -> str:
        return _api_url(report, self.context["request"])

    def get_semester(self, report: Report) -> str:
        return report.semester.label

    def get_period_display(self, report: Report) -> str:
        return str(report.semester)

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_corrects(self, report: Report) -> str | None:
        return _api_url(published_correction_target(report), self.context["request"])

    @extend_schema_field({"type": "integer", "nullable": True})
    def get_corrects_version(self, report: Report) -> int | None:
        return report.corrects.version if report.corrects is not None else None

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_corrected_by(self, report: Report) -> str | None:
        return _api_url(correcting_version(report), self.context["request"])


@extend_schema_view(
    list=extend_schema(
        tags=["reports"], summary=_("Informes semestrales al Congreso publicados"),
        parameters=[UPDATED_SINCE],
        responses={200: ReportSerializer(many=True), 400: ERRORS, 429: THROTTLED},
    ),
    retrieve=extend_schema(
        tags=["reports"], summary=_("Un informe semestral publicado"),
        parameters=[
            OpenApiParameter(
                "id", OpenApiTypes.STR, OpenApiParameter.PATH,
                description=_("Semestre y versión: el año, 1 (enero–junio) o 2 (julio–diciembre) y la versión, p. ej. «2017-2-v1»."),
            ),
        ],
        responses={200: ReportSerializer, 404: DETAIL, 429: THROTTLED},
    ),
)
class ReportViewSet(RequestLanguageMixin, viewsets.ReadOnlyModelViewSet):
    """The semiannual reports to Congress: every published version, newest
    first, with its files and their SHA-256 and the Congress's evaluations."""

    serializer_class = ReportSerializer
    pagination_class = PageWithoutCount
    lookup_url_kwarg = "id"
    # Any segment reaches the view, so a malformed identifier gets the API's JSON 404.
    lookup_value_regex = r"[^/]+"

    def get_queryset(self):
        return published_reports()

    def finalize_response(self, request, response, *args, **kwargs):
        # Reports are not in the public change log: no Last-Modified (cdmx_global.conditional).
        return untracked(super().finalize_response(request, response, *args, **kwargs))

    def filter_queryset(self, queryset):
        """``updated_since`` on the list: a published report is frozen (a
        correction is a new version), so its row last changed when it was published."""
        queryset = super().filter_queryset(queryset)
        if self.action != "list":
            return queryset
        try:
            since = moment_parameter(self.request.query_params, UPDATED_SINCE_PARAMETER)
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error
        return queryset if since is None else queryset.filter(published_at__gte=since)

    def get_object(self):
        match = IDENTIFIER.match(self.kwargs[self.lookup_url_kwarg])
        report = match and self.get_queryset().filter(
            year=int(match["year"]), half=int(match["half"]), version=int(match["version"])
        ).first()
        if not report:
            raise NotFound(NOT_FOUND)
        return report


# The public evaluations: ``/api/v1/evaluations/`` and ``/api/v1/congress-evaluations/``,
# served by opendata's collections (``reports.open_data`` registers them).

DECIMAL_OR_NULL = {"type": "string", "format": "decimal", "nullable": True}


class CommitmentProgressSerializer(serializers.ModelSerializer):
    """A commitment's value reached by the end of the semester, against its target."""

    commitment = serializers.IntegerField(
        source="commitment_id", read_only=True, help_text=_("El número del compromiso (descarga de compromisos).")
    )
    objective = serializers.CharField(source="commitment.objective", read_only=True)
    indicator = serializers.CharField(source="commitment.indicator", read_only=True)
    unit = serializers.CharField(source="commitment.unit", read_only=True)
    baseline = serializers.DecimalField(
        source="commitment.baseline", max_digits=14, decimal_places=2, read_only=True, allow_null=True
    )
    target = serializers.DecimalField(
        source="commitment.target", max_digits=14, decimal_places=2, read_only=True, allow_null=True
    )
    progress_percent = serializers.SerializerMethodField(
        help_text=_(
            "(valor alcanzado − línea base) ÷ (meta − línea base) × 100, con un decimal; null sin meta o sin valor."
        )
    )

    class Meta:
        model = CommitmentProgress
        fields = ["commitment", "objective", "indicator", "unit", "baseline", "target", "value", "progress_percent", "note"]

    @extend_schema_field(DECIMAL_OR_NULL)
    def get_progress_percent(self, progress: CommitmentProgress) -> str | None:
        commitment = progress.commitment
        percent = progress_percent(commitment.baseline, commitment.target, progress.value)
        return None if percent is None else str(percent)


class SemesterMixin(serializers.Serializer):
    semester = serializers.SerializerMethodField(help_text=_("El año y 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."))
    semester_display = serializers.SerializerMethodField(help_text=_("El semestre como se lee, en el idioma de la petición."))

    def semester_of(self, record):
        return record.semester

    def get_semester(self, record) -> str:
        return self.semester_of(record).label

    def get_semester_display(self, record) -> str:
        return str(self.semester_of(record))


class EvaluationSerializer(SemesterMixin, TranslatedSerializer):
    """The government's evaluation of an agreement for a semester, approved by CGAI."""

    url = api_url("evaluations")
    portal_url = serializers.SerializerMethodField(help_text=_("La evaluación en la página del acuerdo."))
    agreement = AgreementLinkSerializer(read_only=True)
    body = BodyLinkSerializer(source="agreement.body", read_only=True, help_text=_("El área responsable del acuerdo."))
    recommendation_display = display("recommendation")
    approved_at = serializers.DateTimeField(source="reviewed_at", read_only=True, help_text=_("Cuándo la aprobó la CGAI."))
    progress = CommitmentProgressSerializer(many=True, read_only=True)

    class Meta:
        model = AgreementEvaluation
        fields = [
            "id", "url", "portal_url", "agreement", "body", "semester", "semester_display", "year", "half",
            "people_reached", "resources", "amount", "currency", "exchanges", "projects",
            "advantages", "benefits", "results", "difficulties", "recommendation", "recommendation_display",
            "approved_at", "progress",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_portal_url(self, evaluation: AgreementEvaluation) -> str:
        return self.context["request"].build_absolute_uri(evaluation_url(evaluation.agreement, evaluation.semester))


class CorrectionSerializer(serializers.Serializer):
    congress_evaluation = serializers.IntegerField(source="correction_id")
    act_number = serializers.CharField(source="correction_act_number")
    act_date = serializers.DateField(source="correction_act_date")


class CongressEntrySerializer(SemesterMixin, serializers.ModelSerializer):
    """The Congress's evaluation of an agreement, in an evaluation it submitted on a published report."""

    url = api_url("congress-evaluations")
    portal_url = serializers.SerializerMethodField(help_text=_("La evaluación en la página del informe."))
    agreement = AgreementLinkSerializer(read_only=True)
    body = BodyLinkSerializer(source="agreement.body", read_only=True, help_text=_("El área responsable del acuerdo."))
    report = serializers.SerializerMethodField(help_text=_("El informe evaluado: semestre y versión, p. ej. «2017-2-v1»."))
    report_url = serializers.SerializerMethodField(help_text=_("El informe evaluado en la API."))
    congress_evaluation = serializers.IntegerField(
        source="evaluation_id", read_only=True, help_text=_("El número de la evaluación del Congreso de la que es parte.")
    )
    act_number = serializers.CharField(source="evaluation.act_number", read_only=True)
    act_date = serializers.DateField(source="evaluation.act_date", read_only=True)
    submitted_at = serializers.DateTimeField(source="evaluation.submitted_at", read_only=True)
    recommendation_display = display("recommendation")
    corrects = serializers.CharField(
        source="evaluation.corrects.act_number", read_only=True, allow_null=True, default=None,
        help_text=_("El número de acuerdo de la evaluación que ésta corrige, o null."),
    )
    correction_note = serializers.CharField(source="evaluation.correction_note", read_only=True)
    corrected_by = serializers.SerializerMethodField(
        help_text=_("La evaluación enviada del Congreso que corrige a ésta, o null.")
    )

    class Meta:
        model = CongressAgreementEvaluation
        fields = [
            "id", "url", "portal_url", "agreement", "body", "report", "report_url", "semester", "semester_display",
            "congress_evaluation", "act_number", "act_date", "submitted_at", "score", "assessment",
            "recommendation", "recommendation_display", "observations", "corrects", "correction_note", "corrected_by",
        ]

    def semester_of(self, entry):
        return entry.evaluation.report.semester

    @extend_schema_field(OpenApiTypes.URI)
    def get_portal_url(self, entry) -> str:
        return self.context["request"].build_absolute_uri(congress_entry_anchor(entry))

    def get_report(self, entry) -> str:
        return identifier(entry.evaluation.report)

    @extend_schema_field(OpenApiTypes.URI)
    def get_report_url(self, entry) -> str:
        return _api_url(entry.evaluation.report, self.context["request"])

    @extend_schema_field(CorrectionSerializer(allow_null=True))
    def get_corrected_by(self, entry) -> dict | None:
        return CorrectionSerializer(entry).data if entry.correction_id else None

