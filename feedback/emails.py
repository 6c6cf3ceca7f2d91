"""The emails of a report: to staff when it arrives (in Spanish, the
staff's language), and the answer to the reader (in the language of the page
they reported from). The staff's email never carries the reader's address:
the answer goes through the admin."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _


def admin_url(report) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("admin:feedback_errorreport_change", args=[report.pk])


def staff_notice(report) -> tuple[str, str]:
    """Subject and text of the email that tells staff of ``report``."""
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("CDMX Global: reporte de error en «%(title)s»") % {"title": report.record_title}
        body = _(
            "Alguien reportó un error en «%(title)s» (%(body)s):\n\n"
            "%(text)s\n\n"
            "Página del registro: %(url)s\n"
            "Dejó un correo para recibir la respuesta: %(wants_reply)s.\n\n"
            "Atiéndalo en la administración: escriba la respuesta y márquelo como atendido o descartado.\n"
            "%(admin)s\n"
        ) % {
            "title": report.record_title,
            "body": report.body,
            "text": report.text,
            "url": report.record_url,
            "wants_reply": _("sí") if report.wants_reply else _("no"),
            "admin": admin_url(report),
        }
    return subject, body


def reply_to_reader(report) -> tuple[str, str]:
    """Subject and text of the answer to the reader who reported."""
    with translation.override("en" if report.language == "en" else settings.LANGUAGE_CODE):
        subject = _("CDMX Global: respuesta a su reporte sobre «%(title)s»") % {"title": report.record_title}
        body = _(
            "Gracias por avisarnos de un error en «%(title)s».\n\n"
            "Nuestra respuesta:\n\n"
            "%(reply)s\n\n"
            "Página del registro: %(url)s\n\n"
            "Su correo se usó sólo para enviarle esta respuesta y ya no lo guardamos con su reporte.\n"
        ) % {"title": report.record_title, "reply": report.reply, "url": report.record_url}
    return subject, body
