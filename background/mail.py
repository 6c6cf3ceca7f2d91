"""Every email the portal sends: written to the outbox (``Email``) in the
caller's transaction and sent by a task, with retries.

Sending is idempotent: the task holds the email's row while it talks to the
mail server and marks it sent in the same transaction, so a second run (a
retry, or a worker that took over from one killed) sends nothing again. The
one gap left, a worker killed after the server accepted the message and
before the mark is committed, resends the same message with the same
``Message-ID``, which mail programs recognise as one.
"""


from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Email
from .tasks import background_task, enqueue

#: Tries before an email is given up (and shown as not sent in the admin): with
#: the delays doubling from ``TASK_RETRY_DELAY_SECONDS`` (10 s), about an hour
#: and a half of a mail server down.
EMAIL_ATTEMPTS = 10


def queue_email(*, to: list[str], subject: str, body: str, html: str = "", headers=None, key: str | None = None) -> Email:
    """Keep an email to send and queue its sending; with a ``key`` already
    used, the email kept under it is returned and nothing more is sent."""
    with transaction.atomic():
        fields = {"to": list(to), "subject": subject[:300], "body": body, "html": html, "headers": headers or {}}
        if key is None:
            email, created = Email.objects.create(**fields), True
        else:
            email, created = Email.objects.get_or_create(key=key, defaults=fields)
        if created:
            enqueue(send_email, email.pk)
    return email


def _failure(error: BaseException) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


@background_task(title=_("Enviar un correo"), attempts=EMAIL_ATTEMPTS, takes_context=True)
def send_email(context, email_id: int) -> str:
    """Send the kept email ``email_id`` unless it was sent already."""
    try:
        with transaction.atomic():
            email = Email.objects.select_for_update().filter(pk=email_id).first()
            if email is None:
                return "deleted"
            if email.status == Email.Status.SENT:
                return "already sent"
            message = EmailMultiAlternatives(
                subject=email.subject,
                body=email.body,
                to=email.to,
                headers={**email.headers, "Message-ID": email.message_id},
            )
            if email.html:
                message.attach_alternative(email.html, "text/html")
            message.send()
            email.status = Email.Status.SENT
            email.sent_at = timezone.now()
            email.attempts = F("attempts") + 1
            email.last_error = ""
            email.save(update_fields=["status", "sent_at", "attempts", "last_error"])
    except Exception as error:  # SMTP refusals, connection errors, and anything else: tried again
        last = context.attempt >= EMAIL_ATTEMPTS
        Email.objects.filter(pk=email_id).update(
            attempts=F("attempts") + 1,
            last_error=_failure(error),
            status=Email.Status.FAILED if last else Email.Status.PENDING,
        )
        raise
    return "sent"
