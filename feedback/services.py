"""Receiving a report, answering it, and forgetting the reader's address.

A report and the emails that tell staff of it are written in one
transaction (the outbox, ``background.mail``): either both are kept or
neither. The answer is emailed once (outbox key ``feedback:<pk>:reply``).
"""

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from background.mail import queue_email
from cdmx_global.access import reviewers, user_handles_body

from . import emails
from .limits import allow_client
from .models import ErrorReport, Language, Status
from .records import snapshot


class TooManyReports(Exception):
    """The client sent more reports this hour than ``ERROR_REPORTS_PER_CLIENT``."""


def staff_recipients(body) -> list[str]:
    """The addresses told of a report: the active staff of the record's body
    (its liaisons) and the CGAI reviewers, each once, only those that exist."""
    users = (
        get_user_model().objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(Q(staff_profile__body=body) | Q(pk__in=reviewers().values("pk")))
    )
    addresses: dict[str, str] = {}
    for email in users.order_by("pk").values_list("email", flat=True):
        if email.strip():
            addresses.setdefault(email.strip().lower(), email.strip())
    return sorted(addresses.values(), key=str.lower)


def submit_report(*, record, text: str, email: str = "", language: str = Language.SPANISH,
                  client: str | None = None) -> ErrorReport:
    """Keep a reader's report on the published ``record`` and queue the staff's email.

    ``text`` and ``email`` come checked by ``ReportForm``; ``TooManyReports``
    when the client is over its hourly limit (nothing is saved then).
    """
    if not allow_client(client):
        raise TooManyReports(_(
            "Recibimos demasiados reportes desde su conexión en poco tiempo. Intente de nuevo más tarde."
        ))
    title, url = snapshot(record)
    with transaction.atomic():
        report = ErrorReport.objects.create(
            content_type=ContentType.objects.get_for_model(record), object_id=record.pk,
            record_title=title, record_url=url, body_id=record.body_id,
            text=text, email=email, wants_reply=bool(email),
            language=Language.ENGLISH if language.startswith("en") else Language.SPANISH,
        )
        recipients = staff_recipients(record.body_id)
        if recipients:
            subject, body = emails.staff_notice(report)
            queue_email(to=recipients, subject=subject, body=body, key=f"feedback:{report.pk}:staff")
    return report


def resolve(*, report: ErrorReport, user, status: str, reply: str, internal_note: str | None = None) -> ErrorReport:
    """Close ``report`` as attended or dismissed with ``reply``; the reader
    gets the reply by email if they left an address, which is then forgotten."""
    if not user_handles_body(user, report.body_id):
        raise PermissionDenied
    reply = (reply or "").strip()
    if status not in (Status.ATTENDED, Status.DISMISSED):
        raise ValidationError(_("Elija «Atendido» o «Descartado» para cerrar el reporte."))
    if not reply:
        raise ValidationError(_("Escriba la respuesta antes de cerrar el reporte."))
    with transaction.atomic():
        report = ErrorReport.objects.select_for_update().get(pk=report.pk)
        if report.is_closed:
            raise ValidationError(_("Este reporte ya se cerró."))
        report.status, report.reply = status, reply
        report.replied_at, report.replied_by = timezone.now(), user
        if internal_note is not None:
            report.internal_note = internal_note
        if report.email:
            subject, body = emails.reply_to_reader(report)
            queue_email(to=[report.email], subject=subject, body=body, key=f"feedback:{report.pk}:reply")
            report.email = ""  # the outbox holds it until sent (EMAIL_KEEP_DAYS); the report no longer
        report.save()
    return report


def forget_addresses(now: datetime.datetime | None = None) -> int:
    """Blank the address of every report older than ``ERROR_REPORT_RETENTION_DAYS``; how many."""
    before = (now or timezone.now()) - datetime.timedelta(days=settings.ERROR_REPORT_RETENTION_DAYS)
    return ErrorReport.objects.filter(created_at__lt=before).exclude(email="").update(email="")
