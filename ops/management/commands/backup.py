"""Back up the database and the uploaded files into one archive (ops/backups/)."""

from django.core.management.base import BaseCommand, CommandError

from ops.backups import ENGINE_NAMES, BackupError, create_backup, human_size


class Command(BaseCommand):
    help = (
        "Respalda la base de datos completa (PostgreSQL con pg_dump, o SQLite) y todos los archivos "
        "subidos de MEDIA_ROOT en un solo archivo DESTINO/cdmx-global-AAAAMMDD-HHMMSS.tar, con un "
        "manifest.json que lleva el SHA-256 de cada archivo y el conteo y la suma de cada tabla. "
        "El respaldo incluye borradores y los hashes de las contraseñas: se crea con permisos 0600. "
        "Mientras se escribe se llama «….tar.parcial»; sólo un respaldo completo lleva el nombre final."
    )

    def add_arguments(self, parser):
        parser.add_argument("destino", help="Carpeta (ya existente) donde se escribe el respaldo.")
        parser.add_argument("--database", default="default", help="Conexión a respaldar (por omisión: default).")

    def handle(self, *args, destino: str, database: str, **options):
        try:
            result = create_backup(destino, using=database)
        except BackupError as error:
            raise CommandError(f"No se hizo el respaldo. {error}", returncode=1) from error
        manifest = result.manifest
        tables = manifest["tables"]
        self.stdout.write(self.style.SUCCESS(f"Respaldo completo: {result.path} ({human_size(result.size)})"))
        self.stdout.write(
            f"  Base de datos: {ENGINE_NAMES[manifest['engine']]} {manifest['server_version']}, "
            f"{len(tables)} tablas, {sum(entry['rows'] for entry in tables.values())} filas"
        )
        self.stdout.write(f"  Archivos subidos: {result.media_count} ({human_size(result.media_bytes)})")
        self.stdout.write(
            "  Contiene borradores y hashes de contraseñas: guárdelo donde sólo el personal de sistemas pueda leerlo."
        )
