"""The Congress's own evaluation of a delivered report (art. 20, numeral 8),
entered by the staff of the Congress commission that receives the reports.

One evaluation covers the report as a whole and, in its entries, the
agreements the Congress chooses to evaluate. It is a draft shared by the
Congress's accounts until it is submitted with the act of the Congress that
approved it; a submitted evaluation is never edited: a correction is a new
evaluation that says what it corrects (``reports.congress``).
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from evaluations.models import Recommendation


class CongressStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador del Congreso")
    SUBMITTED = "submitted", _("Enviada por el Congreso")


def score_field(verbose_name):
    return models.DecimalField(
        verbose_name, max_digits=3, decimal_places=1, null=True, blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text=_("Del 0 al 10, con un decimal."),
    )


def score_constraint(model_name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(score__isnull=True) | (Q(score__gte=0) & Q(score__lte=10)),
        name=f"{model_name}_score_0_to_10",
        violation_error_message=_("La calificación va del 0 al 10."),
    )


class CongressEvaluationQuerySet(models.QuerySet):
    def submitted(self):
        return self.filter(status=CongressStatus.SUBMITTED)


class CongressEvaluation(models.Model):
    """The Congress's evaluation of one delivered report."""

    report = models.ForeignKey(
        "reports.Report", verbose_name=_("informe"), on_delete=models.PROTECT, related_name="congress_evaluations"
    )
    status = models.CharField(
        _("estado"), max_length=10, choices=CongressStatus.choices, default=CongressStatus.DRAFT,
        db_index=True, editable=False,
    )
    version = models.PositiveIntegerField(_("versión"), default=1, editable=False)
    # Overall: quantitative and qualitative
    score = score_field(_("calificación general"))
    assessment = models.TextField(_("evaluación general del Congreso"), blank=True)
    observations = models.TextField(_("observaciones"), blank=True)
    # The act of the Congress that approved it
    act_number = models.CharField(
        _("número del acuerdo del Congreso"), max_length=120, blank=True,
        help_text=_("El acuerdo o dictamen con que el Congreso aprobó esta evaluación."),
    )
    act_date = models.DateField(_("fecha del acuerdo del Congreso"), null=True, blank=True)
    corrects = models.OneToOneField(
        "self", verbose_name=_("corrige a"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="corrected_by", editable=False,
    )
    correction_note = models.TextField(_("qué corrige"), blank=True)

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("iniciada por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    submitted_at = models.DateTimeField(_("enviada"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("enviada por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    created_at = models.DateTimeField(_("registrada"), auto_now_add=True)
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    objects = CongressEvaluationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "submitted_at", "pk"]
        verbose_name = _("evaluación del Congreso")
        verbose_name_plural = _("evaluaciones del Congreso")
        constraints = [
            score_constraint("congressevaluation"),
            models.UniqueConstraint(
                fields=["report"], condition=Q(status=CongressStatus.DRAFT),
                name="congressevaluation_one_draft_per_report",
                violation_error_message=_("Ya hay un borrador del Congreso para ese informe: continúe ése."),
            ),
            models.CheckConstraint(
                condition=~Q(status=CongressStatus.SUBMITTED) | (~Q(act_number="") & Q(act_date__isnull=False)),
                name="congressevaluation_submitted_has_act",
                violation_error_message=_("Una evaluación enviada lleva el número y la fecha del acuerdo del Congreso."),
            ),
            models.CheckConstraint(
                condition=Q(corrects__isnull=True) | ~Q(correction_note=""),
                name="congressevaluation_correction_says_what",
                violation_error_message=_("Una corrección dice qué corrige."),
            ),
        ]

    def __str__(self) -> str:
        if self.status == CongressStatus.SUBMITTED:
            return _("Evaluación del Congreso de %(report)s (acuerdo %(act)s)") % {
                "report": self.report, "act": self.act_number
            }
        return _("Borrador del Congreso sobre %(report)s") % {"report": self.report}

    @property
    def is_submitted(self) -> bool:
        return self.status == CongressStatus.SUBMITTED


class CongressAgreementEvaluation(models.Model):
    """The Congress's evaluation of one agreement of the report."""

    evaluation = models.ForeignKey(
        CongressEvaluation, verbose_name=_("evaluación del Congreso"), on_delete=models.CASCADE,
        related_name="entries",
    )
    agreement = models.ForeignKey(
        "agreements.Agreement", verbose_name=_("acuerdo"), on_delete=models.PROTECT,
        related_name="congress_entries",
    )
    score = score_field(_("calificación"))
    assessment = models.TextField(_("evaluación del acuerdo"))
    recommendation = models.CharField(_("recomendación"), max_length=10, choices=Recommendation.choices, blank=True)
    observations = models.TextField(_("observaciones"), blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["evaluation", "agreement__title", "pk"]
        verbose_name = _("evaluación del Congreso de un acuerdo")
        verbose_name_plural = _("evaluaciones del Congreso por acuerdo")
        constraints = [
            score_constraint("congressagreementevaluation"),
            models.UniqueConstraint(
                fields=["evaluation", "agreement"],
                name="congressagreementevaluation_one_per_agreement",
                violation_error_message=_("Ese acuerdo ya está evaluado en esta evaluación del Congreso."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.agreement} — {self.evaluation}"
