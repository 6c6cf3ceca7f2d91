"""The background work with real worker processes (``manage.py run_worker``)
on the test database, PostgreSQL or SQLite, and a real SMTP server on
loopback (aiosmtpd):

- a report asked for through the admin is built by a worker, and the
  reviewer who asked gets the email with its link;
- a worker killed with SIGKILL in the middle of a build leaves nothing
  half-made, and a second worker takes the task over and builds exactly one
  complete report;
- two workers racing for 50 tasks run each exactly once (PostgreSQL, whose
  row locks skip locked rows);
- an email refused twice by the server is delivered once, on the third try;
  one refused every time fails for good after its tries, shows so in the
  queue's admin, and is delivered once retried from there;
- two workers queue the day's digest once.

Workers beat every 0.3 s and take one silent for 3 s for dead; a failed try
waits 0.2 s, then 0.4 s (``TASK_*`` settings).
"""

import datetime
import io
import json
import os
import re
import time

import pytest
from django.tasks.base import TaskResultStatus
from django.urls import reverse
from django.utils import timezone
from django_tasks_db.models import DBTaskResult
from pypdf import PdfReader

from background.mail import EMAIL_ATTEMPTS, queue_email
from background.models import Email, ScheduledRun, WorkerHeartbeat
from reports.builds import report_build_request
from reports.models import Report, ReportBuild
from evaluations.periods import Semester

from tests.support import factories
from tests.support.factories import partial_date
from tests.support.processes import Database, blocked_by, on_disk, wait_for, workers
from tests.support.smtp import SmtpServer, text_of

pytestmark = pytest.mark.django_db(transaction=True)

S2017_2 = Semester(2017, 2)
BUILD = reverse("admin:reports_report_build")
WORKER_ENV = {
    "TASK_HEARTBEAT_SECONDS": "0.3",
    "TASK_WORKER_TIMEOUT_SECONDS": "3",
    "TASK_RETRY_DELAY_SECONDS": "0.2",
    "TASK_RETRY_MAX_DELAY_SECONDS": "0.4",
    # No page cache in the workers: no download to make again after each change.
    "PAGE_CACHE_SECONDS": "0",
}
#: Longer than rendering the test's report takes (SQLite: the build is killed after it).
RENDERING = 5

TASKS = DBTaskResult._meta.db_table
BUILDS = ReportBuild._meta.db_table
EMAILS = Email._meta.db_table


@pytest.fixture
def queued(settings, tmp_path):
    """Tasks go to the database queue, as in production; files to a folder of the test's."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def records():
    agreement = factories.AgreementFactory(
        code="cce-lyon", title="Convenio con Lyon", published=True, validity="in_force",
        **partial_date("signed_on", 2016, 5, 10), **partial_date("valid_until", 2019),
    )
    factories.AgreementEvaluationFactory(agreement=agreement, year=2017, half=2)


def tasks(db: Database, path: str | None = None) -> list[tuple]:
    """The queue's tasks (those of ``path``), in the order they were queued."""
    where = "WHERE task_path = %s" if path else ""
    return db.rows(f"SELECT task_path, status, worker_ids FROM {TASKS} {where} ORDER BY enqueued_at", [path] if path else [])


def worker_ids(value) -> list[str]:
    return json.loads(value) if isinstance(value, str) else value


def assert_the_reports_files_are_whole(db: Database, media) -> list[tuple]:
    """The one report of 2017-2 and its five files, each on disk as recorded, and nothing else on disk."""
    files = db.rows(
        "SELECT f.format, f.file, f.sha256, f.size FROM reports_reportfile f JOIN reports_report r "
        "ON r.id = f.report_id WHERE r.year = 2017 AND r.half = 2 ORDER BY f.format"
    )
    assert [row[0] for row in files] == ["csv", "html", "json", "pdf", "xlsx"]
    assert on_disk(media) == {name: sha256 for _format, name, sha256, _size in files}
    for _format, name, _sha256, size in files:
        assert (media / name).stat().st_size == size
    return files


