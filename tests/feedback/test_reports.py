"""Reporting an error on a published record: the report kept with exactly
what was sent, staff told by email in the same transaction, bad input
refused in Spanish with nothing saved and nothing sent, the hourly limit
per client, and unpublished records answering like records that do not
exist."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core import mail

from agreements.models import Agreement
from background.models import Email
from feedback.models import ErrorReport, Status
from feedback.services import staff_recipients
from tests.support import factories

pytestmark = pytest.mark.django_db

TEXT = "La fecha de firma es el 3 de mayo de 2016, no el 5."


def url(agreement) -> str:
    return f"/reportar-error/acuerdo/{agreement.pk}/"


def send(client, agreement, client_address="127.0.0.1", **data):
    return client.post(url(agreement), {"text": TEXT, "email": "", "website": "", **data}, REMOTE_ADDR=client_address)


def text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def nothing_saved():
    return not ErrorReport.objects.exists() and not Email.objects.exists() and mail.outbox == []


def test_the_record_page_links_to_the_form_which_names_the_record(client, office):
    agreement = office["agreement"]
    page = client.get(agreement.get_absolute_url()).content.decode()
    assert f'<a href="/reportar-error/acuerdo/{agreement.pk}/" rel="nofollow">Reportar un error</a>' in page

    form = client.get(url(agreement))
    assert form.status_code == 200
    body = text(form)
    assert f'<a href="{agreement.get_absolute_url()}"><strong>Hermanamiento con Lyon</strong></a>' in body
    assert '<label for="id_text">¿Qué está mal?</label>' in body
    assert '<label for="id_email">Su correo, si quiere saber la respuesta</label>' in body
    assert '<p class="visually-hidden"> <label for="id_website">Deje este campo vacío</label>' in body
    assert 'name="csrfmiddlewaretoken"' in body
    assert '<a href="/reportar-error/aviso-de-privacidad/">Aviso de privacidad</a>' in body
    # Never kept in the page cache, for anyone: it carries a CSRF token.
    assert "no-store" in form["Cache-Control"] and "private" in form["Cache-Control"]


def test_a_report_is_kept_and_staff_are_told_by_email(client, office):
    agreement = office["agreement"]
    answer = send(client, agreement, text=f"  {TEXT}\n ", email=" ana@ejemplo.mx ")

    assert answer.status_code == 302
    assert answer["Location"] == f"/reportar-error/acuerdo/{agreement.pk}/gracias/"
    thanks = client.get(answer["Location"])
    assert "Gracias. Recibimos su reporte y lo revisarán la dependencia responsable y la CGAI." in text(thanks)

    report = ErrorReport.objects.get()
    assert (report.content_type, report.object_id, report.record) == (
        ContentType.objects.get_for_model(Agreement), agreement.pk, agreement)
    assert report.record_title == "Hermanamiento con Lyon"
    assert report.record_url == f"https://global.cdmx.gob.mx/acuerdos/{agreement.code}/"
    assert report.body == office["body"]
    assert (report.text, report.email, report.wants_reply) == (TEXT, "ana@ejemplo.mx", True)
    assert (report.language, report.status, report.reply, report.replied_at) == ("es", Status.NEW, "", None)

    [message] = mail.outbox
    assert message.to == ["enlace@semovi.cdmx.gob.mx", "revision@cgai.cdmx.gob.mx"]
    assert message.subject == "CDMX Global: reporte de error en «Hermanamiento con Lyon»"
    assert message.body == (
        "Alguien reportó un error en «Hermanamiento con Lyon» (Secretaría de Movilidad (SEMOVI)):\n\n"
        f"{TEXT}\n\n"
        f"Página del registro: https://global.cdmx.gob.mx/acuerdos/{agreement.code}/\n"
        "Dejó un correo para recibir la respuesta: sí.\n\n"
        "Atiéndalo en la administración: escriba la respuesta y márquelo como atendido o descartado.\n"
        f"https://global.cdmx.gob.mx/admin/feedback/errorreport/{report.pk}/change/\n"
    )
    assert "ana@ejemplo.mx" not in message.body
    assert Email.objects.get().key == f"feedback:{report.pk}:staff"


def test_recipients_are_the_bodys_active_staff_and_cgai_each_once(office):
    # A liaison who also reviews is written to once.
    both = factories.liaison(body=office["body"], username="doble", email="Revision@cgai.cdmx.gob.mx")
    assert both.pk
    assert staff_recipients(office["body"]) == ["enlace@semovi.cdmx.gob.mx", "revision@cgai.cdmx.gob.mx"]


def test_a_report_from_an_english_page_is_kept_with_its_language(client, office):
    agreement = office["agreement"]
    answer = client.post(f"/en{url(agreement)}", {"text": TEXT}, REMOTE_ADDR="10.0.0.1")
    assert answer["Location"] == f"/en/reportar-error/acuerdo/{agreement.pk}/gracias/"
    report = ErrorReport.objects.get()
    assert (report.language, report.email, report.wants_reply) == ("en", "", False)
    assert "Dejó un correo para recibir la respuesta: no." in mail.outbox[0].body


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"text": ""}, "Escriba qué está mal."),
        ({"text": "   \n\t "}, "Escriba qué está mal."),
        ({"text": "x" * 3001}, "Escriba en 3000 caracteres o menos (escribió 3001)."),
        ({"email": "ana@"}, "Escriba un correo válido, como nombre@ejemplo.mx, o déjelo vacío."),
        ({"email": "ana ejemplo.mx"}, "Escriba un correo válido, como nombre@ejemplo.mx, o déjelo vacío."),
        # A robot fills the field people never see: refused, so a person whose browser filled it knows.
        ({"website": "https://spam.example"},
         "No pudimos recibir el reporte: el campo «Deje este campo vacío» debe quedar vacío."),
    ],
)
def test_bad_input_is_refused_in_spanish_with_nothing_saved_or_sent(client, office, data, message):
    answer = send(client, office["agreement"], **data)
    assert answer.status_code == 400
    assert f"<li>{message}</li>" in text(answer).replace("&quot;", '"').replace("&#x27;", "'")
    assert nothing_saved()


def test_a_flood_from_one_client_is_refused_after_the_limit(client, office, settings):
    settings.ERROR_REPORTS_PER_CLIENT = 3
    agreement = office["agreement"]
    for number in range(3):
        assert send(client, agreement, text=f"Error {number}", client_address="203.0.113.5").status_code == 302
    mail.outbox.clear()

    refused = send(client, agreement, text="Error 4", client_address="203.0.113.5")
    assert refused.status_code == 429
    assert ("<li>Recibimos demasiados reportes desde su conexión en poco tiempo. Intente de nuevo más tarde.</li>"
            in text(refused))
    assert list(ErrorReport.objects.order_by("pk").values_list("text", flat=True)) == ["Error 0", "Error 1", "Error 2"]
    assert Email.objects.count() == 3 and mail.outbox == []

    # Another client is not held back by this one.
    assert send(client, agreement, text="Error de otra conexión", client_address="198.51.100.7").status_code == 302
    assert ErrorReport.objects.count() == 4


@pytest.mark.parametrize("status", ["draft", "review", "withdrawn"])
def test_an_unpublished_record_answers_like_one_that_does_not_exist(client, office, status):
    hidden = factories.AgreementFactory(title="Acuerdo que no se ve", body=office["body"], **{status: True})
    missing = hidden.pk + 1000000

    def page(answer, pk):
        # The page names its own address (the language switch): the rest is the same, byte for byte.
        return answer.content.decode().replace(f"/{pk}/", "/N/")

    for suffix in ("", "gracias/"):
        answer = client.get(f"{url(hidden)}{suffix}")
        unknown = client.get(f"/reportar-error/acuerdo/{missing}/{suffix}")
        assert answer.status_code == unknown.status_code == 404
        assert page(answer, hidden.pk) == page(unknown, missing)
        assert "Acuerdo que no se ve" not in answer.content.decode()
    posted = send(client, hidden)
    assert posted.status_code == 404
    assert page(posted, hidden.pk) == page(client.get(f"/reportar-error/acuerdo/{missing}/"), missing)
    assert client.get("/reportar-error/tratado/1/").status_code == 404
    assert nothing_saved()


@pytest.mark.parametrize(
    ("factory", "kind", "fields"),
    [
        (factories.ActionFactory, "accion", {"title": "Acción reportable"}),
        (factories.EventFactory, "evento", {"name": "Cumbre reportable"}),
        (factories.VisitFactory, "visita", {"title": "Gira reportable"}),
        (factories.AwardFactory, "premio", {"title": "Premio reportable"}),
        (factories.NetworkFactory, "red", {"name": "Red reportable"}),
        (factories.CounterpartFactory, "contraparte", {"name": "Ciudad reportable"}),
    ],
)
def test_every_record_page_links_to_its_form(client, office, factory, kind, fields):
    record = factory(body=office["body"], published=True, **fields)
    page = client.get(record.get_absolute_url())
    assert page.status_code == 200
    assert f'<a href="/reportar-error/{kind}/{record.pk}/" rel="nofollow">Reportar un error</a>' in page.content.decode()
    form = client.get(f"/reportar-error/{kind}/{record.pk}/")
    assert f"<strong>{record}</strong>" in form.content.decode() and next(iter(fields.values())) in str(record)


def test_the_privacy_notice(client, settings):
    settings.ERROR_REPORT_RETENTION_DAYS = 45
    page = text(client.get("/reportar-error/aviso-de-privacidad/"))
    assert "<h1>Aviso de privacidad: reportes de errores</h1>" in page
    assert "Coordinación General de Asuntos Internacionales (CGAI)" in page
    assert "o a los 45 días del reporte si no se ha respondido" in page
    assert "ante la Unidad de Transparencia de la Jefatura de Gobierno" in page
