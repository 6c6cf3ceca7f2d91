"""Who follows what, and the digests already made.

A subscription holds an address only while it serves: a request not
confirmed within ``FOLLOW_CONFIRM_HOURS`` is deleted, and ending a
subscription deletes its row (and the emails kept for it). No account, no
password: every link that acts on a subscription is signed (``following.links``).
"""

import secrets

from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _


def address_fingerprint(email: str) -> str:
    """What links carry instead of an address: a keyed hash of it, which
    reveals nothing in a URL, a log or a browser's history."""
    return salted_hmac("following.address", email, algorithm="sha256").hexdigest()


def new_secret() -> str:
    return secrets.token_urlsafe(16)


class Frequency(models.TextChoices):
    DAILY = "daily", _("Diaria")
    WEEKLY = "weekly", _("Semanal")


class TargetKind(models.TextChoices):
    """What can be followed (``following.targets``)."""

    LIST = "list", _("Una lista o búsqueda")
    AGREEMENT = "agreement", _("Un acuerdo")
    COUNTERPART = "counterpart", _("Una contraparte")
    COUNTRY = "country", _("Un país")
    NETWORK = "network", _("Una red de ciudades")
    REPORTS = "reports", _("Los informes semestrales")


class Language(models.TextChoices):
    SPANISH = "es-mx", _("Español")
    ENGLISH = "en", _("Inglés")


class Subscription(models.Model):
    """One address following one thing, at a frequency, in a language.

    ``key`` names the followed thing: a list's view name (``agreements:list``),
    an agreement's code, a counterpart's or network's slug, a country's code;
    ``query`` holds a list's filters as the list reads them.
    """

    email = models.EmailField(_("correo"), max_length=254)
    #: The address's fingerprint (``address_fingerprint``), which the links to
    #: one's subscriptions name; and a secret of this subscription, which its
    #: confirmation and unsubscribe links name: no link carries the address.
    address = models.CharField(max_length=64, db_index=True, editable=False)
    secret = models.CharField(max_length=32, default=new_secret, editable=False)
    target = models.CharField(_("qué sigue"), max_length=12, choices=TargetKind.choices)
    key = models.CharField(_("clave"), max_length=200, blank=True)
    query = models.JSONField(_("filtros"), default=dict, blank=True)
    frequency = models.CharField(_("frecuencia"), max_length=6, choices=Frequency.choices, default=Frequency.WEEKLY)
    language = models.CharField(_("idioma"), max_length=5, choices=Language.choices, default=Language.SPANISH)
    created_at = models.DateTimeField(_("solicitada"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmada"), null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("suscripción")
        verbose_name_plural = _("suscripciones")
        constraints = [
            models.UniqueConstraint(fields=["email", "target", "key", "query"], name="following_one_per_address_and_target"),
        ]
        indexes = [models.Index(fields=["frequency", "confirmed_at"], name="following_due")]

    def __str__(self) -> str:
        return f"{self.get_target_display()} {self.key}".strip()

    def save(self, *args, **kwargs):
        if not self.address:
            self.address = address_fingerprint(self.email)
        super().save(*args, **kwargs)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class DigestRun(models.Model):
    """One day's digests of one frequency, covering ``(starts_at, ends_at]``.

    Made once per frequency and day (a retried or repeated run finds it), so
    its window is the same however many times the work is tried; the next
    run starts where this one ended, and nothing falls between two.
    """

    frequency = models.CharField(_("frecuencia"), max_length=6, choices=Frequency.choices)
    day = models.DateField(_("día"))
    starts_at = models.DateTimeField(_("desde"))
    ends_at = models.DateTimeField(_("hasta"))
    created_at = models.DateTimeField(_("creado"), auto_now_add=True)

    class Meta:
        verbose_name = _("envío de resúmenes")
        verbose_name_plural = _("envíos de resúmenes")
        constraints = [models.UniqueConstraint(fields=["frequency", "day"], name="following_one_run_per_day")]
        ordering = ["-ends_at"]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} {self.day}"
