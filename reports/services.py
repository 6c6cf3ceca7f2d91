"""Writes of the report app: building a report, moving it through its
lifecycle (draft → approved → delivered to Congress → published), corrections,
evaluations and the Congress's evaluation.

A report's files are written once per build. While it is a draft it can be
rebuilt; from approval on it can't; once delivered its files and hashes never
change again, and a correction is a new version that says what it corrects.
"""

import contextlib
import datetime
import hashlib
import os

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluations.periods import LABEL_PATTERN, Semester

from .data import build_report_data
from .exporters import pdf_processes_started, render_files
from .models import (
    IndicatorValue,
    Report,
    ReportFile,
    ReportStatus,
    semester_folder,
)
from .storage import report_storage


def sha256_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


def _user(user):
    return user if user is not None and user.is_authenticated else None


def _render_files(data: dict) -> list[tuple]:
    """Every format's bytes, rendered before anything is saved (the PDF last: it embeds the data files)."""
    return render_files(data)


def _save_files(report: Report, rendered: list[tuple]) -> list[ReportFile]:
    """Write every file whole to storage (``reports.storage``), then replace the
    report's rows with rows that refer to them: the database never refers to a
    file that is not on disk."""
    saved = []
    try:
        for exporter, content in rendered:
            report_file = ReportFile(
                report=report, format=exporter.format, sha256=sha256_of(content), size=len(content)
            )
            report_file.file.save(f"{report.file_stem}.{exporter.extension}", ContentFile(content), save=False)
            saved.append(report_file)
        report.files.all().delete()
        for report_file in saved:
            report_file.save()
    except BaseException:
        # The database rolls back; the files already written must go too.
        for report_file in saved:
            report_file.file.storage.delete(report_file.file.name)
        raise
    return saved


def _delete_stored_files(names: list[tuple]) -> None:
    for storage, name in names:
        storage.delete(name)


def remove_orphan_files(semester: Semester, *, before: datetime.datetime) -> list[str]:
    """Delete the files in the semester's folder that no report refers to and
    that were last written before ``before``, and the folders left empty:
    what a build killed midway leaves (a kill skips both the rollback's
    clean-up and the deletion of a rebuilt draft's old files). Returns the
    names deleted.

    The caller keeps every other build of the semester from writing files
    meanwhile: ``report_build`` holds the semester's latest version (or the
    new version's number), ``clean_report_files`` locks the reports' table.
    """
    folder = semester_folder(semester)
    referenced = set(ReportFile.objects.filter(file__startswith=f"{folder}/").values_list("file", flat=True))
    deleted = []

    def written_before(name: str) -> bool:
        try:
            return report_storage.get_modified_time(name) < before
        except FileNotFoundError:  # a build that just ended deleted its draft's old files
            return False

    def clean(path: str) -> None:
        try:
            folders, files = report_storage.listdir(path)
        except FileNotFoundError:
            return
        for name in (f"{path}/{name}" for name in sorted(files)):
            if name not in referenced and written_before(name):
                report_storage.delete(name)
                deleted.append(name)
        for name in (f"{path}/{name}" for name in sorted(folders)):
            clean(name)
            with contextlib.suppress(OSError):  # not empty
                os.rmdir(report_storage.path(name))

    clean(folder)
    return deleted


def _hold_off_builds() -> None:
    """Wait for the report builds writing files to end, and keep new ones from
    writing until this transaction ends: a build writes its files only after
    it wrote its report's row, and holds that write until it commits."""
    table = connection.ops.quote_name(Report._meta.db_table)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Waits for, and holds off, writes of rows; reads and select_for_update go on.
            cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
        else:
            # SQLite writes one transaction at a time: a write, even of nothing, takes the turn.
            cursor.execute(f"UPDATE {table} SET id = id WHERE 0")


def report_files_clean(semester: Semester | None = None) -> list[str]:
    """Delete what builds killed midway left in the folder of ``semester``'s
    reports (of every semester's by default); returns the names deleted."""
    with transaction.atomic():
        _hold_off_builds()
        before = timezone.now()
        if semester is not None:
            semesters = [semester]
        else:
            try:
                folders = report_storage.listdir("reports")[0]
            except FileNotFoundError:
                folders = []
            semesters = [Semester.parse(name) for name in sorted(folders) if LABEL_PATTERN.match(name)]
        return [name for semester in semesters for name in remove_orphan_files(semester, before=before)]


def latest_version(semester: Semester) -> Report | None:
    return Report.objects.filter(year=semester.year, half=semester.half).order_by("-version").first()


def check_build(*, semester: Semester, latest: Report | None, correction_note: str) -> None:
    """Refuse a build the semester's latest version does not allow: a
    correction note on what is not a correction, or no note on a new version
    of a delivered report."""
    if latest is not None and not latest.is_frozen:
        if latest.corrects_id is None and correction_note:
            raise ValidationError(
                {"correction_note": _("Sólo una nueva versión de un informe entregado lleva nota de corrección.")}
            )
    elif latest is not None and not correction_note.strip():
        raise ValidationError({
            "correction_note": _(
                "El informe de %(semester)s ya se entregó al Congreso y no cambia: para corregirlo, genere una "
                "nueva versión y diga qué corrige."
            ) % {"semester": semester.label}
        })


def _version_to_build(semester: Semester, latest: Report | None, correction_note: str) -> Report:
    """The report a build writes: the latest version when it may still change, else a new one."""
    if latest is not None and not latest.is_frozen:
        if correction_note:
            latest.correction_note = correction_note
        return latest
    return Report(
        year=semester.year, half=semester.half,
        version=1 if latest is None else latest.version + 1,
        corrects=latest, correction_note=correction_note.strip(),
    )


