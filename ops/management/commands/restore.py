"""Restore an archive made by ``backup`` into the configured database and MEDIA_ROOT."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from ops.backups import ENGINE_NAMES, BackupError, human_size, restore_backup

#: Restored, but the tables don't match the manifest: look before using it.
MISMATCH_EXIT = 3


class Command(BaseCommand):
    # The system checks read the database; a restore must not touch it before its own checks pass.
    requires_system_checks = []
    help = (
        "Restaura un respaldo hecho con «backup»: primero comprueba el SHA-256 de cada archivo (si uno "
        "no coincide, no toca nada), luego restaura la base de datos en la de DATABASE_URL (que debe "
        "estar recién creada y vacía) en una sola transacción, y los archivos en MEDIA_ROOT; al final "
        "compara cada tabla con el respaldo. Detenga el portal antes de restaurar. Códigos de salida: "
        "0 restaurado y verificado; 1 no se restauró (el mensaje dice por qué); 3 restaurado, pero "
        "alguna tabla no coincide con el respaldo."
    )

    def add_arguments(self, parser):
        parser.add_argument("archivo", help="El respaldo: cdmx-global-AAAAMMDD-HHMMSS.tar")
        parser.add_argument(
            "--force", action="store_true",
            help="Restaurar aunque la base ya tenga tablas o MEDIA_ROOT ya tenga archivos (los reemplaza).",
        )
        parser.add_argument("--database", default="default", help="Conexión donde restaurar (por omisión: default).")

    def handle(self, *args, archivo: str, force: bool, database: str, **options):
        try:
            result = restore_backup(archivo, using=database, force=force)
        except BackupError as error:
            raise CommandError(str(error), returncode=1) from error
        manifest = result.manifest
        self.stdout.write(f"Respaldo del {manifest['created_at']} ({ENGINE_NAMES[manifest['engine']]}):")
        self.stdout.write(f"  Base de datos: {result.tables} tablas, {result.rows} filas")
        self.stdout.write(
            f"  Archivos subidos: {result.media_count} ({human_size(result.media_bytes)}) en {settings.MEDIA_ROOT}"
        )
        if result.leftover_media:
            self.stdout.write(
                f"  MEDIA_ROOT conserva {result.leftover_media} archivos que ya estaban y no vienen en el respaldo."
            )
        if result.cleared_downloads:
            self.stdout.write(f"  Descargas guardadas borradas (se rehacen solas): {result.cleared_downloads}")
        if result.pending_migrations:
            self.stdout.write(
                f"  El código tiene {len(result.pending_migrations)} migraciones que el respaldo no tiene: "
                f"corra «python manage.py migrate» antes de abrir el portal."
            )
        if result.differences:
            for difference in result.differences:
                self.stderr.write(f"  Diferencia: {difference}")
            raise CommandError(
                "Restaurado, pero la verificación encontró diferencias con el respaldo (arriba). "
                "Revise antes de abrir el portal.",
                returncode=MISMATCH_EXIT,
            )
        self.stdout.write(self.style.SUCCESS(
            f"Restauración completa: las {result.tables} tablas coinciden con el respaldo. "
            f"Vuelva a iniciar el portal."
        ))
