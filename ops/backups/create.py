"""Writing a backup: the database copy and the uploaded files into one archive,
its manifest last, under a name that says it is complete only once it is."""

import json
import os
import shutil
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.db import DEFAULT_DB_ALIAS, connections
from django.utils import timezone

from .archive import (
    DATABASE_FILES,
    FORMAT_NAME,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    BytesReader,
    add_file,
    media_files,
    sync_folder,
)
from .engines import dump_postgresql, dump_sqlite, engine_of
from .errors import BackupError


@dataclass
class BackupResult:
    path: Path
    manifest: dict
    size: int

    @property
    def media_count(self) -> int:
        return sum(1 for name in self.manifest["files"] if name.startswith(MEDIA_PREFIX))

    @property
    def media_bytes(self) -> int:
        return sum(entry["size"] for name, entry in self.manifest["files"].items() if name.startswith(MEDIA_PREFIX))


def _check_destination(destination: Path) -> None:
    if not destination.exists():
        raise BackupError(f"El destino «{destination}» no existe. Créelo primero (mkdir -p {destination}).")
    if not destination.is_dir():
        raise BackupError(f"El destino «{destination}» no es una carpeta.")
    if not os.access(destination, os.W_OK | os.X_OK):
        raise BackupError(
            f"No se puede escribir en «{destination}»: el usuario que corre el respaldo necesita permiso de escritura."
        )


def create_backup(destination, *, using=DEFAULT_DB_ALIAS, now=None) -> BackupResult:
    """Write one complete archive into the folder ``destination`` and return where and what."""
    connection = connections[using]
    vendor = engine_of(connection)
    destination = Path(destination).absolute()
    _check_destination(destination)
    created = timezone.localtime(now or timezone.now())
    name = f"cdmx-global-{created:%Y%m%d-%H%M%S}.tar"
    final = destination / name
    if final.exists():
        raise BackupError(f"Ya existe «{final}»; espere un segundo y vuelva a intentarlo.")
    partial = destination / f"{name}.parcial"
    staging = Path(tempfile.mkdtemp(prefix=f"{name}.parcial-", dir=destination))  # mode 0700
    try:
        database_name = DATABASE_FILES[vendor]
        database_copy = staging / database_name
        state = (dump_postgresql if vendor == "postgresql" else dump_sqlite)(connection, database_copy)
        files = {}
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as output:
            with tarfile.open(fileobj=output, mode="w", format=tarfile.PAX_FORMAT) as archive:
                files[database_name] = add_file(archive, database_copy, database_name)
                for relative, path in media_files().items():
                    try:
                        files[MEDIA_PREFIX + relative] = add_file(archive, path, MEDIA_PREFIX + relative)
                    except FileNotFoundError:
                        continue  # Deleted while the backup ran: it isn't in the database's snapshot either.
                manifest = {
                    "format": FORMAT_NAME,
                    "version": FORMAT_VERSION,
                    "created_at": created.isoformat(),
                    "engine": vendor,
                    "server_version": state["server_version"],
                    "database_file": database_name,
                    "migrations": state["migrations"],
                    "tables": {
                        table: {"rows": checksum.rows, "sha256": checksum.sha256}
                        for table, checksum in state["tables"].items()
                    },
                    "files": files,
                }
                body = json.dumps(manifest, ensure_ascii=False, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST)
                info.size = len(body)
                info.mtime = int(created.timestamp())
                info.mode = 0o600
                archive.addfile(info, BytesReader(body))
            output.flush()
            os.fsync(output.fileno())
        os.rename(partial, final)
        sync_folder(destination)
    except OSError as error:
        raise BackupError(f"No se pudo escribir el respaldo en «{destination}»: {error.strerror or error}.") from error
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    return BackupResult(path=final, manifest=manifest, size=final.stat().st_size)
