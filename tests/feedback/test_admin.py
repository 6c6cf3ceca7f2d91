"""Staff attend reports in the admin: a liaison sees its own body's reports
only, CGAI every body's, the reader's address is never shown; answering
emails the reply once to a reader who left an address, and forgets it;
the addresses of old reports are forgotten each night."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from background.models import Email
from feedback.housekeeping import forget_report_addresses
from feedback.models import ErrorReport, Status
from feedback.services import resolve
from tests.support import factories

pytestmark = pytest.mark.django_db

REPLY = "Corregimos la fecha de firma: 3 de mayo de 2016. Gracias."


@pytest.fixture
def report(client, office):
    agreement = office["agreement"]
    client.post(f"/reportar-error/acuerdo/{agreement.pk}/",
                {"text": "La fecha de firma está mal.", "email": "ana@ejemplo.mx", "website": ""})
    mail.outbox.clear()
    return ErrorReport.objects.get()


def change_url(report) -> str:
    return f"/admin/feedback/errorreport/{report.pk}/change/"


def test_the_bodys_liaison_and_cgai_see_the_report_another_body_does_not(client, office, report):
    for user in (office["liaison"], office["reviewer"]):
        client.force_login(user)
        listing = client.get("/admin/feedback/errorreport/").content.decode()
        assert "Hermanamiento con Lyon" in listing and "ana@ejemplo.mx" not in listing
        page = client.get(change_url(report)).content.decode()
        assert "La fecha de firma está mal." in page and "ana@ejemplo.mx" not in page

    client.force_login(office["stranger"])
    listing = client.get("/admin/feedback/errorreport/")
    assert listing.status_code == 200
    assert "Hermanamiento con Lyon" not in listing.content.decode()
    assert "0 reportes de errores" in listing.content.decode()
    hidden = client.get(change_url(report))
    assert hidden.status_code == 302 and hidden["Location"] == "/admin/"
    posted = client.post(change_url(report), {"status": "attended", "reply": "No es mío", "internal_note": ""})
    assert posted.status_code == 302 and posted["Location"] == "/admin/"
    report.refresh_from_db()
    assert (report.status, report.reply, mail.outbox) == (Status.NEW, "", [])


def test_closing_without_a_reply_is_refused(client, office, report):
    client.force_login(office["liaison"])
    answer = client.post(change_url(report), {"status": "attended", "reply": "  ", "internal_note": ""})
    assert answer.status_code == 200
    assert "Escriba la respuesta antes de cerrar el reporte." in answer.content.decode()
    report.refresh_from_db()
    assert (report.status, Email.objects.count(), report.email) == (Status.NEW, 1, "ana@ejemplo.mx")


def test_the_reply_is_emailed_once_and_the_address_forgotten(client, office, report):
    client.force_login(office["liaison"])
    answer = client.post(change_url(report), {"status": "attended", "reply": REPLY, "internal_note": "Revisado."})
    assert answer.status_code == 302

    report.refresh_from_db()
    assert (report.status, report.reply, report.internal_note) == (Status.ATTENDED, REPLY, "Revisado.")
    assert report.replied_by == office["liaison"] and report.replied_at is not None
    assert (report.email, report.wants_reply) == ("", True)
    [message] = mail.outbox
    assert message.to == ["ana@ejemplo.mx"]
    assert message.subject == "CDMX Global: respuesta a su reporte sobre «Hermanamiento con Lyon»"
    assert message.body == (
        "Gracias por avisarnos de un error en «Hermanamiento con Lyon».\n\n"
        f"Nuestra respuesta:\n\n{REPLY}\n\n"
        f"Página del registro: https://global.cdmx.gob.mx/acuerdos/{office['agreement'].code}/\n\n"
        "Su correo se usó sólo para enviarle esta respuesta y ya no lo guardamos con su reporte.\n"
    )
    assert Email.objects.filter(key=f"feedback:{report.pk}:reply").count() == 1

    # Closed: the reply and the status can no longer be changed, and nothing is sent again.
    page = client.get(change_url(report)).content.decode()
    assert 'name="reply"' not in page and 'name="status"' not in page and 'name="internal_note"' in page
    client.post(change_url(report), {"internal_note": "Otra nota."})
    with pytest.raises(Exception, match="Este reporte ya se cerró."):
        resolve(report=report, user=office["reviewer"], status=Status.DISMISSED, reply="Otra respuesta")
    report.refresh_from_db()
    assert (report.status, report.reply, report.internal_note) == (Status.ATTENDED, REPLY, "Otra nota.")
    assert len(mail.outbox) == 1


def test_a_dismissed_report_without_an_address_sends_nothing(client, office):
    agreement = office["agreement"]
    client.post(f"/reportar-error/acuerdo/{agreement.pk}/", {"text": "Spam que pasó.", "website": ""})
    report = ErrorReport.objects.get()
    mail.outbox.clear()
    client.force_login(office["reviewer"])
    client.post(change_url(report), {"status": "dismissed", "reply": "No es un error.", "internal_note": ""})
    report.refresh_from_db()
    assert (report.status, report.replied_by, mail.outbox) == (Status.DISMISSED, office["reviewer"], [])


def test_staff_cannot_add_or_delete_reports(client, office, report):
    client.force_login(office["reviewer"])
    assert client.get("/admin/feedback/errorreport/add/").status_code == 403
    assert client.get(f"/admin/feedback/errorreport/{report.pk}/delete/").status_code == 403


def test_old_addresses_are_forgotten_each_night(office, report, settings):
    settings.ERROR_REPORT_RETENTION_DAYS = 30
    recent = factories.AgreementFactory(title="Otro acuerdo", body=office["body"], published=True)
    newer = ErrorReport.objects.create(
        content_type=report.content_type, object_id=recent.pk, record_title="Otro acuerdo",
        record_url="https://global.cdmx.gob.mx/", body=office["body"], text="Reciente", email="beto@ejemplo.mx",
        wants_reply=True,
    )
    ErrorReport.objects.filter(pk=report.pk).update(created_at=timezone.now() - datetime.timedelta(days=31))
    ErrorReport.objects.filter(pk=newer.pk).update(created_at=timezone.now() - datetime.timedelta(days=29))

    assert forget_report_addresses.call(day=timezone.localdate().isoformat()) == 1
    assert dict(ErrorReport.objects.values_list("text", "email")) == {
        "La fecha de firma está mal.": "", "Reciente": "beto@ejemplo.mx",
    }
    assert ErrorReport.objects.get(pk=report.pk).wants_reply is True
