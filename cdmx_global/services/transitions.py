"""Review and publication of records: the only way a record changes status.

draft → review → published → withdrawn, and back: a reviewer may return a
record in review to its draft, and restore a withdrawn one. Each step records
who and when, lands in the history with a readable reason, and is refused with
a Spanish message when the role or the record's status does not allow it.
The admin's buttons and bulk actions, commands and imports all call these;
the book load, which no person makes, publishes through ``publish_by_system``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy as _

from background.mail import queue_email
from background.models import Email

from ..access import reviewers, user_can_review, user_handles_body
from ..changelog import ChangeKind, log_change
from ..models import Publishable, PublicationStatus, Record
from ..signals import transition_refused
from ..versioning import ensure_version

DRAFT = PublicationStatus.DRAFT
REVIEW = PublicationStatus.REVIEW
PUBLISHED = PublicationStatus.PUBLISHED
WITHDRAWN = PublicationStatus.WITHDRAWN


@dataclass(frozen=True)
class Transition:
    key: str
    label: str  # the button on a record
    bulk_label: str  # the admin action on the list
    done: str  # the history's change reason and the admin message
    sources: tuple[str, ...]
    reviewers_only: bool
    note: str = ""  # "required", "optional" or "" (no note asked)


SUBMIT = Transition(
    "submit",
    _("Enviar a revisión"),
    _("Enviar a revisión los registros seleccionados"),
    _("Enviado a revisión"),
    (DRAFT,),
    reviewers_only=False,
)
PUBLISH = Transition(
    "publish",
    _("Publicar"),
    _("Publicar los registros seleccionados"),
    _("Publicado"),
    (DRAFT, REVIEW),
    reviewers_only=True,
)
RETURN = Transition(
    "return",
    _("Devolver a borrador"),
    _("Devolver a borrador los registros seleccionados"),
    _("Devuelto a borrador"),
    (REVIEW,),
    reviewers_only=True,
    note="optional",
)
WITHDRAW = Transition(
    "withdraw",
    _("Retirar"),
    _("Retirar los registros seleccionados"),
    _("Retirado"),
    (DRAFT, REVIEW, PUBLISHED),
    reviewers_only=True,
    note="required",
)
RESTORE = Transition(
    "restore",
    _("Restaurar"),
    _("Restaurar los registros seleccionados"),
    _("Restaurado"),
    (WITHDRAWN,),
    reviewers_only=True,
)
TRANSITIONS = {t.key: t for t in (SUBMIT, PUBLISH, RETURN, WITHDRAW, RESTORE)}


def check_transition(*, transition: Transition, record: Record, user) -> None:
    """Raise ``PermissionDenied`` (role) or ``ValidationError`` (status) unless ``user`` may
    apply ``transition`` to ``record`` now."""
    if not user_handles_body(user, record.body_id):
        raise PermissionDenied(gettext("No puede modificar registros de otra dependencia."))
    if transition.reviewers_only and not user_can_review(user):
        raise PermissionDenied(
            gettext("Sólo la revisión de la CGAI puede hacer esto: «%(action)s».") % {"action": transition.label}
        )
    if record.status not in transition.sources:
        raise ValidationError(
            gettext("«%(action)s» no es posible para un registro en estado «%(status)s».")
            % {"action": transition.label, "status": record.get_status_display()}
        )


def transitions_for(*, record: Record, user) -> list[Transition]:
    """The steps ``user`` may take on ``record`` now, in the order the buttons show."""
    allowed = []
    for transition in TRANSITIONS.values():
        try:
            check_transition(transition=transition, record=record, user=user)
        except (PermissionDenied, ValidationError):
            continue
        allowed.append(transition)
    return allowed


@transaction.atomic
def record_transition(
    *, record: Record, user, transition: Transition, note: str = "", expected_version: int | None = None
) -> Record:
    """Apply ``transition``; the record is locked, checked and saved with its history row."""
    model = type(record)
    locked = model.objects.select_for_update().get(pk=record.pk)
    if expected_version is not None:
        ensure_version(locked, expected_version)
    check_transition(transition=transition, record=locked, user=user)
    note = note.strip()
    if transition.note == "required" and not note:
        raise ValidationError(gettext("Indique el motivo."))

    now = timezone.now()
    was = locked.status
    _STEPS[transition.key](locked, user, now, note)
    if locked.status == PUBLISHED:
        # A published record must be complete and valid, whoever entered it.
        locked.full_clean(validate_constraints=False)
    locked._change_reason = f"{transition.done}: {note}" if note else str(transition.done)
    locked._history_user = user
    locked.save()
    _log_public_step(locked, was=was, note=note, at=now)
    if transition is SUBMIT:
        notify_reviewers_of_submission(record=locked, user=user)
    return locked


def _log_public_step(record: Publishable, *, was: str, note: str, at) -> None:
    """Log a step the public sees: the record appears, or goes with its public reason
    (a record withdrawn before it was ever published leaves nothing: the public never saw it)."""
    if record.status == PUBLISHED and was != PUBLISHED:
        log_change(record, kind=ChangeKind.PUBLISHED, at=at)
    elif record.status == WITHDRAWN and was == PUBLISHED:
        log_change(record, kind=ChangeKind.WITHDRAWN, note=note, at=at)


def _submit(record, user, now, note):
    record.status, record.submitted_at, record.submitted_by = REVIEW, now, user


def _publish(record, user, now, note):
    record.status, record.published_at, record.published_by = PUBLISHED, now, user
    record.review_note = ""


def _return(record, user, now, note):
    record.status, record.review_note = DRAFT, note


def _withdraw(record, user, now, note):
    record.status, record.withdrawn_at, record.withdrawn_by, record.review_note = WITHDRAWN, now, user, note


def _restore(record, user, now, note):
    # Back to the public if it had been published; otherwise back to its draft.
    record.status = PUBLISHED if record.published_at else DRAFT
    record.review_note = ""


def publish_by_system(record: Publishable, *, now) -> None:
    """Mark ``record`` published by no person, as the book load does: its records
    are already public in the book. An earlier publication date is kept.

    A step on a record in hand, unsaved: ``record_create(publish=True)`` creates a
    record this way, ``record_publish_by_system`` saves it for a stored one.
    """
    record.status = PUBLISHED
    if isinstance(record, Record):
        record.published_at = record.published_at or now
        record.review_note = ""


@transaction.atomic
def record_publish_by_system(*, record: Publishable, reason: str) -> Publishable:
    """Publish a stored record without review, the history saying ``reason`` and no user.

    Only for a system load (the book's records); people publish through ``PUBLISH``.
    """
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if locked.status == PUBLISHED:
        return locked
    was, now = locked.status, timezone.now()
    publish_by_system(locked, now=now)
    locked.full_clean(validate_constraints=False)
    locked._change_reason = reason
    locked._history_user = None
    locked.save()
    _log_public_step(locked, was=was, note="", at=now)
    return locked


@transaction.atomic
def record_withdraw_by_system(*, record: Record, reason: str, note: str) -> Record:
    """Withdraw a stored record by no person, the history saying ``reason`` and the
    record's review note saying why (``note``, shown to staff).

    Only for a system load: the book load withdraws a record it once loaded and
    the book turned out not to support. People withdraw through ``WITHDRAW``.
    """
    locked = type(record)._default_manager.select_for_update().get(pk=record.pk)
    if locked.status == WITHDRAWN:
        return locked
    was, now = locked.status, timezone.now()
    _withdraw(locked, None, now, note)
    locked.full_clean(validate_constraints=False)
    locked._change_reason = reason
    locked._history_user = None
    locked.save()
    _log_public_step(locked, was=was, note=note, at=now)
    return locked


_STEPS: dict[str, Callable] = {
    "submit": _submit,
    "publish": _publish,
    "return": _return,
    "withdraw": _withdraw,
    "restore": _restore,
}


def records_transition(
    *, records: Iterable[Record], user, transition: Transition, note: str = ""
) -> tuple[list[Record], list[tuple[Record, str]]]:
    """Apply ``transition`` to each record on its own: returns (done, [(refused, why)])."""
    done, refused = [], []
    for record in records:
        try:
            done.append(record_transition(record=record, user=user, transition=transition, note=note))
        except (PermissionDenied, ValidationError) as error:
            if isinstance(error, PermissionDenied):
                transition_refused.send(sender=type(record), user=user, action=transition.key, record=record)
            refused.append((record, _message(error)))
    return done, refused


def _message(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return " ".join(error.messages)
    return str(error)


def notify_reviewers_of_submission(*, record: Record, user) -> Email | None:
    """Email every reviewer that ``record`` awaits review: queued in the
    submission's transaction, sent by a worker (``background.mail``)."""
    recipients = [email for email in reviewers().exclude(pk=user.pk).values_list("email", flat=True) if email]
    if not recipients:
        return None
    opts = record._meta
    link = settings.SITE_URL.rstrip("/") + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
    subject = gettext("Para revisión: «%(record)s»") % {"record": record}
    body = gettext(
        "%(user)s (%(body)s) envió a revisión este registro (%(kind)s):\n\n"
        "«%(record)s»\n\n"
        "Revíselo y publíquelo, o devuélvalo a borrador con sus observaciones:\n%(link)s\n"
    ) % {
        "user": user.get_full_name() or user.get_username(),
        "body": record.body,
        "kind": opts.verbose_name,
        "record": record,
        "link": link,
    }
    return queue_email(to=recipients, subject=subject, body=body)
