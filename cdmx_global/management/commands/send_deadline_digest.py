"""Queue for each staff member the email of the deadlines they must attend to.

The workers do this on their own every morning (``TASK_SCHEDULES``); the
command is for another day, or to see who would get what (``--dry-run``).
Reviewers (and superusers) get every body's deadlines; a liaison gets its own
body's. Nobody gets an empty digest, nor two for the same day. One line per
recipient says what happened; the worker sends the emails, and retries them.
"""

import argparse
import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import ngettext

from cdmx_global.tasks import queue_digests


def iso_date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"Fecha no válida: «{value}». Use el formato AAAA-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Pone en cola el correo de cada revisor con los plazos de todas las dependencias y el de cada enlace con los "
        "de su dependencia: acuerdos por vencer o vencidos, informes de viaje por entregar o atrasados. Los "
        "trabajadores lo hacen solos cada mañana; un mismo día no se envía dos veces."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", type=iso_date, help="Día al que se calculan los plazos, AAAA-MM-DD (por omisión: hoy)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Muestra a quién se enviaría, sin enviar nada.")

    def handle(self, *args, date: datetime.date | None, dry_run: bool, **options):
        for digest in queue_digests(date or timezone.localdate(), dry_run=dry_run):
            user = digest.user
            if digest.count == 0:
                self.stdout.write(f"{user.username}: nada pendiente; no se envía correo.")
                continue
            summary = ngettext("%(count)d plazo", "%(count)d plazos", digest.count) % {"count": digest.count}
            if dry_run:
                self.stdout.write(f"{user.username}: {summary}; se enviaría a {user.email} (simulación).")
            else:
                self.stdout.write(f"{user.username}: {summary}; en cola para {user.email}.")
