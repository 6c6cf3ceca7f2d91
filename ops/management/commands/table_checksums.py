"""Each table's row count and checksum, to compare two databases (a restore and its source)."""

import json

from django.core.management.base import BaseCommand

from ops.backups import table_checksums


class Command(BaseCommand):
    help = (
        "Muestra, para cada tabla de la base de datos, su número de filas y un SHA-256 de su contenido "
        "(las filas en orden de llave primaria). Dos bases con los mismos datos en el mismo motor dan las "
        "mismas sumas: sirve para comparar una restauración con la base original."
    )

    def add_arguments(self, parser):
        parser.add_argument("--json", action="store_true", help="Escribir el resultado como JSON.")
        parser.add_argument("--database", default="default", help="Conexión (por omisión: default).")

    def handle(self, *args, json: bool, database: str, **options):
        checksums = table_checksums(database)
        if json:
            self.stdout.write(_dumps({table: {"rows": c.rows, "sha256": c.sha256} for table, c in checksums.items()}))
            return
        width = max((len(table) for table in checksums), default=0)
        for table, checksum in checksums.items():
            self.stdout.write(f"{table:<{width}}  {checksum.rows:>9} filas  {checksum.sha256}")
        self.stdout.write(f"{len(checksums)} tablas, {sum(c.rows for c in checksums.values())} filas")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2)
