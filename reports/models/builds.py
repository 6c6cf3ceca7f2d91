"""A reviewer's request to build a report, run by a worker."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluations.semester_fields import SemesterFields, semester_constraints


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
        "reports.Report", verbose_name=_("informe"), on_delete=models.SET_NULL, null=True, blank=True, related_name="builds"
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