def pdf_text(path) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def test_a_report_asked_for_in_the_admin_is_built_by_a_worker_and_the_reviewer_emailed(client, queued, tmp_path):
    records()
    reviewer = factories.reviewer(username="revisora", email="revisora@cdmx.gob.mx")
    client.force_login(reviewer)

    response = client.post(BUILD, {"semester": "2017-2", "correction_note": ""})

    # The button only queues: no report yet, one task waiting.
    build = ReportBuild.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:reports_reportbuild_change", args=[build.pk])
    assert (build.status, build.attempts, Report.objects.count()) == ("queued", 0, 0)
    [task] = DBTaskResult.objects.all()
    assert (task.task_path, task.status, task.args_kwargs) == (
        "reports.builds.build_report", TaskResultStatus.READY, {"args": [build.pk], "kwargs": {}},
    )
    page = client.get(response.url)
    assert "La generación espera a un trabajador. Esta página se actualiza sola." in page.text
    assert '<meta http-equiv="refresh" content="5">' in page.text

    db = Database(tmp_path)
    with SmtpServer() as smtp, workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [worker]:
        wait_for(lambda: db.rows(f"SELECT status FROM {BUILDS}") == [("done",)], "the build done",
                 processes=[worker.process])
        wait_for(lambda: smtp.messages, "the email", processes=[worker.process])

    [(report_id, version, status, built_by)] = db.rows(
        "SELECT id, version, status, built_by_id FROM reports_report WHERE year = 2017 AND half = 2"
    )
    assert (version, status, built_by) == (1, "draft", reviewer.pk)
    assert db.rows(f"SELECT status, attempts, error, report_id FROM {BUILDS}") == [("done", 1, "", report_id)]
    files = assert_the_reports_files_are_whole(db, queued)
    pdf = queued / next(name for fmt, name, *_ in files if fmt == "pdf")
    assert "Convenio con Lyon" in pdf_text(pdf)
    # The build, then the email it queued in its own transaction.
    assert [(path, state, len(worker_ids(ran_on))) for path, state, ran_on in tasks(db)] == [
        ("reports.builds.build_report", "SUCCESSFUL", 1),
        ("background.mail.send_email", "SUCCESSFUL", 1),
    ]
    [message] = smtp.messages
    assert (message["To"], message["Subject"]) == ("revisora@cdmx.gob.mx", "Informe generado: Informe 2017-2, versión 1")
    assert text_of(message) == (
        "El borrador que solicitó ya está generado: Informe 2017-2, versión 1.\n\n"
        "Revíselo en la administración de CDMX Global:\n"
        f"http://127.0.0.1:8000/admin/reports/report/{report_id}/change/\n"
    )
    assert db.rows(f"SELECT status, attempts FROM {EMAILS}") == [("sent", 1)]