def _state(report: Report | None) -> tuple | None:
    return None if report is None else (report.pk, report.version, report.status)


def report_build(
    *, semester: Semester, user=None, correction_note: str = "", now: datetime.datetime | None = None, on_saved=None
) -> Report:
    """Build ``semester``'s report as a draft and write its files.

    - No report yet: version 1.
    - The latest version is a draft or approved: it is rebuilt (and returns to draft).
    - The latest version was delivered: a new version correcting it, which
      needs ``correction_note`` (what it corrects).

    The report is gathered and rendered before anything is locked (minutes at
    a hundred times the book, while staff go on writing); then, in one short
    transaction holding the semester's versions, it is saved with its files,
    and ``on_saved(report)`` writes what goes with it. If the semester's
    latest version changed meanwhile (another build, a step of its
    lifecycle), nothing is saved and the build is refused.
    """
    started = timezone.now()
    now = now or started
    planned = latest_version(semester)
    check_build(semester=semester, latest=planned, correction_note=correction_note)
    report = _version_to_build(semester, planned, correction_note)
    corrects = None
    if report.corrects_id:
        corrects = {
            "version": report.corrects.version,
            "delivered_on": report.corrects.delivered_on.isoformat() if report.corrects.delivered_on else None,
            "delivery_reference": report.corrects.delivery_reference,
        }
    with pdf_processes_started():
        data = build_report_data(
            semester, version=report.version, corrects=corrects, correction_note=report.correction_note,
            generated_at=now,
        )
        rendered = _render_files(data)
    with transaction.atomic():
        versions = Report.objects.select_for_update().filter(year=semester.year, half=semester.half)
        latest = versions.order_by("-version").first()
        if _state(latest) != _state(planned):
            raise ValidationError(
                _(
                    "El informe de %(semester)s cambió mientras se generaba (otra generación, o un paso de su "
                    "ciclo): vuelva a generarlo."
                ) % {"semester": semester.label}
            )
        if report.pk:
            report = _version_to_build(semester, latest, correction_note)
        old_files = [(f.file.storage, f.file.name) for f in report.files.all()] if report.pk else []
        report.content = data
        report.status = ReportStatus.DRAFT
        report.built_at = now
        report.built_by = _user(user)
        report.approved_at = report.approved_by = None
        report.full_clean()
        report.save()
        # Holding the semester's latest version (or, for a new one, its number: another
        # build's insert of it waits for this one), no other build of the semester is
        # writing files: what a killed build left can go. The old files still count.
        remove_orphan_files(semester, before=started)
        _save_files(report, rendered)
        if on_saved is not None:
            on_saved(report)
        transaction.on_commit(lambda: _delete_stored_files(old_files))
    return report


def _require(report: Report, status: str, message) -> None:
    if report.status != status:
        raise ValidationError(message)


def _move(report: Report, *, expected: str, status: str, message, **stamps) -> Report:
    """One step of the lifecycle, from ``expected`` to ``status``, with its stamps."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require(report, expected, message)
        report.status = status
        for field, value in stamps.items():
            setattr(report, field, value)
        report.save(update_fields=["status", *stamps])
    return report


def report_approve(*, report: Report, user=None) -> Report:
    return _move(
        report, expected=ReportStatus.DRAFT, status=ReportStatus.APPROVED,
        message=_("Sólo se aprueba un informe en borrador."), approved_at=timezone.now(), approved_by=_user(user),
    )


def report_return_to_draft(*, report: Report, user=None) -> Report:
    return _move(
        report, expected=ReportStatus.APPROVED, status=ReportStatus.DRAFT,
        message=_("Sólo un informe aprobado y aún no entregado vuelve a borrador."), approved_at=None, approved_by=None,
    )


def report_deliver(*, report: Report, delivered_on: datetime.date, delivery_reference: str, user=None) -> Report:
    """Record the delivery to Congress: from now on the report's files never change."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        _require(report, ReportStatus.APPROVED, _("Sólo se entrega al Congreso un informe aprobado."))
        errors = {}
        if not delivery_reference or not delivery_reference.strip():
            errors["delivery_reference"] = _("Indique el número del oficio de entrega.")
        if delivered_on is None:
            errors["delivered_on"] = _("Indique la fecha de entrega.")
        elif report.built_at and delivered_on < timezone.localdate(report.built_at):
            errors["delivered_on"] = _("La entrega no puede ser anterior a la generación del informe.")
        elif delivered_on > timezone.localdate():
            errors["delivered_on"] = _("La fecha de entrega no puede estar en el futuro.")
        if errors:
            raise ValidationError(errors)
        report.status = ReportStatus.DELIVERED
        report.delivered_on = delivered_on
        report.delivery_reference = delivery_reference.strip()
        report.delivered_by = _user(user)
        report.full_clean()
        report.save(update_fields=["status", "delivered_on", "delivery_reference", "delivered_by"])
    return report


def report_publish(*, report: Report, user=None) -> Report:
    return _move(
        report, expected=ReportStatus.DELIVERED, status=ReportStatus.PUBLISHED,
        message=_("Sólo se publica un informe ya entregado al Congreso."),
        published_at=timezone.now(), published_by=_user(user),
    )


def indicator_value_save(*, value: IndicatorValue, user=None) -> IndicatorValue:
    """Create or update the value staff enter for an indicator in a semester;
    a computed indicator takes its value from the records, never from staff."""
    with transaction.atomic():
        if value.indicator_id is not None and value.indicator.is_computed:
            raise ValidationError({
                "indicator": _(
                    "«%(indicator)s» se calcula de los registros publicados: su valor no se captura."
                ) % {"indicator": value.indicator}
            })
        if value.entered_by_id is None:
            value.entered_by = _user(user)
        value.full_clean()
        value.save()
    return value
