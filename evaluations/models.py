"""The government's evaluation of the agreements, semester by semester: its
figures, its assessment, the progress of each commitment and its evidence.

The tables were made when these models lived in ``reports``; they keep their
names (``db_table``), so moving the models changed no table."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords
from cdmx_global.translation import Translatable, english

from .evidence import EvidenceField, evidence_path, validate_evidence
from .semester_fields import SemesterFields, semester_constraints


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("Continuar")
    STRENGTHEN = "strengthen", _("Fortalecer")
    REORIENT = "reorient", _("Reorientar")
    CONCLUDE = "conclude", _("Concluir")


class EvaluationStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    SUBMITTED = "submitted", _("Enviada a revisión")
    RETURNED = "returned", _("Devuelta con observaciones")
    APPROVED = "approved", _("Aprobada")


class AgreementEvaluation(Translatable, SemesterFields):
    """The government's evaluation of one agreement for one semester.

    The number of actions carried out is not entered: the report counts the
    published actions recorded under the agreement in the semester.
    """

    agreement = models.ForeignKey(
        "agreements.Agreement", verbose_name=_("acuerdo"), on_delete=models.PROTECT, related_name="evaluations"
    )
    # Quantitative
    people_reached = models.PositiveIntegerField(_("personas beneficiadas"), null=True, blank=True)
    resources = models.TextField(
        _("recursos movilizados"), blank=True, help_text=_("Recursos financieros, técnicos o humanos aportados por las partes.")
    )
    amount = models.DecimalField(_("monto movilizado"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("moneda"), max_length=3, blank=True, help_text=_("Código ISO 4217, p. ej. MXN."))
    exchanges = models.PositiveIntegerField(_("intercambios realizados"), null=True, blank=True)
    projects = models.PositiveIntegerField(_("proyectos en curso o concluidos"), null=True, blank=True)
    # Qualitative
    advantages = models.TextField(_("ventajas obtenidas"))
    advantages_en = english(advantages)
    benefits = models.TextField(_("beneficios para la Ciudad y sus habitantes"))
    benefits_en = english(benefits)
    results = models.TextField(_("resultados"), blank=True)
    results_en = english(results)
    difficulties = models.TextField(_("dificultades"), blank=True)
    difficulties_en = english(difficulties)
    recommendation = models.CharField(_("recomendación"), max_length=10, choices=Recommendation.choices)

    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    # The cycle (``evaluations.services``): the body's liaison drafts and submits,
    # a CGAI reviewer returns it with observations or approves it. Only an
    # approved evaluation enters a report or the public record.
    status = models.CharField(
        _("estado"), max_length=10, choices=EvaluationStatus.choices, default=EvaluationStatus.DRAFT,
        db_index=True, editable=False,
    )
    version = models.PositiveIntegerField(_("versión"), default=1, editable=False)
    submitted_at = models.DateTimeField(_("enviada a revisión"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enviada por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    reviewed_at = models.DateTimeField(_("revisada"), null=True, blank=True, editable=False)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("revisada por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    review_comment = models.TextField(_("observaciones de la revisión"), blank=True, editable=False)
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    history = HistoricalRecords(table_name="reports_historicalagreementevaluation")

    class Meta:
        db_table = "reports_agreementevaluation"
        ordering = ["-year", "-half", "agreement__title"]
        verbose_name = _("evaluación de acuerdo")
        verbose_name_plural = _("evaluaciones de acuerdos")
        constraints = [
            *semester_constraints("agreementevaluation"),
            models.UniqueConstraint(
                fields=["agreement", "year", "half"],
                name="agreementevaluation_one_per_semester",
                violation_error_message=_("Ese acuerdo ya tiene una evaluación para ese semestre."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | (Q(amount__gte=0) & ~Q(currency="")),
                name="agreementevaluation_amount_not_negative_with_currency",
                violation_error_message=_("El monto no puede ser negativo y requiere moneda."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} — {self.semester.label}"


class EvaluationEvidence(models.Model):
    """A file that backs an evaluation (a report of the activity, a photo),
    uploaded with it by its body; for staff only."""

    evaluation = models.ForeignKey(
        AgreementEvaluation, verbose_name=_("evaluación"), on_delete=models.CASCADE, related_name="evidence"
    )
    file = EvidenceField(_("archivo"), upload_to=evidence_path, validators=[validate_evidence], max_length=300)
    description = models.CharField(_("qué muestra"), max_length=200)
    uploaded_at = models.DateTimeField(_("subido"), auto_now_add=True)

    history = HistoricalRecords(table_name="reports_historicalevaluationevidence")

    class Meta:
        db_table = "reports_evaluationevidence"
        ordering = ["evaluation", "pk"]
        verbose_name = _("evidencia")
        verbose_name_plural = _("evidencias")

    def __str__(self) -> str:
        return self.description


class CommitmentProgress(models.Model):
    """How far one commitment of the agreement had come by the end of the
    evaluated semester, as the body reports it in its evaluation.

    ``value`` is the indicator's value reached by then (cumulative, in the
    commitment's unit); how far that is between the baseline and the target
    is computed (``evaluations.progress``), never typed.
    """

    evaluation = models.ForeignKey(
        AgreementEvaluation, verbose_name=_("evaluación"), on_delete=models.CASCADE, related_name="progress"
    )
    commitment = models.ForeignKey(
        "agreements.Commitment", verbose_name=_("compromiso"), on_delete=models.PROTECT, related_name="progress"
    )
    value = models.DecimalField(
        _("valor alcanzado"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("El valor del indicador al cierre del semestre, acumulado, en la unidad del compromiso."),
    )
    note = models.TextField(
        _("avance"), blank=True, help_text=_("Qué se hizo en el semestre para cumplir el compromiso."),
    )

    history = HistoricalRecords(table_name="reports_historicalcommitmentprogress")

    class Meta:
        db_table = "reports_commitmentprogress"
        ordering = ["evaluation", "commitment__order", "commitment_id"]
        verbose_name = _("avance de compromiso")
        verbose_name_plural = _("avance de los compromisos")
        constraints = [
            models.UniqueConstraint(
                fields=["evaluation", "commitment"],
                name="commitmentprogress_one_per_evaluation",
                violation_error_message=_("Ese compromiso ya tiene su avance en esta evaluación."),
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=True) | Q(value__gte=0),
                name="commitmentprogress_value_not_negative",
                violation_error_message=_("El valor alcanzado no puede ser negativo."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.commitment} — {self.evaluation.semester.label}"

    def clean(self):
        commitment = self.commitment if self.commitment_id else None
        if commitment is None:
            return
        # In the admin the evaluation may not be saved yet: its agreement is known all the same.
        evaluation = self.evaluation if self.evaluation_id or "evaluation" in self._state.fields_cache else None
        if evaluation is not None and evaluation.agreement_id and commitment.agreement_id != evaluation.agreement_id:
            raise ValidationError({"commitment": _("Ese compromiso es de otro acuerdo.")})
        if self.value is not None and commitment.target is None:
            raise ValidationError({
                "value": _("Este compromiso no tiene meta ni unidad: describa su avance sin valor numérico.")
            })
        if self.value is None and not self.note.strip():
            raise ValidationError(_("Indique el valor alcanzado o describa el avance del compromiso."))