def test_a_worker_killed_mid_build_leaves_nothing_and_a_second_finishes_exactly_one_report(queued, tmp_path):
    records()
    build, _ = report_build_request(semester=S2017_2, user=factories.reviewer(username="revisora"))
    db = Database(tmp_path)
    other = db.connect()
    try:
        with other.cursor() as cursor, workers(db, queued, tmp_path, **WORKER_ENV) as [first]:
            if db.vendor == "postgresql":
                # The build renders, writes its files, then waits to write their rows: killed there.
                cursor.execute("BEGIN")
                cursor.execute("LOCK TABLE reports_reportfile IN SHARE MODE")
            wait_for(lambda: db.rows(f"SELECT status FROM {BUILDS}") == [("running",)], "the build running",
                     processes=[first.process])
            if db.vendor == "postgresql":
                waiting = wait_for(lambda: blocked_by(other), "the build waiting for the lock",
                                   processes=[first.process])
            else:
                # SQLite: the build renders (a second or two, reading), then waits for the write
                # lock the test holds to save; killed there, whatever it got to.
                cursor.execute("BEGIN IMMEDIATE")
                time.sleep(RENDERING)
            first.kill()
            cursor.execute("ROLLBACK")
            if db.vendor == "postgresql":
                wait_for(lambda: not db.rows("SELECT 1 FROM pg_stat_activity WHERE pid = ANY(%s)", [waiting]),
                         "the killed build's connection gone")
    finally:
        other.close()

    # Nothing of the build was committed; the task still shows as running on the dead worker.
    assert db.rows("SELECT count(*) FROM reports_report") == [(0,)]
    assert db.rows(f"SELECT status, attempts FROM {BUILDS}") == [("running", 1)]
    [(_path, state, ran_on)] = tasks(db, "reports.builds.build_report")
    assert (state, len(worker_ids(ran_on))) == ("RUNNING", 1)
    if db.vendor == "postgresql":
        assert len(on_disk(queued)) == 5  # the killed build's files, referred to by nothing

    with workers(db, queued, tmp_path, **WORKER_ENV) as [second]:
        wait_for(lambda: db.rows(f"SELECT status FROM {BUILDS}") == [("done",)], "the build done by the second worker",
                 processes=[second.process])

    assert db.rows("SELECT version, status FROM reports_report") == [(1, "draft")]
    assert db.rows(f"SELECT status, attempts, error FROM {BUILDS}") == [("done", 2, "")]
    assert_the_reports_files_are_whole(db, queued)
    [(_path, state, ran_on)] = tasks(db, "reports.builds.build_report")
    # Tried twice: by the killed worker, then by the second, which took it over.
    assert state == "SUCCESSFUL"
    assert len(worker_ids(ran_on)) == 2 and len(set(worker_ids(ran_on))) == 2
    assert f"su trabajador {worker_ids(ran_on)[0]} dejó de dar señales; vuelve a la cola." in second.output


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="dos trabajadores a la vez toman filas con bloqueos que saltan las ya tomadas: sólo en PostgreSQL",
)
def test_two_workers_racing_for_50_tasks_run_each_exactly_once(queued, tmp_path):
    for number in range(50):
        queue_email(to=[f"persona{number}@example.org"], subject=f"Aviso {number}", body=f"Cuerpo {number}")
    db = Database(tmp_path)

    with SmtpServer() as smtp, workers(db, queued, tmp_path, count=2, **WORKER_ENV, **smtp.env()) as running:
        wait_for(lambda: len(smtp.messages) >= 50 and db.rows(
            f"SELECT count(*) FROM {TASKS} WHERE status = 'SUCCESSFUL'") == [(50,)],
            "the 50 tasks done", processes=[worker.process for worker in running])

    assert sorted(message["Subject"] for message in smtp.messages) == sorted(f"Aviso {n}" for n in range(50))
    rows = tasks(db)
    assert len(rows) == 50
    assert all(state == "SUCCESSFUL" and len(worker_ids(ran_on)) == 1 for _path, state, ran_on in rows)
    # Both workers took some.
    assert len({worker_ids(ran_on)[0] for _path, _state, ran_on in rows}) == 2
    assert db.rows(f"SELECT status, attempts, count(*) FROM {EMAILS} GROUP BY status, attempts") == [("sent", 1, 50)]


def test_an_email_refused_twice_is_delivered_once_on_the_third_try(queued, tmp_path):
    email = queue_email(to=["enlace@cdmx.gob.mx"], subject="Para revisión: «Convenio con Lyon»", body="Revíselo.")
    db = Database(tmp_path)

    with SmtpServer(refuse=2) as smtp, workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [worker]:
        wait_for(lambda: db.rows(f"SELECT status FROM {TASKS}") == [("SUCCESSFUL",)], "the email task done",
                 processes=[worker.process])

    assert smtp.mailbox.attempts == 3
    [message] = smtp.messages
    assert (message["To"], message["Subject"], message["Message-ID"]) == (
        "enlace@cdmx.gob.mx", "Para revisión: «Convenio con Lyon»", email.message_id,
    )
    assert db.rows(f"SELECT status, attempts, last_error FROM {EMAILS}") == [("sent", 3, "")]
    [(_path, _state, ran_on)] = tasks(db)
    assert len(worker_ids(ran_on)) == 3
    assert len(re.findall(rf"falló en el intento \d de {EMAIL_ATTEMPTS} \(SMTPDataError", worker.output)) == 2


