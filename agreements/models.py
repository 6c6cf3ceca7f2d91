"""International agreements of every kind, their legal steps, what the parties
committed to under each one, and the actions carried out under them (or on
their own)."""

import calendar
import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdmx_global.models import Record, published_facets_index, unique_message
from cdmx_global.published import published_condition
from cdmx_global.partial_dates import (
    DatePrecision,
    PartialDate,
    end_not_before_start_constraint,
    format_partial_period,
    partial_date_constraint,
    partial_date_fields,
    period_constraints,
)
from cdmx_global.signed_documents import PdfDocumentField
from cdmx_global.translation import english

# The closed lists live in ``.choices``; other modules import them from here as before.
from .choices import AgreementKind, EndReason, SreOpinion, Validity  # noqa: F401


class Agreement(Record):
    code = models.SlugField(
        _("clave"),
        max_length=80,
        unique=True,
        error_messages=unique_message(_("Ya existe un acuerdo con esa clave.")),
        help_text=_("Clave única del acuerdo, p. ej. «cce-2013-chicago»."),
    )
    title = models.CharField(_("título"), max_length=300)
    title_en = english(title)
    kind = models.CharField(_("tipo de instrumento"), max_length=25, choices=AgreementKind.choices)
    purpose = models.TextField(_("objeto"), blank=True)
    purpose_en = english(purpose)

    # Parties
    counterparts = models.ManyToManyField(
        "cdmx_global.Counterpart", verbose_name=_("contrapartes"), related_name="agreements", blank=True
    )
    signatories = models.TextField(
        _("firmantes"), blank=True, help_text=_("Quién firmó por cada parte, como consta en el documento.")
    )
    other_bodies = models.ManyToManyField(
        "cdmx_global.GovernmentBody",
        verbose_name=_("otras dependencias responsables"),
        related_name="co_agreements",
        blank=True,
    )

    # Legal steps (Ley sobre la Celebración de Tratados, arts. 2 fr. II y 7)
    sre_opinion_on, sre_opinion_on_precision = partial_date_fields(_("fecha del dictamen de la SRE"))
    sre_opinion_number = models.CharField(_("número de dictamen de la SRE"), max_length=80, blank=True)
    sre_opinion = models.CharField(
        _("sentido del dictamen de la SRE"), max_length=12, choices=SreOpinion.choices, blank=True
    )
    sre_registration_number = models.CharField(
        _("número de registro en la SRE"), max_length=80, blank=True
    )
    signed_on, signed_on_precision = partial_date_fields(_("fecha de firma"))
    signed_place = models.CharField(_("lugar de firma"), max_length=200, blank=True)
    signed_period_note = models.CharField(
        _("periodo de firma según la fuente"),
        max_length=200,
        blank=True,
        help_text=_("Cuando la fuente sólo sitúa la firma en un periodo, p. ej. «administración 1997-2000»."),
    )

    # Validity
    validity = models.CharField(
        _("vigencia"), max_length=12, choices=Validity.choices, default=Validity.UNKNOWN, db_index=True
    )
    in_force_on, in_force_on_precision = partial_date_fields(_("entrada en vigor"))
    valid_until, valid_until_precision = partial_date_fields(_("vigente hasta"))
    is_indefinite = models.BooleanField(_("vigencia indefinida"), default=False)
    ended_on, ended_on_precision = partial_date_fields(_("fecha de conclusión"))
    end_reason = models.CharField(_("motivo de conclusión"), max_length=12, choices=EndReason.choices, blank=True)
    renews = models.ForeignKey(
        "self",
        verbose_name=_("renueva o sustituye a"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="renewed_by",
    )

    # Content (Ley General de Transparencia, art. 65 fr. XXV)
    terms = models.TextField(_("términos y condiciones"), blank=True)
    terms_en = english(terms)
    amount = models.DecimalField(_("monto"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("moneda"), max_length=3, blank=True, help_text=_("Código ISO 4217, p. ej. MXN."))
    modifications = models.TextField(_("modificaciones"), blank=True)
    modifications_en = english(modifications)
    signed_document = PdfDocumentField(
        _("documento firmado"), folder="agreements", download_kind="acuerdos", blank=True,
        help_text=_("El instrumento firmado, en PDF."),
    )
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)

    # Classification
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="agreements", blank=True)
    sdgs = models.ManyToManyField(
        "cdmx_global.SustainableDevelopmentGoal", verbose_name=_("ODS"), related_name="agreements", blank=True
    )
    frameworks = models.ManyToManyField(
        "cdmx_global.Framework", verbose_name=_("marcos de la ONU"), related_name="agreements", blank=True
    )
    signed_at_event = models.ForeignKey(
        "events.Event",
        verbose_name=_("firmado en el evento"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agreements",
    )

    history = HistoricalRecords(m2m_fields=[counterparts, other_bodies, themes, sdgs, frameworks])

    class Meta:
        ordering = [models.F("signed_on").desc(nulls_last=True), "title"]
        verbose_name = _("acuerdo")
        verbose_name_plural = _("acuerdos")
        indexes = [published_facets_index("agreement", "kind", "validity", "body", "signed_on")]
        constraints = [
            partial_date_constraint("agreement", "sre_opinion_on"),
            partial_date_constraint("agreement", "signed_on"),
            partial_date_constraint("agreement", "in_force_on"),
            partial_date_constraint("agreement", "valid_until"),
            partial_date_constraint("agreement", "ended_on"),
            end_not_before_start_constraint(
                "agreement", "signed_on", "in_force_on",
                _("La entrada en vigor no puede ser anterior a la firma."),
            ),
            end_not_before_start_constraint(
                "agreement", "in_force_on", "valid_until",
                _("La vigencia no puede terminar antes de la entrada en vigor."),
            ),
            end_not_before_start_constraint(
                "agreement", "signed_on", "valid_until",
                _("La vigencia no puede terminar antes de la firma."),
            ),
            end_not_before_start_constraint(
                "agreement", "signed_on", "ended_on",
                _("La conclusión no puede ser anterior a la firma."),
            ),
            end_not_before_start_constraint(
                "agreement", "sre_opinion_on", "signed_on",
                _("El dictamen de la SRE debe ser anterior a la firma."),
            ),
            models.CheckConstraint(
                condition=Q(is_indefinite=False) | Q(valid_until__isnull=True),
                name="agreement_indefinite_has_no_end",
                violation_error_message=_("Un acuerdo de vigencia indefinida no tiene fecha de término."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="agreement_amount_not_negative",
                violation_error_message=_("El monto no puede ser negativo."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | ~Q(currency=""),
                name="agreement_amount_has_currency",
                violation_error_message=_("Indique la moneda del monto."),
            ),
            models.CheckConstraint(
                condition=Q(renews__isnull=True) | ~Q(renews=models.F("pk")),
                name="agreement_does_not_renew_itself",
                violation_error_message=_("Un acuerdo no puede renovarse a sí mismo."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:detail", kwargs={"code": self.code})

    @property
    def is_un_framework_convention(self) -> bool:
        """A framework convention with a UN-system organisation (listed on its own page)."""
        return self.kind == AgreementKind.FRAMEWORK and any(c.is_un_system for c in self.counterparts.all())


def _last_day(value: datetime.date, precision: str) -> datetime.date:
    """The last day of the period a partial date stands for."""
    if precision == DatePrecision.YEAR:
        return value.replace(month=12, day=31)
    if precision == DatePrecision.MONTH:
        return value.replace(day=calendar.monthrange(value.year, value.month)[1])
    return value


class CommitmentQuerySet(models.QuerySet):
    def published(self):
        """A commitment is public exactly when its agreement is published."""
        return self.filter(published_condition("agreement"))


class Commitment(models.Model):
    """What the parties to an agreement committed to do, and how its progress is measured.

    Part of its agreement: staff enter it on the agreement's page, under the
    agreement's version check and review, and it is public exactly when the
    agreement is published. A commitment may be only qualitative (no figures);
    a target may be below the baseline, when the commitment is to reduce something.
    """

    #: Its agreement is the record whose public history logs its changes (``cdmx_global.changelog``).
    private_fields = ("agreement", "order")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("acuerdo"), on_delete=models.CASCADE, related_name="commitments"
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)
    objective = models.CharField(_("objetivo"), max_length=300)
    objective_en = english(objective)
    text = models.TextField(
        _("texto del compromiso"), blank=True,
        help_text=_("Lo que las partes acordaron hacer, como consta en el instrumento."),
    )
    text_en = english(text)
    indicator = models.CharField(
        _("indicador"), max_length=300, blank=True,
        help_text=_("Cómo se mide el avance, p. ej. «personas capacitadas en movilidad ciclista»."),
    )
    unit = models.CharField(
        _("unidad"), max_length=60, blank=True,
        help_text=_("En qué se cuentan la línea base y la meta, p. ej. «personas», «proyectos»."),
    )
    baseline = models.DecimalField(
        _("línea base"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("El valor del indicador al firmar, si se conoce."),
    )
    target = models.DecimalField(
        _("meta"), max_digits=14, decimal_places=2, null=True, blank=True,
        help_text=_("El valor que se quiere alcanzar; puede ser menor que la línea base si se trata de reducir algo."),
    )
    target_date, target_date_precision = partial_date_fields(_("fecha de la meta"))
    body = models.ForeignKey(
        "cdmx_global.GovernmentBody",
        verbose_name=_("dependencia responsable"),
        on_delete=models.PROTECT,
        blank=True,
        related_name="commitments",
        help_text=_("Si se deja vacía, la dependencia responsable del acuerdo."),
    )
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    objects = CommitmentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        # In the order of their agreements (as the agreements' table lists them), then their own.
        ordering = [
            models.F("agreement__signed_on").desc(nulls_last=True), "agreement__title", "agreement_id", "order", "pk"
        ]
        verbose_name = _("compromiso")
        verbose_name_plural = _("compromisos")
        constraints = [
            partial_date_constraint("commitment", "target_date"),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | ~Q(unit=""),
                name="commitment_target_has_unit",
                violation_error_message=_("Una meta necesita su unidad (p. ej. «personas», «proyectos»)."),
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | ~Q(indicator=""),
                name="commitment_target_has_indicator",
                violation_error_message=_("Una meta necesita su indicador: diga qué se mide."),
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(target__isnull=False),
                name="commitment_baseline_has_target",
                violation_error_message=_("Una línea base necesita la meta con la que se compara."),
            ),
            models.CheckConstraint(
                condition=Q(baseline__isnull=True) | Q(baseline__gte=0),
                name="commitment_baseline_not_negative",
                violation_error_message=_("La línea base no puede ser negativa."),
            ),
            models.CheckConstraint(
                condition=Q(target__isnull=True) | Q(target__gte=0),
                name="commitment_target_not_negative",
                violation_error_message=_("La meta no puede ser negativa."),
            ),
        ]

    @property
    def translation_owner(self) -> "Agreement":
        """Its text is translated and reviewed with its agreement's (``cdmx_global.translation``)."""
        return self.agreement

    def __str__(self) -> str:
        return self.objective

    def get_absolute_url(self) -> str:
        return f"{self.agreement.get_absolute_url()}#compromiso-{self.pk}"

    def clean(self):
        try:
            agreement = self.agreement
        except Agreement.DoesNotExist:
            return
        if self.body_id is None:
            self.body_id = agreement.body_id
        # Refused only when the whole period of the target date ends before the
        # signature's begins: «2014» is not before a signature on 21 November 2014.
        if (
            self.target_date is not None
            and agreement.signed_on is not None
            and _last_day(self.target_date, self.target_date_precision) < agreement.signed_on
        ):
            raise ValidationError(
                {"target_date": _("La fecha de la meta no puede ser anterior a la firma del acuerdo.")},
                code="target_before_signature",
            )


class Action(Record):
    """Something done: a project, exchange or mission under an agreement, or an
    action of its own (cultural diplomacy, a declaratoria, a campaign…)."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Proyecto")
        EXCHANGE = "exchange", _("Intercambio de experiencias")
        MISSION = "mission", _("Misión técnica")
        TECHNICAL_ASSISTANCE = "technical_assistance", _("Asistencia técnica")
        CULTURAL_DIPLOMACY = "cultural_diplomacy", _("Diplomacia cultural")
        DECLARATORIA = "declaratoria", _("Declaratoria de la Ciudad")
        CAMPAIGN = "campaign", _("Campaña de comunicación")
        PROGRAMME = "programme", _("Programa")
        CONSULTATION = "consultation", _("Consulta o diálogo")
        ALIGNMENT = "alignment", _("Alineación con agendas globales")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("acuerdo"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="actions",
        help_text=_("El acuerdo en cuyo marco se realiza, si lo hay."),
    )
    title = models.CharField(_("título"), max_length=300)
    title_en = english(title)
    kind = models.CharField(_("tipo"), max_length=22, choices=Kind.choices)
    description = models.TextField(_("descripción"), blank=True)
    description_en = english(description)
    start_on, start_on_precision = partial_date_fields(_("inicio"))
    end_on, end_on_precision = partial_date_fields(_("fin"))
    place = models.CharField(_("lugar"), max_length=200, blank=True)
    counterparts = models.ManyToManyField(
        "cdmx_global.Counterpart", verbose_name=_("contrapartes"), related_name="actions", blank=True
    )
    people_reached = models.PositiveIntegerField(_("personas beneficiadas"), null=True, blank=True)
    resources = models.TextField(_("recursos"), blank=True, help_text=_("Recursos financieros, técnicos o humanos."))
    amount = models.DecimalField(_("monto"), max_digits=16, decimal_places=2, null=True, blank=True)
    currency = models.CharField(_("moneda"), max_length=3, blank=True)
    results = models.TextField(_("resultados"), blank=True)
    results_en = english(results)
    themes = models.ManyToManyField("cdmx_global.Theme", verbose_name=_("temas"), related_name="actions", blank=True)
    sdgs = models.ManyToManyField(
        "cdmx_global.SustainableDevelopmentGoal", verbose_name=_("ODS"), related_name="actions", blank=True
    )
    frameworks = models.ManyToManyField(
        "cdmx_global.Framework", verbose_name=_("marcos de la ONU"), related_name="actions", blank=True
    )

    history = HistoricalRecords(m2m_fields=[counterparts, themes, sdgs, frameworks])

    class Meta:
        ordering = [models.F("start_on").desc(nulls_last=True), "title"]
        verbose_name = _("acción")
        verbose_name_plural = _("acciones")
        indexes = [published_facets_index("action", "kind", "body", "start_on")]
        constraints = [
            *period_constraints("action", _("El fin de la acción no puede ser anterior a su inicio.")),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | (Q(amount__gte=0) & ~Q(currency="")),
                name="action_amount_not_negative_with_currency",
                violation_error_message=_("El monto no puede ser negativo y requiere moneda."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("agreements:action_detail", kwargs={"pk": self.pk})

    @property
    def period(self) -> str:
        return format_partial_period(PartialDate.of(self, "start_on"), PartialDate.of(self, "end_on"))
