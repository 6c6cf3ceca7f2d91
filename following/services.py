"""Following, step by step: a request, its confirmation, its end.

Every answer to a request is the same whether or not the address already
follows that thing (no one learns who follows what from the form): a new
request gets a confirmation email, an address already following gets an
email saying so, with the link to its subscriptions. Nothing is sent but a
confirmation before the address confirms.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from background.models import Email

from . import emails, limits
from .models import Frequency, Language, Subscription
from .targets import Target


class TooManyRequests(Exception):
    """Over a limit; the message says so in Spanish."""


def clean_email(value: str) -> str:
    email = (value or "").strip()
    try:
        validate_email(email)
    except ValidationError:
        raise ValidationError(gettext("Escriba una dirección de correo válida, p. ej. nombre@ejemplo.mx.")) from None
    local, _at, domain = email.rpartition("@")
    return f"{local}@{domain.lower()}"


def follow_request(*, target: Target, email: str, frequency: str, language: str, client: str | None) -> None:
    """Ask to follow ``target`` at ``email``: a confirmation (or, if it is
    followed already, a reminder of that) is sent; over a limit,
    ``TooManyRequests`` and nothing is saved."""
    email = clean_email(email)
    if frequency not in Frequency.values:
        raise ValidationError(gettext("Elija una frecuencia: diaria o semanal."))
    if language not in Language.values:
        raise ValidationError(gettext("Elija el idioma de los correos: español o inglés."))
    if not limits.allow_client(client) or not limits.allow_address(email):
        raise TooManyRequests(gettext(
            "Recibimos demasiadas solicitudes en poco tiempo. Espere una hora e inténtelo de nuevo."
        ))
    try:
        _save_request(target, email, frequency, language)
    except IntegrityError:
        # The same request, at the same moment, from elsewhere: that one sent the confirmation.
        pass


@transaction.atomic
def _save_request(target: Target, email: str, frequency: str, language: str) -> None:
    """A new request, or the same one again: its confirmation is sent anew; a
    confirmed one gets the «ya sigue» email, and nothing of it changes."""
    existing = (
        Subscription.objects.select_for_update()
        .filter(email=email, target=target.kind, key=target.key, query=target.query)
        .first()
    )
    if existing is not None and existing.is_confirmed:
        emails.queue_already_following(existing)
        return
    if existing is None:
        if Subscription.objects.filter(email=email).count() >= settings.FOLLOW_MAX_PER_ADDRESS:
            raise TooManyRequests(gettext(
                "Esta dirección ya sigue el máximo de %(limit)s cosas: deje de seguir alguna antes."
            ) % {"limit": settings.FOLLOW_MAX_PER_ADDRESS})
        existing = Subscription(email=email, target=target.kind, key=target.key, query=target.query)
    existing.frequency, existing.language = frequency, language
    existing.created_at = timezone.now()
    existing.save()
    emails.queue_confirmation(existing)


@transaction.atomic
def confirm(pk: int, secret: str) -> Subscription:
    """Confirm the subscription a link names; ``ValidationError`` if it is gone."""
    subscription = Subscription.objects.select_for_update().filter(pk=pk, secret=secret).first()
    if subscription is None:
        raise ValidationError(gettext(
            "Esa solicitud ya no existe: caducó o se canceló. Vuelva a pedir el seguimiento desde la página."
        ))
    if not subscription.is_confirmed:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def _forget(subscriptions) -> int:
    """Delete ``subscriptions`` and the emails kept for them (they hold the address)."""
    pks = list(subscriptions.values_list("pk", flat=True))
    for pk in pks:
        Email.objects.filter(key__startswith=emails.key_prefix(pk)).delete()
    return subscriptions.filter(pk__in=pks).delete()[0]


@transaction.atomic
def unsubscribe(pk: int, secret: str) -> bool:
    """End one subscription; ``False`` if it had ended already."""
    return bool(_forget(Subscription.objects.filter(pk=pk, secret=secret)))


@transaction.atomic
def unsubscribe_all(address: str) -> int:
    """End every subscription of ``address`` (a fingerprint) and delete every email kept for it."""
    Email.objects.filter(key__startswith=emails.address_prefix(address)).delete()
    return _forget(Subscription.objects.filter(address=address))


def send_manage_link(*, email: str, language: str, client: str | None) -> None:
    """Email the link to the address's subscriptions, if it has any; the
    answer is the same either way."""
    email = clean_email(email)
    if not limits.allow_client(client) or not limits.allow_address(email):
        raise TooManyRequests(gettext(
            "Recibimos demasiadas solicitudes en poco tiempo. Espere una hora e inténtelo de nuevo."
        ))
    address = Subscription.objects.filter(email=email).values_list("address", flat=True).first()
    if address:
        emails.queue_manage_link(email, address, language)


def prune_unconfirmed(now=None) -> int:
    """Delete requests not confirmed in time, with their emails."""
    now = now or timezone.now()
    expired = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=now - datetime.timedelta(hours=settings.FOLLOW_CONFIRM_HOURS)
    )
    with transaction.atomic():
        return _forget(expired)
