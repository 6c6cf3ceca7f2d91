"""The queue in this process, on the database backend (no worker here: the
tasks are run by calling them, or not at all): what is queued and when, the
schedules, a dead worker's task taken over or failed for good, a retry from
the admin, and who sees the queue.

tests/background/test_worker_processes.py runs the same with real workers."""

import datetime
import re
from pathlib import Path

import pytest
from django.core import mail
from django.tasks.base import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background import schedules
from background.housekeeping import prune
from background.mail import queue_email, send_email
from background.models import Email, ScheduledRun, WorkerHeartbeat
from background.tasks import PermanentError, retry_delay
from background.worker import WORKER_LOST, recover_stalled, retry_failed
from cdmx_global.pagecache import CACHE_HEADER, current_generation
from cdmx_global.services import PUBLISH, SUBMIT, record_transition
from reports.builds import build_report, report_build_request
from reports.models import BuildStatus, Report, ReportBuild, ReportStatus
from evaluations.periods import Semester
from search.models import SearchEntry
from opendata.downloads import EXPORTERS
from opendata.tables import TABLES
from opendata.warming import warm_downloads
from search.tasks import rebuild_index
from sourcebook.loader import load_book

from tests.support import factories

pytestmark = pytest.mark.django_db

MEXICO = datetime.timezone(datetime.timedelta(hours=-6))


