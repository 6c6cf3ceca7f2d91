"""Report builds in the background: the admin's button queues a build
(``report_build_request``) and answers at once; a worker builds the report
(``build_report``) and emails the reviewer who asked; the build's page says
how it goes. ``manage.py build_report`` still builds in its own process.

A build is idempotent: the report, the build's «done» and the email are
written in one transaction, so a worker killed in the middle leaves none of
them (and no file the next build does not clean up, ``remove_orphan_files``),
and a build already done is not done again when its task runs twice.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.tasks.base import TaskResultStatus
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext, gettext_lazy as _

from background.mail import queue_email
from background.tasks import PermanentError, background_task, enqueue
from background.worker import WORKER_LOST

from evaluations.periods import Semester

from .models import BuildStatus, ReportBuild
from .services import check_build, latest_version, report_build

#: Tries before a build is failed for good (a worker killed counts as one).
BUILD_ATTEMPTS = 3


class AlreadyBuilt(Exception):
    """Another run of the same build finished first: this one saves nothing."""

    def __init__(self, report_id):
        super().__init__(report_id)
        self.report_id = report_id


def _user(user):
    return user if user is not None and user.is_authenticated else None


def report_build_request(*, semester: Semester, user=None, correction_note: str = "") -> tuple[ReportBuild, bool]:
    """Queue a build of ``semester``'s report; returns the build and whether it
    is new. A build of the semester still queued or running is returned
    instead of a second one (a button pressed twice builds once)."""
    note = correction_note.strip()
    with transaction.atomic():
        check_build(semester=semester, latest=latest_version(semester), correction_note=note)
        pending = (
            ReportBuild.objects.select_for_update()
            .filter(year=semester.year, half=semester.half, status__in=[BuildStatus.QUEUED, BuildStatus.RUNNING])
            .first()
        )
        if pending is not None:
            return pending, False
        build = ReportBuild.objects.create(
            year=semester.year, half=semester.half, correction_note=note, requested_by=_user(user)
        )
        result = enqueue(build_report, build.pk)
        ReportBuild.objects.filter(pk=build.pk).update(task_id=str(result.id))
    build.refresh_from_db()
    return build, True


def _report_link(report) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:reports_report_change", args=[report.pk])


def _tell_requester(build: ReportBuild, report) -> None:
    user = build.requested_by
    if user is None or not user.email:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = gettext("Informe generado: %(report)s") % {"report": report}
        body = gettext(
            "El borrador que solicitó ya está generado: %(report)s.\n\n"
            "Revíselo en la administración de CDMX Global:\n%(link)s\n"
        ) % {"report": report, "link": _report_link(report)}
    queue_email(to=[user.email], subject=subject, body=body, key=f"report-build:{build.pk}")


@background_task(title=_("Generar el informe semestral"), attempts=BUILD_ATTEMPTS)
def build_report(build_id: int) -> int | None:
    """Build what ``build_id`` asks for; returns the report's id."""
    build = ReportBuild.objects.filter(pk=build_id).first()
    if build is None or build.status in (BuildStatus.DONE, BuildStatus.FAILED):
        return build.report_id if build else None
    ReportBuild.objects.filter(pk=build_id).update(
        status=BuildStatus.RUNNING, started_at=timezone.now(), attempts=F("attempts") + 1, error=""
    )
    build = ReportBuild.objects.select_related("requested_by").get(pk=build_id)

    def done(report) -> None:
        # In the build's own transaction: the report, the build's «done» and the email, or none of them.
        locked = ReportBuild.objects.select_for_update().get(pk=build_id)
        if locked.status == BuildStatus.DONE:
            raise AlreadyBuilt(locked.report_id)
        locked.report, locked.status, locked.finished_at = report, BuildStatus.DONE, timezone.now()
        locked.save(update_fields=["report", "status", "finished_at"])
        _tell_requester(build, report)

    try:
        report = report_build(
            semester=build.semester, user=build.requested_by, correction_note=build.correction_note, on_saved=done
        )
    except AlreadyBuilt as already:
        return already.report_id
    except ValidationError as error:
        message = " ".join(error.messages)
        ReportBuild.objects.filter(pk=build_id).update(
            status=BuildStatus.FAILED, finished_at=timezone.now(), error=message
        )
        raise PermanentError(message) from error
    except Exception as error:
        ReportBuild.objects.filter(pk=build_id).update(
            status=BuildStatus.QUEUED,
            error=gettext("El intento falló (%(error)s); se vuelve a intentar.") % {"error": type(error).__name__},
        )
        raise
    return report.pk


def _build_id(task_result) -> int | None:
    if task_result.task.module_path != build_report.module_path:
        return None
    args = task_result.args or [task_result.kwargs.get("build_id")]
    return args[0]


def build_finished(sender, task_result, **kwargs) -> None:
    """A build's task failed for good (its tries spent, its worker gone): the build says so."""
    build_id = _build_id(task_result)
    if build_id is None or task_result.status != TaskResultStatus.FAILED:
        return
    lost = any(error.exception_class_path == WORKER_LOST for error in task_result.errors)
    with translation.override(settings.LANGUAGE_CODE):
        if lost:
            message = gettext(
                "El proceso que generaba el informe se detuvo y ya no quedan intentos. Vuelva a generarlo; "
                "el detalle está en la cola de tareas."
            )
        else:
            message = gettext(
                "No se pudo generar el informe por un error interno. Vuelva a generarlo; el detalle está en la "
                "cola de tareas."
            )
    (
        ReportBuild.objects.filter(pk=build_id)
        .exclude(status__in=[BuildStatus.DONE, BuildStatus.FAILED])
        .update(status=BuildStatus.FAILED, finished_at=timezone.now(), error=message)
    )


def build_requeued(sender, task_result, **kwargs) -> None:
    """A failed build's task queued again from the queue's admin: the build waits again."""
    build_id = _build_id(task_result)
    if build_id is not None:
        ReportBuild.objects.filter(pk=build_id, status=BuildStatus.FAILED, report__isnull=True).update(
            status=BuildStatus.QUEUED, finished_at=None, error=""
        )
