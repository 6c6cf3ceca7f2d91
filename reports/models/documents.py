"""The reports, each version with its frozen files."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from evaluations.periods import Semester
from evaluations.semester_fields import SemesterFields, semester_constraints
from ..storage import report_storage


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
