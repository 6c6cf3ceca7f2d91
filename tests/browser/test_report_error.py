"""«Reportar un error» in a real browser, the emails sent by a real worker
process (``manage.py run_worker``) through a real SMTP server on loopback:
a reader reports an error on a published agreement and leaves an address;
the liaison of the agreement's body receives the report; a CGAI reviewer
answers it in the admin; the reader receives the answer.

The live server queues the emails in the database (``TASKS``), as in
production, and a worker process sends them on PostgreSQL (on SQLite, see
``send_queued``)."""

import pytest
from django.db import connection
from django.test import override_settings
from django_tasks_db.models import DBTaskResult
from playwright.sync_api import expect

from agreements.models import Agreement
from background.mail import send_email
from background.models import Email
from background.tasks import enqueue
from tests.support import factories
from tests.support.processes import Database, wait_for, workers
from tests.support.smtp import SmtpServer, text_of

PASSWORD = "contraseña-de-prueba"  # what UserFactory gives every user
READER = "lectora@ejemplo.mx"
LIAISON = "enlace.reportes@cdmx.gob.mx"
WHAT = "La fecha de firma que aparece no coincide con el documento firmado."
REPLY = "Gracias: revisamos el documento y corregimos la fecha de firma."
# Committed as it goes (not the browser tests' rolled-back transaction): the
# copy of SQLite's in-memory database for the worker can't be taken while a
# transaction is open on it, and on PostgreSQL the worker must see the rows.
pytestmark = pytest.mark.django_db(transaction=True)

WORKER_ENV = {"TASK_HEARTBEAT_SECONDS": "0.3", "TASK_WORKER_TIMEOUT_SECONDS": "3", "PAGE_CACHE_SECONDS": "0"}


def subject(message) -> str:
    return " ".join(str(message["Subject"]).split())


@pytest.fixture(scope="module")
def office(live_site, django_db_blocker):
    """A published agreement of the book, a liaison of its body and a CGAI reviewer, committed."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]), \
            django_db_blocker.unblock():
        agreement = Agreement.objects.published().order_by("pk").first()
        yield {
            "agreement": agreement,
            "liaison": factories.liaison(body=agreement.body, username="enlace.reportes", email=LIAISON),
            "reviewer": factories.reviewer(username="revision.reportes", email="revision.reportes@cdmx.gob.mx"),
        }


def send_queued(tmp_path, smtp, count: int, step: str, django_db_blocker):
    """Let a worker send what the live server queued, until ``count`` messages arrived.

    On PostgreSQL a real worker process (``manage.py run_worker``) does it.
    SQLite's in-memory test database, held by the live server, can't be
    copied to a file for a worker (the backup waits on it forever), so there
    the queued emails are sent in this process by the same task, through the
    same SMTP server."""
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            pending = list(Email.objects.filter(status=Email.Status.PENDING).values_list("pk", flat=True))
            mailer = {"BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                      "OPTIONS": {"host": "127.0.0.1", "port": smtp.port, "use_tls": False, "timeout": 10}}
            immediate = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
            with override_settings(TASKS=immediate, MAILERS={"default": mailer}):
                for pk in pending:
                    enqueue(send_email, pk)
            DBTaskResult.objects.all().delete()
            wait_for(lambda: len(smtp.messages) >= count, f"{count} emails")
            return
        db = Database(tmp_path / step)
        with workers(db, tmp_path / "media", tmp_path / step, **WORKER_ENV, **smtp.env()) as [worker]:
            wait_for(lambda: len(smtp.messages) >= count, f"{count} emails", processes=[worker.process])


def test_a_report_reaches_the_liaison_and_the_answer_reaches_the_reader(
    page, browser, live_site, office, tmp_path, django_db_blocker, assert_accessible
):
    agreement = office["agreement"]
    (tmp_path / "first").mkdir()
    (tmp_path / "second").mkdir()
    queued = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with SmtpServer() as smtp, override_settings(TASKS=queued, SITE_URL=live_site.url):
        page.goto(agreement.get_absolute_url())
        page.get_by_role("link", name="Reportar un error").click()
        expect(page.locator("h1")).to_have_text("Reportar un error")
        expect(page.locator("main")).to_contain_text(f"En el registro: {agreement.title}")
        assert_accessible(page)
        page.get_by_label("¿Qué está mal?").fill(WHAT)
        page.get_by_label("Su correo, si quiere saber la respuesta").fill(READER)
        page.get_by_role("button", name="Enviar el reporte").click()
        expect(page.locator("main")).to_contain_text("Gracias. Recibimos su reporte")
        assert page.url.endswith("/gracias/")

        # A worker sends the staff's email; the liaison receives it over SMTP.
        send_queued(tmp_path, smtp, 1, "first", django_db_blocker)
        [notice] = smtp.messages
        assert LIAISON in notice["X-Envelope-To"].split(", ")
        assert "revision.reportes@cdmx.gob.mx" in notice["X-Envelope-To"].split(", ")
        assert subject(notice) == f"CDMX Global: reporte de error en «{agreement.title}»"
        body = text_of(notice)
        assert WHAT in body and READER not in body
        assert "Dejó un correo para recibir la respuesta: sí." in body
        admin_path = body.split(live_site.url)[-1].strip()
        assert admin_path.startswith("/admin/feedback/errorreport/") and admin_path.endswith("/change/")

        # A CGAI reviewer answers it in the admin.
        staff = browser.new_context(locale="es-MX", base_url=live_site.url)
        admin = staff.new_page()
        admin.goto("/admin/login/")
        admin.get_by_label("Nombre de usuario").fill("revision.reportes")
        admin.get_by_label("Contraseña").fill(PASSWORD)
        admin.locator("input[type=submit]").click()
        expect(admin.locator("#user-tools")).to_be_visible()
        admin.goto(admin_path)
        expect(admin.locator("#content-main")).to_contain_text(WHAT)
        expect(admin.locator("#content-main")).not_to_contain_text(READER)
        admin.locator("textarea[name=reply]").fill(REPLY)
        admin.locator("select[name=status]").select_option("attended")
        admin.locator("input[name=_save]").click()
        expect(admin.locator(".messagelist")).to_contain_text("La respuesta se enviará por correo a quien reportó.")
        staff.close()

        # A worker sends the answer; the reader receives it.
        send_queued(tmp_path, smtp, 2, "second", django_db_blocker)
        assert len(smtp.messages) == 2
        answer = smtp.messages[1]
        assert answer["X-Envelope-To"] == READER
        assert subject(answer) == f"CDMX Global: respuesta a su reporte sobre «{agreement.title}»"
        assert REPLY in text_of(answer)