def test_an_email_always_refused_fails_for_good_shows_in_the_admin_and_is_sent_once_retried(client, queued, tmp_path):
    queue_email(to=["enlace@cdmx.gob.mx"], subject="Resumen de plazos", body="Dos plazos.")
    db = Database(tmp_path)

    with SmtpServer(refuse=1000) as smtp, workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [worker]:
        wait_for(lambda: db.rows(f"SELECT status FROM {TASKS}") == [("FAILED",)], "the email task failed",
                 processes=[worker.process])
        assert smtp.mailbox.attempts == EMAIL_ATTEMPTS
    assert smtp.messages == []
    [(status, attempts, last_error)] = db.rows(f"SELECT status, attempts, last_error FROM {EMAILS}")
    assert (status, attempts) == ("failed", EMAIL_ATTEMPTS)
    assert last_error.startswith("SMTPDataError: (451, b'4.3.0 Prueba: servidor ocupado")

    if db.vendor != "postgresql":
        return  # SQLite: the admin reads the test's own copy of the database, not the workers' file.
    administrator = factories.administrator(username="admin")
    client.force_login(administrator)
    listing = client.get(reverse("admin:background_queuedtask_changelist") + "?estado=FAILED")
    assert "Enviar un correo" in listing.text and "Fallida" in listing.text
    assert f"{EMAIL_ATTEMPTS} / {EMAIL_ATTEMPTS}" in listing.text
    assert "SMTPDataError: (451" in listing.text
    [task] = DBTaskResult.objects.all()
    response = client.post(reverse("admin:background_queuedtask_changelist"),
                           {"action": "retry", "_selected_action": [str(task.pk)]}, follow=True)
    assert "1 tarea vuelve a la cola." in response.text

    with SmtpServer() as smtp, workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [worker]:
        wait_for(lambda: db.rows(f"SELECT status FROM {TASKS}") == [("SUCCESSFUL",)], "the retried task done",
                 processes=[worker.process])
    assert [message["Subject"] for message in smtp.messages] == ["Resumen de plazos"]


def test_two_workers_queue_the_days_digest_once(queued, tmp_path):
    liaison = factories.liaison(username="enlace")
    back = timezone.localdate() - datetime.timedelta(days=15)  # its trip report is due today
    factories.VisitFactory(**partial_date("end_on", back.year, back.month, back.day), body=liaison.staff_profile.body)
    db = Database(tmp_path)

    # Due at midnight: already due whenever the test runs.
    with SmtpServer() as smtp, workers(db, queued, tmp_path, count=2, schedules=True, DIGEST_TIME="00:00",
                                       **WORKER_ENV, **smtp.env()) as running:
        wait_for(lambda: smtp.messages, "the digest", processes=[worker.process for worker in running])
        # Both workers beat several times over.
        wait_for(lambda: len(db.rows(f"SELECT worker_id FROM {WorkerHeartbeat._meta.db_table}")) == 2, "two workers")
        time.sleep(1.5)

    assert db.rows(f"SELECT schedule FROM {ScheduledRun._meta.db_table} WHERE schedule = 'resumen-de-plazos'") == [
        ("resumen-de-plazos",)
    ]
    [message] = smtp.messages
    assert message["To"] == "enlace@cdmx.gob.mx"
    assert message["Subject"].startswith("CDMX Global: 1 plazo por atender")
