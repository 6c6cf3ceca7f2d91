"""Email each staff member the deadlines they must attend to; meant for a daily run.

Reviewers (and superusers) get every body's deadlines; a liaison gets its own
body's. Nobody gets an empty digest. One line per recipient says what happened.
"""

import argparse
import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import ngettext

from cdmx_global.deadlines import collect_deadlines, count_items, digest_subject, digest_text
from cdmx_global.access import reviewers


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Fecha no válida: «{value}». Use el formato AAAA-MM-DD.") from None


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


class Command(BaseCommand):
    help = (
        "Envía por correo a cada revisor los plazos de todas las dependencias y a cada enlace los de su "
        "dependencia: acuerdos por vencer o vencidos, informes de viaje por entregar o atrasados. "
        "Pensado para ejecutarse una vez al día."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=iso_date, help="Día al que se calculan los plazos, AAAA-MM-DD (por omisión: hoy)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Muestra a quién se enviaría, sin enviar nada.")

    def handle(self, *args, date: datetime.date | None, dry_run: bool, **options):
        today = date or timezone.localdate()
        failures = 0
        with translation.override(settings.LANGUAGE_CODE):
            for user in digest_recipients():
                digest = collect_deadlines(user=user, today=today)
                count = count_items(digest)
                summary = ngettext("%(count)d plazo", "%(count)d plazos", count) % {"count": count}
                if count == 0:
                    self.stdout.write(f"{user.username}: nada pendiente; no se envía correo.")
                    continue
                if dry_run:
                    self.stdout.write(f"{user.username}: {summary}; se enviaría a {user.email} (simulación).")
                    continue
                message = EmailMessage(
                    subject=digest_subject(count, today), body=digest_text(digest, today), to=[user.email]
                )
                try:
                    message.send()
                except OSError as error:
                    # SMTP and connection errors alike: one unreachable address or a
                    # hiccup must not keep the others from their digest.
                    failures += 1
                    self.stderr.write(f"{user.username}: {summary}; no se pudo enviar ({type(error).__name__}).")
                    continue
                self.stdout.write(f"{user.username}: {summary}; enviado a {user.email}.")
        if failures:
            raise CommandError(f"Correos no enviados: {failures}.")
