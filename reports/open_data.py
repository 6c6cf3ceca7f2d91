"""The public evaluations as open-data collections: ``/api/v1/evaluations/``
and ``/api/v1/congress-evaluations/``, their downloads
(``/datos/evaluations.csv`` …) and their resources in the data package.

``opendata`` knows nothing of reports: ``register()``, called from
``ReportsConfig.ready()``, hands it the collections, their serializers and
their columns (``opendata.registry``).
"""

from operator import attrgetter

from django.utils.text import capfirst
from django.utils.translation import gettext, gettext_lazy as _

from opendata.collections import Collection
from opendata.registry import register_collection
from opendata.tables import URI_FORMAT, Column
from opendata.tables.base import IDENTIFIER, column

from evaluations.models import AgreementEvaluation
from evaluations.progress import progress_percent

from .api import CongressEntrySerializer, EvaluationSerializer, identifier
from .filters import SEMESTER_PATTERN, CongressEntryFilterSet, EvaluationFilterSet
from .models import CongressAgreementEvaluation, CongressEvaluation
from .public_evaluations import congress_entry_anchor, evaluation_url, public_congress_entries, public_evaluations

EVALUATIONS = Collection(
    name="evaluations", verbose_name=_("Evaluaciones del Gobierno"), model=AgreementEvaluation,
    queryset=public_evaluations, lookup_field="pk", filterset_class=EvaluationFilterSet,
    search_fields=(
        "agreement__code", "agreement__title", "resources", "advantages", "benefits", "results", "difficulties",
    ),
    ordering_fields={
        "year": "year", "half": "half", "agreement": "agreement__code", "approved_at": "reviewed_at",
    },
    # The change log records the public records' changes, not the evaluations' cycle.
    logged=False,
)

CONGRESS_EVALUATIONS = Collection(
    name="congress-evaluations", verbose_name=_("Evaluaciones del Congreso"), model=CongressAgreementEvaluation,
    queryset=public_congress_entries, lookup_field="pk", filterset_class=CongressEntryFilterSet,
    search_fields=("agreement__code", "agreement__title", "assessment", "observations", "evaluation__act_number"),
    ordering_fields={
        "year": "evaluation__report__year", "act_date": "evaluation__act_date", "agreement": "agreement__code",
        "score": "score",
    },
    # An entry has no time of its own: it is never edited once its evaluation
    # is submitted, and the evaluation's time is when it was.
    updated_field="evaluation__updated_at",
    logged=False,
)


def _number(value) -> str:
    return format(value.normalize(), "f") if value is not None else ""


def progress_text(evaluation: AgreementEvaluation) -> str:
    """Each commitment's progress in a line: «Objetivo: 35 personas (50.0 %)», joined by « | »."""
    parts = []
    for progress in evaluation.progress.all():
        commitment = progress.commitment
        if progress.value is None:
            reached = gettext("sin valor numérico")
        else:
            reached = f"{_number(progress.value)} {commitment.unit}".strip()
        percent = progress_percent(commitment.baseline, commitment.target, progress.value)
        parts.append(f"{commitment.objective}: {reached}" + (f" ({percent} %)" if percent is not None else ""))
    return " | ".join(parts)


def _agreement_columns() -> tuple[Column, ...]:
    return (
        Column(
            "agreement_code", _("Clave del acuerdo"), "string",
            _("Clave del acuerdo publicado evaluado (tabla de acuerdos)."), lambda record: record.agreement.code,
        ),
        Column(
            "agreement_title", _("Título del acuerdo"), "string", _("Título del acuerdo."),
            lambda record: record.agreement.title,
        ),
        Column(
            "body", _("Área responsable"), "string", _("Dependencia responsable del acuerdo."),
            lambda record: record.agreement.body.name,
        ),
    )


def _semester(read) -> Column:
    return Column(
        "semester", _("Semestre"), "string",
        _("El año y 1 (enero–junio) o 2 (julio–diciembre), p. ej. «2017-2»."),
        lambda record: read(record).label, constraints={"pattern": SEMESTER_PATTERN},
    )


