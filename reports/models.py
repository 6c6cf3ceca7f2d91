"""The semiannual report to Congress (Constitución Política de la Ciudad de
México, art. 20, numeral 8): the government's evaluation of each agreement,
the internationalisation indicators, the reports with their frozen files, and
the Congress's evaluation when it arrives."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from cdmx_global.models import unique_message

from .periods import Semester
from .semester_fields import SemesterFields, semester_constraints
from .storage import report_storage


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("Continuar")
    STRENGTHEN = "strengthen", _("Fortalecer")
    REORIENT = "reorient", _("Reorientar")
    CONCLUDE = "conclude", _("Concluir")


class AgreementEvaluation(SemesterFields):
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
    benefits = models.TextField(_("beneficios para la Ciudad y sus habitantes"))
    results = models.TextField(_("resultados"), blank=True)
    difficulties = models.TextField(_("dificultades"), blank=True)
    recommendation = models.CharField(_("recomendación"), max_length=10, choices=Recommendation.choices)

    evaluated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("evaluado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
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


class Dimension(models.TextChoices):
    """The three dimensions of measurement the book names (cap. II §4.3)."""

    INSTITUTIONAL = "institutional", _("Institucional")
    POLITICAL = "political", _("Política")
    TERRITORIAL = "territorial", _("Territorial")


class Indicator(models.Model):
    """An indicator of the city's internationalisation.

    ``computation`` names a function of ``reports.indicators`` that computes
    the value from the published records; empty means staff enter the value
    for each semester.
    """

    code = models.SlugField(
        _("clave"), max_length=60, unique=True, error_messages=unique_message(_("Ya existe un indicador con esa clave."))
    )
    name = models.CharField(_("nombre"), max_length=200)
    dimension = models.CharField(_("dimensión"), max_length=15, choices=Dimension.choices)
    definition = models.TextField(_("definición"))
    unit = models.CharField(_("unidad"), max_length=60)
    method = models.TextField(_("cómo se obtiene"))
    computation = models.CharField(
        _("cálculo automático"), max_length=60, blank=True,
        help_text=_("Vacío si el valor se captura cada semestre."),
    )
    order = models.PositiveSmallIntegerField(_("orden"), default=0)

    history = HistoricalRecords()

    class Meta:
        ordering = ["dimension", "order", "code"]
        verbose_name = _("indicador")
        verbose_name_plural = _("indicadores")

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        return bool(self.computation)


class IndicatorValue(SemesterFields):
    """The value of an entered indicator for one semester."""

    indicator = models.ForeignKey(Indicator, verbose_name=_("indicador"), on_delete=models.PROTECT, related_name="values")
    value = models.DecimalField(_("valor"), max_digits=16, decimal_places=2)
    source = models.CharField(_("fuente"), max_length=300, help_text=_("De dónde sale el valor."))
    note = models.TextField(_("nota"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("capturado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    updated_at = models.DateTimeField(_("última actualización"), auto_now=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["indicator", "-year", "-half"]
        verbose_name = _("valor de indicador")
        verbose_name_plural = _("valores de indicadores")
        constraints = [
            *semester_constraints("indicatorvalue"),
            models.UniqueConstraint(
                fields=["indicator", "year", "half"],
                name="indicatorvalue_one_per_semester",
                violation_error_message=_("Ese indicador ya tiene un valor para ese semestre."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} — {self.semester.label}"


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Borrador")
    APPROVED = "approved", _("Aprobado")
    DELIVERED = "delivered", _("Entregado al Congreso")
    PUBLISHED = "published", _("Publicado")


#: Once delivered to Congress, a report's files never change.
FROZEN_STATUSES = (ReportStatus.DELIVERED, ReportStatus.PUBLISHED)


class ReportQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=ReportStatus.PUBLISHED)


class Report(SemesterFields):
    """One version of a semester's report.

    ``content`` is the report's data as built (``reports.data``): every
    format is rendered from it, and the portal's page reads it, so the page
    shows what was delivered even after the records change.
    """

    version = models.PositiveSmallIntegerField(_("versión"), default=1)
    status = models.CharField(
        _("estado"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT, db_index=True
    )
    corrects = models.OneToOneField(
        "self", verbose_name=_("corrige a"), on_delete=models.PROTECT, null=True, blank=True, related_name="corrected_by"
    )
    correction_note = models.TextField(_("qué corrige"), blank=True)
    content = models.JSONField(_("contenido"), default=dict, editable=False)

    built_at = models.DateTimeField(_("generado"), null=True, blank=True, editable=False)
    built_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("generado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    approved_at = models.DateTimeField(_("aprobado"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("aprobado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    delivered_on = models.DateField(_("fecha de entrega al Congreso"), null=True, blank=True)
    delivery_reference = models.CharField(_("oficio de entrega"), max_length=120, blank=True)
    delivered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("entrega registrada por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    published_at = models.DateTimeField(_("publicado"), null=True, blank=True, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("publicado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )

    objects = ReportQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["content"])

    class Meta:
        ordering = ["-year", "-half", "-version"]
        verbose_name = _("informe semestral")
        verbose_name_plural = _("informes semestrales")
        constraints = [
            *semester_constraints("report"),
            models.UniqueConstraint(
                fields=["year", "half", "version"],
                name="report_one_per_semester_and_version",
                violation_error_message=_("Ya existe esa versión del informe de ese semestre."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=FROZEN_STATUSES) | (Q(delivered_on__isnull=False) & ~Q(delivery_reference="")),
                name="report_delivered_has_date_and_letter",
                violation_error_message=_("Un informe entregado lleva la fecha de entrega y el oficio."),
            ),
            models.CheckConstraint(
                condition=Q(version=1, corrects__isnull=True) | (Q(version__gt=1, corrects__isnull=False) & ~Q(correction_note="")),
                name="report_correction_says_what_it_corrects",
                violation_error_message=_("Una nueva versión corrige a la anterior y dice qué corrige."),
            ),
        ]

    def __str__(self) -> str:
        return _("Informe %(semester)s, versión %(version)s") % {"semester": self.semester.label, "version": self.version}

    def get_absolute_url(self) -> str:
        return reverse("reports:detail", kwargs={"semester": self.semester.label, "version": self.version})

    @property
    def is_frozen(self) -> bool:
        return self.status in FROZEN_STATUSES

    @property
    def summary_figures(self) -> list[dict]:
        """The summary figures as built (none before the first build)."""
        return self.content.get("tables", {}).get("summary", {}).get("rows", [])

    @property
    def file_stem(self) -> str:
        return f"informe-{self.semester.label}-v{self.version}"


class BuildStatus(models.TextChoices):
    QUEUED = "queued", _("En cola")
    RUNNING = "running", _("En curso")
    DONE = "done", _("Terminada")
    FAILED = "failed", _("Fallida")


class ReportBuild(SemesterFields):
    """A reviewer's request to build a semester's report, run by a worker
    (``reports.tasks.build_report``): the admin's button queues it and shows
    how it goes; the reviewer is emailed once the report is built."""

    correction_note = models.TextField(_("qué corrige"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("solicitada por"), on_delete=models.SET_NULL,
        null=True, blank=True, related_name="+",
    )
    requested_at = models.DateTimeField(_("solicitada"), auto_now_add=True)
    status = models.CharField(_("estado"), max_length=10, choices=BuildStatus.choices, default=BuildStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("intentos"), default=0)
    started_at = models.DateTimeField(_("iniciada"), null=True, blank=True)
    finished_at = models.DateTimeField(_("terminada"), null=True, blank=True)
    error = models.TextField(_("error"), blank=True)
    report = models.ForeignKey(
        Report, verbose_name=_("informe"), on_delete=models.SET_NULL, null=True, blank=True, related_name="builds"
    )
    task_id = models.CharField(_("tarea"), max_length=64, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("generación de informe")
        verbose_name_plural = _("generaciones de informes")
        # The year's check last: Django's SQLite introspection misreads a table
        # whose definition ends with the half's «IN (1, 2)».
        constraints = semester_constraints("reportbuild")[::-1]
        indexes = [models.Index(fields=["year", "half", "status"], name="reportbuild_semester_status")]

    def __str__(self) -> str:
        return _("Generación del informe %(semester)s (%(requested)s)") % {
            "semester": self.semester.label, "requested": timezone.localtime(self.requested_at).strftime("%d/%m/%Y %H:%M") if self.requested_at else "",
        }

    @property
    def in_progress(self) -> bool:
        return self.status in (BuildStatus.QUEUED, BuildStatus.RUNNING)


class FileFormat(models.TextChoices):
    PDF = "pdf", _("PDF (documento oficial)")
    HTML = "html", _("HTML")
    CSV = "csv", _("CSV (tablas en un ZIP)")
    XLSX = "xlsx", _("XLSX")
    JSON = "json", _("JSON")


def semester_folder(semester: Semester) -> str:
    """``reports/2017-2``: the files of every version of a semester's report, and nothing else."""
    return f"reports/{semester.label}"


