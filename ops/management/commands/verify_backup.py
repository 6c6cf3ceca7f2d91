"""Check a backup archive without restoring it: every file against its SHA-256."""

from django.core.management.base import BaseCommand, CommandError

from ops.backups import ENGINE_NAMES, MEDIA_PREFIX, BackupError, human_size, verify_archive


class Command(BaseCommand):
    # Reads only the archive: the database may not even exist yet.
    requires_system_checks = []
    help = (
        "Comprueba un respaldo sin restaurarlo: que esté completo y que cada archivo coincida con el "
        "SHA-256 de su manifest.json. No toca la base de datos ni MEDIA_ROOT. Sale con 0 si está bien, "
        "con 1 si no."
    )

    def add_arguments(self, parser):
        parser.add_argument("archivo", help="El respaldo: cdmx-global-AAAAMMDD-HHMMSS.tar")

    def handle(self, *args, archivo: str, **options):
        try:
            manifest = verify_archive(archivo)
        except BackupError as error:
            raise CommandError(str(error).replace(" No se restauró nada.", ""), returncode=1) from error
        media = {name: entry for name, entry in manifest["files"].items() if name.startswith(MEDIA_PREFIX)}
        tables = manifest["tables"]
        self.stdout.write(f"Respaldo del {manifest['created_at']}")
        self.stdout.write(
            f"  Base de datos: {ENGINE_NAMES[manifest['engine']]} {manifest.get('server_version', '')}, "
            f"{len(tables)} tablas, {sum(entry['rows'] for entry in tables.values())} filas"
        )
        self.stdout.write(
            f"  Archivos subidos: {len(media)} ({human_size(sum(entry['size'] for entry in media.values()))})"
        )
        self.stdout.write("  Migraciones: " + ", ".join(f"{app} {name}" for app, name in manifest["migrations"].items()))
        self.stdout.write(self.style.SUCCESS("Respaldo íntegro: cada archivo coincide con su SHA-256."))