@pytest.fixture
def queued(settings):
    """Tasks go to the database queue, as in production, and wait there."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def queue() -> list[tuple]:
    return list(DBTaskResult.objects.order_by("enqueued_at").values_list("task_path", "status", "args_kwargs"))


def claim(result: DBTaskResult, worker: str, *, started: datetime.datetime) -> None:
    DBTaskResult.objects.filter(pk=result.pk).update(
        status=TaskResultStatus.RUNNING, started_at=started, worker_ids=[*result.worker_ids, worker]
    )


# What is queued -------------------------------------------------------------------------------


def test_a_submission_queues_its_notice_in_its_transaction_and_sends_nothing_itself(queued):
    body = factories.GovernmentBodyFactory()
    liaison = factories.liaison(body=body, username="enlace")
    factories.reviewer(username="revisora")
    agreement = factories.AgreementFactory(body=body, title="Memorando con Medellín")

    record_transition(record=agreement, user=liaison, transition=SUBMIT)

    assert mail.outbox == []
    [email] = Email.objects.all()
    assert (email.to, email.subject, email.status, email.attempts) == (
        ["revisora@cdmx.gob.mx"], "Para revisión: «Memorando con Medellín»", "pending", 0,
    )
    assert queue() == [("background.mail.send_email", "READY", {"args": [email.pk], "kwargs": {}})]

    assert send_email.call(_context(), email.pk) == "sent"
    assert send_email.call(_context(), email.pk) == "already sent"  # a second run sends nothing
    [message] = mail.outbox
    assert (message.to, message.subject, message.extra_headers["Message-ID"]) == (
        ["revisora@cdmx.gob.mx"], "Para revisión: «Memorando con Medellín»", email.message_id,
    )


def _context(attempt: int = 1):
    class Result:
        attempts = attempt

    class Context:
        task_result = Result()

        @property
        def attempt(self):
            return self.task_result.attempts

    return Context()


def test_an_email_key_makes_one_email_however_often_it_is_queued(queued):
    first = queue_email(to=["enlace@cdmx.gob.mx"], subject="Resumen", body="Uno.", key="deadline-digest:2026-12-07:5")
    again = queue_email(to=["enlace@cdmx.gob.mx"], subject="Resumen", body="Otro.", key="deadline-digest:2026-12-07:5")

    assert again == first and again.body == "Uno."
    assert [path for path, *_ in queue()] == ["background.mail.send_email"]


def test_the_book_load_queues_one_rebuild_of_the_search_index_instead_of_one_per_record(queued):
    load_book()

    # Nothing indexed record by record; one rebuild waiting for a worker.
    assert SearchEntry.objects.count() == 0
    assert [path for path, *_ in queue()] == ["search.tasks.rebuild_index"]

    assert rebuild_index.call() == 391
    assert SearchEntry.objects.count() == 391


def test_a_record_saved_outside_a_bulk_change_is_indexed_at_once(queued):
    factories.AgreementFactory(title="Hermanamiento con Lyon", published=True)

    assert list(SearchEntry.objects.values_list("title", flat=True)) == ["Hermanamiento con Lyon"]
    assert queue() == []


def test_a_report_build_asked_for_twice_while_pending_is_queued_once(queued):
    reviewer = factories.reviewer(username="revisora")

    build, new = report_build_request(semester=Semester(2017, 2), user=reviewer)
    again, new_again = report_build_request(semester=Semester(2017, 2), user=reviewer)

    assert (new, new_again, again) == (True, False, build)
    assert queue() == [("reports.builds.build_report", "READY", {"args": [build.pk], "kwargs": {}})]
    assert build.task_id == str(DBTaskResult.objects.get().pk)


@pytest.mark.tasks_may_fail
def test_a_build_the_report_does_not_allow_fails_at_once_with_the_reason_in_spanish(media_root):
    # Delivered to Congress meanwhile: only a correction, which says what it corrects, may follow.
    Report.objects.create(
        year=2017, half=2, status=ReportStatus.DELIVERED, delivered_on=datetime.date(2018, 1, 15),
        delivery_reference="CGAI/0042/2018",
    )
    build = ReportBuild.objects.create(year=2017, half=2)

    with pytest.raises(PermanentError):
        build_report.call(build.pk)

    build.refresh_from_db()
    assert (build.status, build.report) == ("failed", None)
    assert build.error == (
        "El informe de 2017-2 ya se entregó al Congreso y no cambia: para corregirlo, genere una nueva versión y "
        "diga qué corrige."
    )


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# Schedules ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime.datetime(2026, 12, 7, 6, 59, tzinfo=MEXICO), datetime.datetime(2026, 12, 6, 7, 0, tzinfo=MEXICO)),
        (datetime.datetime(2026, 12, 7, 7, 0, tzinfo=MEXICO), datetime.datetime(2026, 12, 7, 7, 0, tzinfo=MEXICO)),
        (datetime.datetime(2026, 12, 7, 23, 0, tzinfo=MEXICO), datetime.datetime(2026, 12, 7, 7, 0, tzinfo=MEXICO)),
    ],
)
def test_a_daily_schedule_is_due_at_its_local_time(now, due):
    schedule = schedules.Schedule(name="resumen-de-plazos", task="cdmx_global.tasks.send_deadline_digests",
                                  at=datetime.time(7, 0))
    assert schedule.latest_due(now) == due


def test_each_due_run_is_queued_once_with_its_day(queued, settings):
    settings.TASK_SCHEDULES = {"resumen-de-plazos": {"task": "cdmx_global.tasks.send_deadline_digests", "at": "07:00"}}
    morning = datetime.datetime(2026, 12, 7, 8, 0, tzinfo=MEXICO)

    first = schedules.enqueue_due(morning)
    again = schedules.enqueue_due(morning + datetime.timedelta(hours=3))
    next_day = schedules.enqueue_due(morning + datetime.timedelta(days=1))

    assert [run.due_at for run in first] == [datetime.datetime(2026, 12, 7, 7, 0, tzinfo=MEXICO)]
    assert again == []
    assert [run.due_at for run in next_day] == [datetime.datetime(2026, 12, 8, 7, 0, tzinfo=MEXICO)]
    assert [(path, args) for path, _status, args in queue()] == [
        ("cdmx_global.tasks.send_deadline_digests", {"args": [], "kwargs": {"day": "2026-12-07"}}),
        ("cdmx_global.tasks.send_deadline_digests", {"args": [], "kwargs": {"day": "2026-12-08"}}),
    ]
    assert ScheduledRun.objects.count() == 2


# Workers that stop ----------------------------------------------------------------------------


def test_a_task_on_a_worker_that_stopped_beating_is_queued_again_and_one_alive_is_left_alone(queued, settings):
    settings.TASK_WORKER_TIMEOUT_SECONDS = 60
    now = timezone.now()
    long_ago = now - datetime.timedelta(minutes=5)
    WorkerHeartbeat.objects.create(worker_id="vivo", hostname="h", pid=1, started_at=long_ago, last_seen=now)
    WorkerHeartbeat.objects.create(worker_id="muerto", hostname="h", pid=2, started_at=long_ago, last_seen=long_ago)
    dead = queue_email(to=["a@cdmx.gob.mx"], subject="Uno", body="Uno.")
    alive = queue_email(to=["b@cdmx.gob.mx"], subject="Dos", body="Dos.")
    dead_task, alive_task = DBTaskResult.objects.order_by("enqueued_at")
    claim(dead_task, "muerto", started=long_ago)
    claim(alive_task, "vivo", started=long_ago)

    assert recover_stalled(now) == [str(dead_task.pk)]

    dead_task.refresh_from_db()
    alive_task.refresh_from_db()
    assert (dead_task.status, dead_task.worker_ids, dead_task.exception_class_path) == ("READY", ["muerto"], WORKER_LOST)
    assert dead_task.traceback == "El trabajador muerto dejó de dar señales mientras ejecutaba la tarea (intento 1 de 10)."
    assert dead_task.run_after <= timezone.now()
    assert (alive_task.status, alive_task.worker_ids) == ("RUNNING", ["vivo"])
    assert (dead.pk, alive.pk) == (dead_task.args_kwargs["args"][0], alive_task.args_kwargs["args"][0])


@pytest.mark.tasks_may_fail
def test_a_build_whose_workers_all_died_fails_for_good_and_says_so(queued, settings, django_capture_on_commit_callbacks):
    settings.TASK_WORKER_TIMEOUT_SECONDS = 60
    build, _ = report_build_request(semester=Semester(2017, 2), user=factories.reviewer(username="revisora"))
    task = DBTaskResult.objects.get()
    long_ago = timezone.now() - datetime.timedelta(minutes=5)
    DBTaskResult.objects.filter(pk=task.pk).update(worker_ids=["uno", "dos"])
    task.refresh_from_db()
    claim(task, "tres", started=long_ago)  # the third and last try, on a worker gone
    ReportBuild.objects.filter(pk=build.pk).update(status=BuildStatus.RUNNING, attempts=3)

    recover_stalled()

    task.refresh_from_db()
    build.refresh_from_db()
    assert (task.status, task.exception_class_path) == ("FAILED", WORKER_LOST)
    assert (build.status, build.error) == (
        "failed",
        "El proceso que generaba el informe se detuvo y ya no quedan intentos. Vuelva a generarlo; el detalle está "
        "en la cola de tareas.",
    )

    # An administrator retries it: the task and the build wait again, with all their tries.
    with django_capture_on_commit_callbacks(execute=True):
        assert retry_failed([task.pk]) == 1
    task.refresh_from_db()
    build.refresh_from_db()
    assert (task.status, task.worker_ids, build.status, build.error) == ("READY", [], "queued", "")


def test_retry_delays_double_up_to_their_maximum(settings):
    settings.TASK_RETRY_DELAY_SECONDS = 10
    settings.TASK_RETRY_MAX_DELAY_SECONDS = 60
    assert [retry_delay(attempt).total_seconds() for attempt in range(1, 6)] == [10, 20, 40, 60, 60]


# The queue's admin ------------------------------------------------------------------------------


QUEUE = reverse("admin:background_queuedtask_changelist")


def test_administrators_see_the_queue_in_spanish_and_may_retry(client, queued):
    queue_email(to=["a@cdmx.gob.mx"], subject="Uno", body="Uno.")
    failed = DBTaskResult.objects.get()
    DBTaskResult.objects.filter(pk=failed.pk).update(
        status=TaskResultStatus.FAILED, worker_ids=["w"] * 10, finished_at=timezone.now(),
        exception_class_path="smtplib.SMTPDataError",
        traceback="Traceback…\nsmtplib.SMTPDataError: (451, b'4.3.0 servidor ocupado')",
    )
    client.force_login(factories.administrator(username="admin"))

    listing = client.get(QUEUE, {"estado": "FAILED"})

    assert listing.status_code == 200
    results = listing.text[listing.text.index('id="result_list"'):]
    row = results[results.index("<tbody>"):results.index("</tbody>")]
    for text in ("Enviar un correo", "Fallida", "10 / 10", "smtplib.SMTPDataError: (451, b&#x27;4.3.0 servidor ocupado&#x27;)"):
        assert text in row
    assert "Reintentar las tareas fallidas seleccionadas" in listing.text
    summary = listing.text[listing.text.index('id="queue-summary"'):listing.text.index("</section>")]
    assert [(label, int(count)) for label, count in re.findall(r">([^<>]+)</a></th><td>(\d+)</td>", summary)] == [
        ("En cola", 0), ("En curso", 0), ("Terminada", 0), ("Fallida", 1),
    ]
    assert "0 trabajadores activos." in summary
    detail = client.get(reverse("admin:background_queuedtask_change", args=[failed.pk]))
    assert "Detalle del último error" in detail.text and "&quot;args&quot;: [" in detail.text


@pytest.mark.parametrize("role", ["liaison", "reviewer"])
def test_the_queue_is_for_administrators_only(client, queued, role):
    client.force_login(getattr(factories, role)(username="persona"))

    assert client.get(QUEUE).status_code == 403
    assert client.get(reverse("admin:background_email_changelist")).status_code == 403


# Downloads made again after a change ------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_after_a_publication_a_worker_makes_every_download_and_the_next_visitor_is_sent_it(
    client, settings, tmp_path, queued
):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    draft = factories.AgreementFactory(title="Hermanamiento con Lyon")
    DBTaskResult.objects.all().delete()

    record_transition(record=draft, user=factories.reviewer(), transition=PUBLISH)

    [(path, status, args)] = [row for row in queue() if row[0] == "opendata.warming.warm_downloads"]
    assert (status, args) == ("READY", {"args": [current_generation()], "kwargs": {}})
    task = DBTaskResult.objects.get(task_path=path)
    # A burst of changes is made once, after the last: the task waits.
    assert task.run_after > timezone.now() + datetime.timedelta(seconds=5)

    written = warm_downloads.call(current_generation())

    kept = sorted(Path(settings.DOWNLOAD_CACHE_DIR).iterdir())
    # Each table in each format and language, but the transparency layout once: it is in Spanish in both.
    assert written == len(kept) == (len(TABLES) * len(settings.LANGUAGES) - 1) * len(EXPORTERS) == (15 * 2 - 1) * 3
    # The next visitor at the portal's address is sent the file, the same a request makes.
    response = client.get("/datos/agreements.csv", HTTP_HOST="127.0.0.1:8000")
    assert response[CACHE_HEADER] == "hit"
    sent = b"".join(response.streaming_content)
    assert "Hermanamiento con Lyon" in sent.decode("utf-8-sig")
    settings.PAGE_CACHE_SECONDS = 0
    fresh = client.get("/datos/agreements.csv", HTTP_HOST="127.0.0.1:8000")
    assert b"".join(fresh.streaming_content) == sent
    # Run again for the same generation, nothing is written twice; a newer change stops it.
    settings.PAGE_CACHE_SECONDS = 300
    assert warm_downloads.call(current_generation()) == 0
    assert warm_downloads.call(current_generation() - 1) == 0


# Keeping -----------------------------------------------------------------------------------------


def test_the_nightly_clean_up_deletes_only_what_is_past_keeping(queued, settings):
    settings.TASK_KEEP_DAYS, settings.EMAIL_KEEP_DAYS = 30, 90
    now = timezone.now()
    for subject in ("Viejo enviado", "Reciente enviado", "Viejo sin enviar"):
        queue_email(to=["a@cdmx.gob.mx"], subject=subject, body=".")
    emails = {email.subject: email for email in Email.objects.all()}
    Email.objects.filter(pk=emails["Viejo enviado"].pk).update(status="sent", sent_at=now - datetime.timedelta(days=91))
    Email.objects.filter(pk=emails["Reciente enviado"].pk).update(status="sent", sent_at=now - datetime.timedelta(days=89))
    Email.objects.filter(pk=emails["Viejo sin enviar"].pk).update(status="failed")
    old_ok, recent_ok, old_failed = DBTaskResult.objects.order_by("enqueued_at")
    DBTaskResult.objects.filter(pk=old_ok.pk).update(status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=31))
    DBTaskResult.objects.filter(pk=recent_ok.pk).update(status="SUCCESSFUL", finished_at=now - datetime.timedelta(days=29))
    DBTaskResult.objects.filter(pk=old_failed.pk).update(status="FAILED", finished_at=now - datetime.timedelta(days=300))

    assert prune(now) == {"tasks": 1, "emails": 1, "scheduled_runs": 0}

    assert sorted(Email.objects.values_list("subject", flat=True)) == ["Reciente enviado", "Viejo sin enviar"]
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent_ok.pk, old_failed.pk}