def report_file_path(instance: "ReportFile", filename: str) -> str:
    """``reports/2017-2/v1/20180115T103000/informe-2017-2-v1.pdf``: one folder per
    build, so a draft's rebuild never collides with the files it replaces."""
    built = instance.report.built_at.strftime("%Y%m%dT%H%M%S")
    return f"{semester_folder(instance.report.semester)}/v{instance.report.version}/{built}/{filename}"


class ReportFile(models.Model):
    """One file of a report and its SHA-256; never rewritten once the report is delivered."""

    report = models.ForeignKey(Report, verbose_name=_("informe"), on_delete=models.PROTECT, related_name="files")
    format = models.CharField(_("formato"), max_length=4, choices=FileFormat.choices)
    file = models.FileField(_("archivo"), upload_to=report_file_path, storage=report_storage, max_length=200)
    sha256 = models.CharField(_("SHA-256"), max_length=64, db_index=True)
    size = models.PositiveBigIntegerField(_("tamaño en bytes"))

    class Meta:
        ordering = ["report", "format"]
        verbose_name = _("archivo de informe")
        verbose_name_plural = _("archivos de informe")
        constraints = [
            models.UniqueConstraint(
                fields=["report", "format"], name="reportfile_one_per_format",
                violation_error_message=_("El informe ya tiene un archivo en ese formato."),
            ),
        ]

    def __str__(self) -> str:
        return self.filename

    @property
    def filename(self) -> str:
        return self.file.name.rsplit("/", 1)[-1]

    def get_absolute_url(self) -> str:
        return reverse(
            "reports:file",
            kwargs={"semester": self.report.semester.label, "version": self.report.version, "format": self.format},
        )


class CongressEvaluation(models.Model):
    """The Congress's evaluation and observations on a delivered report,
    recorded when received: on the report as a whole, or on one agreement."""

    report = models.ForeignKey(
        Report, verbose_name=_("informe"), on_delete=models.PROTECT, related_name="congress_evaluations"
    )
    agreement = models.ForeignKey(
        "agreements.Agreement", verbose_name=_("acuerdo"), on_delete=models.PROTECT, null=True, blank=True,
        related_name="congress_evaluations", help_text=_("Vacío si la evaluación es sobre el informe en su conjunto."),
    )
    received_on = models.DateField(_("fecha de recepción"))
    letter_reference = models.CharField(_("oficio o acuerdo del Congreso"), max_length=120)
    evaluation = models.TextField(_("evaluación del Congreso"))
    observations = models.TextField(_("observaciones"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("registrado por"), on_delete=models.SET_NULL,
        null=True, blank=True, editable=False, related_name="+",
    )
    created_at = models.DateTimeField(_("registrado"), auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["report", "received_on", "pk"]
        verbose_name = _("evaluación del Congreso")
        verbose_name_plural = _("evaluaciones del Congreso")

    def __str__(self) -> str:
        return f"{self.report} — {self.letter_reference}"