def _congress(name: str, read=None, *, kind: str = "string", description=None) -> Column:
    """A column of the Congress's evaluation the entry belongs to."""
    model_field = CongressEvaluation._meta.get_field(name)
    header = capfirst(model_field.verbose_name)
    return Column(
        name, header, kind, description or model_field.help_text or header,
        read or (lambda entry: getattr(entry.evaluation, name)),
    )


EVALUATION_COLUMNS = (
    IDENTIFIER,
    *_agreement_columns(),
    _semester(attrgetter("semester")),
    column(AgreementEvaluation, "year"),
    Column("half", _("Mitad del año"), "integer", _("1 (enero–junio) o 2 (julio–diciembre)."), attrgetter("half")),
    column(AgreementEvaluation, "people_reached"),
    column(AgreementEvaluation, "resources"),
    column(AgreementEvaluation, "amount"),
    column(AgreementEvaluation, "currency"),
    column(AgreementEvaluation, "exchanges"),
    column(AgreementEvaluation, "projects"),
    column(AgreementEvaluation, "advantages"),
    column(AgreementEvaluation, "benefits"),
    column(AgreementEvaluation, "results"),
    column(AgreementEvaluation, "difficulties"),
    column(AgreementEvaluation, "recommendation"),
    Column(
        "approved_at", _("Aprobada"), "datetime", _("Fecha y hora en que la CGAI aprobó la evaluación."),
        attrgetter("reviewed_at"),
    ),
    Column(
        "progress", _("Avance de los compromisos"), "string",
        _(
            "Cada compromiso con el valor alcanzado al cierre del semestre, en su unidad, y entre paréntesis el "
            "avance hacia la meta en porcentaje; separados por « | »."
        ),
        progress_text,
    ),
    Column(
        "portal_url", _("Dirección en el portal"), "string", _("La evaluación en la página del acuerdo."),
        lambda evaluation: evaluation_url(evaluation.agreement, evaluation.semester), format=URI_FORMAT,
    ),
)

CONGRESS_COLUMNS = (
    IDENTIFIER,
    Column(
        "congress_evaluation", _("Evaluación del Congreso"), "integer",
        _("Número de la evaluación del Congreso de la que es parte (una por acuerdo del Congreso)."),
        attrgetter("evaluation_id"),
    ),
    Column(
        "report", _("Informe"), "string", _("El informe evaluado: semestre y versión, p. ej. «2017-2-v1»."),
        lambda entry: identifier(entry.evaluation.report),
    ),
    _semester(lambda entry: entry.evaluation.report.semester),
    *_agreement_columns(),
    _congress("act_number"),
    _congress("act_date", kind="date"),
    _congress("submitted_at", kind="datetime", description=_("Fecha y hora en que el Congreso la envió.")),
    column(CongressAgreementEvaluation, "score"),
    column(CongressAgreementEvaluation, "assessment"),
    column(CongressAgreementEvaluation, "recommendation"),
    column(CongressAgreementEvaluation, "observations"),
    Column(
        "corrects", _("Corrige a"), "string", _("Número del acuerdo del Congreso de la evaluación que ésta corrige."),
        lambda entry: entry.evaluation.corrects.act_number if entry.evaluation.corrects else None,
    ),
    _congress("correction_note"),
    Column(
        "corrected_by", _("Corregida por"), "string",
        _("Número del acuerdo del Congreso de la evaluación enviada que corrige a ésta."),
        attrgetter("correction_act_number"),
    ),
    Column(
        "portal_url", _("Dirección en el portal"), "string", _("La evaluación en la página del informe."),
        congress_entry_anchor, format=URI_FORMAT,
    ),
)


def register() -> None:
    register_collection(
        EVALUATIONS, serializer=EvaluationSerializer, columns=EVALUATION_COLUMNS,
        description=_(
            "Las evaluaciones semestrales del Gobierno aprobadas por la CGAI, una por acuerdo y semestre: cifras, "
            "evaluación cualitativa, recomendación y avance de cada compromiso."
        ),
    )
    register_collection(
        CONGRESS_EVALUATIONS, serializer=CongressEntrySerializer, columns=CONGRESS_COLUMNS,
        description=_(
            "Las evaluaciones del Congreso de la Ciudad por acuerdo, de las evaluaciones que envió sobre los "
            "informes publicados, con el número y la fecha de su acuerdo y, si se corrigió, la que la corrige."
        ),
    )
