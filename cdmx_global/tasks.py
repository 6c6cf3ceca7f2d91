"""The kernel's background work: the daily deadline digest, which the
workers run on their own every morning (``TASK_SCHEDULES``) and
``manage.py send_deadline_digest`` can queue for any day."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from background.mail import queue_email
from background.models import Email
from background.tasks import background_task

from .access import reviewers
from .deadlines import collect_deadlines, count_items, digest_subject, digest_text


def digest_recipients():
    """Active staff with an email who keep records: reviewers and liaisons of a body."""
    return (
        get_user_model()
        .objects.filter(is_active=True, is_staff=True)
        .exclude(email="")
        .filter(Q(pk__in=reviewers().values("pk")) | Q(staff_profile__body__isnull=False))
        .select_related("staff_profile__body")
        .order_by("username")
    )


@dataclass(frozen=True)
class Digest:
    user: object
    count: int
    #: The email queued for it; None when nothing is due, or in a dry run.
    email: Email | None


def queue_digests(today: datetime.date, *, dry_run: bool = False) -> list[Digest]:
    """Each recipient's deadlines on ``today``, and (unless ``dry_run``) its
    email queued: one per recipient and day, however many times this runs."""
    digests = []
    with translation.override(settings.LANGUAGE_CODE):
        for user in digest_recipients():
            sections = collect_deadlines(user=user, today=today)
            count = count_items(sections)
            email = None
            if count and not dry_run:
                email = queue_email(
                    to=[user.email],
                    subject=digest_subject(count, today),
                    body=digest_text(sections, today),
                    key=f"deadline-digest:{today.isoformat()}:{user.pk}",
                )
            digests.append(Digest(user=user, count=count, email=email))
    return digests


@background_task(title=_("Enviar el resumen diario de plazos"))
def send_deadline_digests(day: str) -> int:
    """Queue the digests of ``day`` (AAAA-MM-DD); returns how many emails."""
    return sum(1 for digest in queue_digests(datetime.date.fromisoformat(day)) if digest.email)
