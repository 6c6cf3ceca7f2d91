"""Backups: the whole database and every uploaded file in one archive, and back.

``python manage.py backup DESTINO`` writes ``cdmx-global-AAAAMMDD-HHMMSS.tar``
into DESTINO. The archive holds

* ``database.dump`` (PostgreSQL: ``pg_dump --format=custom``) or
  ``database.sqlite3`` (SQLite: a consistent copy through the backup API);
* ``media/…``: every file under ``MEDIA_ROOT`` (signed documents, report
  files), but not the download cache nor the collected static files;
* ``manifest.json``, written last: the format, when and from which engine,
  the latest applied migration of each app, the SHA-256 and size of every
  other file in the archive, and each table's row count and checksum.

It is written under a ``.parcial`` name with mode 0600 (it holds password
hashes and drafts) and renamed only when complete: a backup that was
interrupted never looks like one. On PostgreSQL the row counts and checksums
are read in the very snapshot ``pg_dump`` dumps (``--snapshot``); on SQLite
they are read from the copy itself.

``python manage.py restore ARCHIVO`` checks every hash before touching
anything, refuses a database that already has tables (or a ``MEDIA_ROOT``
that already has files) unless given ``--force``, restores the database in
one transaction (``pg_restore --single-transaction``, or the SQLite backup
API), then moves the files into ``MEDIA_ROOT`` (extracted and checked first
in a folder beside them), and finally compares every table's checksum with
the manifest's.

``table_checksums()`` gives, for every table the database has, its row count
and a SHA-256 of its rows in primary-key order, with values written the same
way whatever the driver returned: the same data on the same engine gives the
same digest.
"""

import base64
import datetime
import decimal
import glob
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone

from opendata import filecache

FORMAT_NAME = "cdmx-global-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_FILES = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
ARCHIVE_PATTERN = re.compile(r"^cdmx-global-\d{8}-\d{6}\.tar$")
#: Folders a restore extracts into, inside MEDIA_ROOT; never part of a backup.
RESTORE_FOLDER_PREFIX = ".restaurando-"
BLOCK = 1024 * 1024
ROW_BATCH = 2000


class BackupError(Exception):
    """A backup or restore that can't go on; the message is for the operator, in Spanish."""

    def __init__(self, message: str, *, changed: bool = False):
        super().__init__(message)
        self.changed = changed


# Checksums ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TableChecksum:
    rows: int
    sha256: str


def _plain(value):
    """A value as JSON can write it, the same whichever driver returned it."""
    if isinstance(value, (bytes, bytearray, memoryview)):
        return {"bytes": base64.b64encode(bytes(value)).decode()}
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, datetime.timedelta):
        return {"seconds": value.total_seconds()}
    if isinstance(value, decimal.Decimal):
        return {"decimal": str(value)}
    if isinstance(value, float):
        return {"float": repr(value)}
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if value is None or isinstance(value, (str, int, bool)):
        return value
    return {type(value).__name__: str(value)}


def _table_checksum(connection, table: str) -> TableChecksum:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        primary_key = connection.introspection.get_primary_key_columns(cursor, table) or []
    digest = hashlib.sha256()
    rows = 0
    with connection.chunked_cursor() as cursor:
        order = f" ORDER BY {', '.join(quote(column) for column in primary_key)}" if primary_key else ""
        cursor.execute(f"SELECT * FROM {quote(table)}{order}")
        batch = cursor.fetchmany(ROW_BATCH)
        # A server-side cursor describes its columns only once it has fetched.
        columns = [column[0] for column in cursor.description]
        digest.update(json.dumps([table, columns], ensure_ascii=False).encode() + b"\n")
        lines = []
        while batch:
            for row in batch:
                line = json.dumps(_plain(list(row)), ensure_ascii=False, sort_keys=True).encode()
                if primary_key:
                    digest.update(line + b"\n")
                else:
                    lines.append(line)
                rows += 1
            batch = cursor.fetchmany(ROW_BATCH)
    # Without a primary key no order is guaranteed: the rows are hashed sorted.
    for line in sorted(lines):
        digest.update(line + b"\n")
    return TableChecksum(rows=rows, sha256=digest.hexdigest())


def table_checksums(using=DEFAULT_DB_ALIAS) -> dict[str, TableChecksum]:
    """Every table of the database (``using``: an alias or a connection), by name."""
    connection = connections[using] if isinstance(using, str) else using
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
    return {table: _table_checksum(connection, table) for table in sorted(tables)}


def _migration_state(connection) -> dict[str, str]:
    """The latest applied migration of each app, from django_migrations."""
    with connection.cursor() as cursor:
        if "django_migrations" not in connection.introspection.table_names(cursor):
            return {}
        cursor.execute("SELECT app, name FROM django_migrations")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


# Files -------------------------------------------------------------------------------


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while block := handle.read(BLOCK):
            digest.update(block)
    return digest.hexdigest()


def _inside(path: Path, folder) -> bool:
    if not folder:
        return False
    try:
        path.resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def media_files(media_root=None) -> dict[str, Path]:
    """Every uploaded file under MEDIA_ROOT, by its path relative to it (with ``/``).

    The download cache and the collected static files are left out when they
    live inside MEDIA_ROOT, and so are the folders a restore works in.
    """
    root = Path(media_root or settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    skipped = [settings.DOWNLOAD_CACHE_DIR, settings.STATIC_ROOT]
    found = {}
    for folder, subfolders, names in os.walk(root):
        here = Path(folder)
        subfolders[:] = sorted(
            name for name in subfolders
            if not name.startswith(RESTORE_FOLDER_PREFIX) and not any(_inside(here / name, s) for s in skipped)
        )
        for name in sorted(names):
            path = here / name
            if path.is_file() and not path.is_symlink():
                found[path.relative_to(root).as_posix()] = path
    return found


class _HashingReader:
    """Reads a file for tarfile, hashing exactly the bytes the archive gets."""

    def __init__(self, handle):
        self.handle = handle
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.handle.read(size)
        self.digest.update(data)
        return data


def _add_file(archive: tarfile.TarFile, path: Path, name: str) -> dict:
    with open(path, "rb") as handle:
        stat = os.fstat(handle.fileno())
        info = tarfile.TarInfo(name)
        info.size = stat.st_size
        info.mtime = int(stat.st_mtime)
        info.mode = 0o600
        reader = _HashingReader(handle)
        archive.addfile(info, reader)
    return {"sha256": reader.digest.hexdigest(), "size": info.size}


# Backup ------------------------------------------------------------------------------


def _vendor(connection) -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(
            f"El motor de base de datos «{connection.vendor}» no tiene respaldo: sólo PostgreSQL y SQLite."
        )
    return connection.vendor


def find_pg_tool(name: str) -> str:
    """``pg_dump`` or ``pg_restore``: from PATH, else the newest under /usr/lib/postgresql/*/bin."""
    found = shutil.which(name)
    if found:
        return found

    def version(path: str) -> tuple:
        return tuple(int(part) for part in re.findall(r"\d+", Path(path).parent.parent.name))

    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=version, reverse=True)
    if candidates:
        return candidates[0]
    raise BackupError(
        f"No se encontró {name}. Instale el cliente de PostgreSQL (en Debian o Ubuntu: "
        f"«apt install postgresql-client», de la misma versión que el servidor o más nueva) "
        f"o agregue su carpeta al PATH."
    )


def _pg_environment(settings_dict) -> dict:
    """The connection to PostgreSQL as libpq variables: the password never shows in ``ps``."""
    env = {**os.environ}
    values = {
        "PGHOST": settings_dict.get("HOST"),
        "PGPORT": settings_dict.get("PORT"),
        "PGUSER": settings_dict.get("USER"),
        "PGPASSWORD": settings_dict.get("PASSWORD"),
        "PGDATABASE": settings_dict.get("NAME"),
    }
    options = settings_dict.get("OPTIONS", {})
    for option, variable in (
        ("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"), ("passfile", "PGPASSFILE"), ("service", "PGSERVICE"),
    ):
        values[variable] = options.get(option)
    for variable, value in values.items():
        if value:
            env[variable] = str(value)
    return env


def _tool_failed(tool: str, result: subprocess.CompletedProcess) -> str:
    detail = (result.stderr or b"").decode(errors="replace").strip()
    lines = detail.splitlines()[-8:]
    message = f"{tool} terminó con el código {result.returncode}."
    if lines:
        message += " Dijo:\n    " + "\n    ".join(lines)
    if "version mismatch" in detail or "versión" in detail and "servidor" in detail:
        message += (
            f"\nEl {tool} instalado es más viejo que el servidor: instale el cliente de PostgreSQL "
            f"de la misma versión que el servidor."
        )
    return message


def _dump_postgresql(connection, target: Path) -> dict:
    """pg_dump into ``target``, and the counts, checksums and migrations of that very snapshot."""
    pg_dump = find_pg_tool("pg_dump")
    reader = connections.create_connection(connection.alias)
    try:
        reader.set_autocommit(False)
        with reader.cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot(), current_setting('server_version')")
            snapshot, server_version = cursor.fetchone()
        with open(target, "wb") as output:
            result = subprocess.run(
                [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--snapshot={snapshot}"],
                stdout=output, stderr=subprocess.PIPE, env=_pg_environment(reader.settings_dict),
            )
        if result.returncode != 0:
            raise BackupError(_tool_failed("pg_dump", result))
        return {
            "server_version": server_version,
            "tables": table_checksums(reader),
            "migrations": _migration_state(reader),
        }
    finally:
        try:
            reader.rollback()
        finally:
            reader.close()


def _sqlite_copy_connection(connection, path: Path):
    """A Django connection to a SQLite copy, so its values come back as the portal's own do."""
    return type(connection)({**connection.settings_dict, "NAME": str(path)}, alias=f"copy-{uuid.uuid4().hex}")


def _dump_sqlite(connection, target: Path) -> dict:
    source = connections.create_connection(connection.alias)
    try:
        source.ensure_connection()
        # An empty file made private first: sqlite3 keeps its mode when it writes the copy.
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600))
        copy = sqlite3.connect(target)
        try:
            source.connection.backup(copy)
        finally:
            copy.close()
    finally:
        source.close()
    reader = _sqlite_copy_connection(connection, target)
    try:
        return {
            "server_version": sqlite3.sqlite_version,
            "tables": table_checksums(reader),
            "migrations": _migration_state(reader),
        }
    finally:
        reader.close()


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
    vendor = _vendor(connection)
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
        state = (_dump_postgresql if vendor == "postgresql" else _dump_sqlite)(connection, database_copy)
        files = {}
        descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.fchmod(descriptor, 0o600)
        with os.fdopen(descriptor, "wb") as output:
            with tarfile.open(fileobj=output, mode="w", format=tarfile.PAX_FORMAT) as archive:
                files[database_name] = _add_file(archive, database_copy, database_name)
                for relative, path in media_files().items():
                    try:
                        files[MEDIA_PREFIX + relative] = _add_file(archive, path, MEDIA_PREFIX + relative)
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
                archive.addfile(info, _BytesReader(body))
            output.flush()
            os.fsync(output.fileno())
        os.rename(partial, final)
        _sync_folder(destination)
    except OSError as error:
        raise BackupError(f"No se pudo escribir el respaldo en «{destination}»: {error.strerror or error}.") from error
    finally:
        partial.unlink(missing_ok=True)
        shutil.rmtree(staging, ignore_errors=True)
    return BackupResult(path=final, manifest=manifest, size=final.stat().st_size)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data = memoryview(data)
        self.position = 0

    def read(self, size=-1):
        end = len(self.data) if size is None or size < 0 else self.position + size
        chunk = bytes(self.data[self.position:end])
        self.position += len(chunk)
        return chunk


def _sync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


# Verification ------------------------------------------------------------------------


def _safe_member_name(name: str) -> bool:
    path = PurePosixPath(name)
    return not path.is_absolute() and ".." not in path.parts and name == path.as_posix() and name != "."


def _open_archive(path: Path) -> tarfile.TarFile:
    if not path.is_file():
        raise BackupError(f"No existe el archivo de respaldo «{path}».")
    try:
        return tarfile.open(path, mode="r:")
    except (tarfile.TarError, OSError) as error:
        raise BackupError(f"«{path}» no es un respaldo de CDMX Global legible (no es un archivo .tar: {error}).") from error


def _read_manifest(path: Path) -> dict:
    with _open_archive(path) as archive:
        try:
            member = archive.getmember(MANIFEST)
            manifest = json.loads(archive.extractfile(member).read())
        except (KeyError, AttributeError, ValueError, tarfile.TarError, OSError) as error:
            raise BackupError(
                f"«{path}» no tiene un manifest.json legible: no es un respaldo completo de CDMX Global."
            ) from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT_NAME:
        raise BackupError(f"«{path}» no es un respaldo de CDMX Global (su manifest.json es de otro formato).")
    if manifest.get("version") != FORMAT_VERSION:
        raise BackupError(
            f"El respaldo «{path}» tiene el formato {manifest.get('version')}; este portal lee el formato "
            f"{FORMAT_VERSION}. Restáurelo con la versión del portal que lo hizo."
        )
    if (
        manifest.get("engine") not in DATABASE_FILES
        or manifest.get("database_file") != DATABASE_FILES[manifest["engine"]]
        or not isinstance(manifest.get("files"), dict)
        or not isinstance(manifest.get("tables"), dict)
    ):
        raise BackupError(f"El manifest.json de «{path}» está incompleto.")
    return manifest


def _tampered(path: Path, detail: str) -> BackupError:
    return BackupError(
        f"El respaldo «{path}» está dañado o fue modificado: {detail}. No se restauró nada."
    )


def _walk_archive(path: Path, manifest: dict, extract_to=None) -> None:
    """Check every member against the manifest; with ``extract_to``, also write each
    file there (``{name: Path}``, only the names asked for) as it is checked."""
    expected = manifest["files"]
    seen = set()
    with _open_archive(path) as archive:
        try:
            for member in archive:
                if member.name == MANIFEST:
                    continue
                if not member.isfile() or not _safe_member_name(member.name):
                    raise _tampered(path, f"contiene «{member.name}», que no es un archivo que el portal escriba")
                if member.name not in expected:
                    raise _tampered(path, f"contiene «{member.name}», que no está en su manifest.json")
                if member.name in seen:
                    raise _tampered(path, f"contiene «{member.name}» dos veces")
                seen.add(member.name)
                digest = hashlib.sha256()
                size = 0
                target = extract_to.get(member.name) if extract_to is not None else None
                output = None
                if target is not None:
                    target.parent.mkdir(parents=True, exist_ok=True)
                    output = open(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
                try:
                    source = archive.extractfile(member)
                    while block := source.read(BLOCK):
                        digest.update(block)
                        size += len(block)
                        if output is not None:
                            output.write(block)
                finally:
                    if output is not None:
                        output.close()
                entry = expected[member.name]
                if digest.hexdigest() != entry.get("sha256") or size != entry.get("size"):
                    raise _tampered(path, f"«{member.name}» no coincide con el SHA-256 de su manifest.json")
                if target is not None:
                    os.utime(target, (member.mtime, member.mtime))
        except tarfile.TarError as error:
            raise _tampered(path, f"el .tar está cortado o roto ({error})") from error
    missing = sorted(set(expected) - seen)
    if missing:
        raise _tampered(path, f"le falta «{missing[0]}»" + (f" y {len(missing) - 1} más" if len(missing) > 1 else ""))
    if manifest.get("database_file") not in seen:
        raise _tampered(path, "no trae la base de datos")


def verify_archive(path) -> dict:
    """The archive's manifest, once every file in it matches its SHA-256; BackupError otherwise."""
    path = Path(path).absolute()
    manifest = _read_manifest(path)
    _walk_archive(path, manifest)
    return manifest


# Restore -----------------------------------------------------------------------------


@dataclass
class RestoreResult:
    manifest: dict
    tables: int
    rows: int
    media_count: int
    media_bytes: int
    differences: list[str] = field(default_factory=list)
    leftover_media: int = 0
    pending_migrations: list[str] = field(default_factory=list)
    cleared_downloads: int = 0


def _database_label(connection) -> str:
    return str(connection.settings_dict.get("NAME"))


def _unknown_migrations(manifest: dict) -> list[str]:
    loader = MigrationLoader(None, ignore_no_migrations=True, load=True)
    known_apps = {app for app, _ in loader.disk_migrations}
    unknown = []
    for app, name in manifest.get("migrations", {}).items():
        if app in known_apps and (app, name) not in loader.disk_migrations and not any(
            (app, name) in migration.replaces for migration in loader.disk_migrations.values()
        ):
            unknown.append(f"{app}.{name}")
    return unknown


def _pending_migrations(connection) -> list[str]:
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    return [f"{migration.app_label}.{migration.name}" for migration, _ in plan]


def _restore_postgresql(connection, dump: Path, *, force: bool) -> None:
    pg_restore = find_pg_tool("pg_restore")
    command = [pg_restore, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error"]
    if force:
        command += ["--clean", "--if-exists"]
    command += [f"--dbname={connection.settings_dict['NAME']}", str(dump)]
    connection.close()  # Nothing of ours holds a lock on what pg_restore replaces.
    result = subprocess.run(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_pg_environment(connection.settings_dict)
    )
    if result.returncode != 0:
        raise BackupError(
            _tool_failed("pg_restore", result) + "\nLa restauración corre en una sola transacción: la base quedó como estaba."
        )
    # pg_restore leaves the planner without statistics: the first pages would be planned as for empty tables.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def _restore_sqlite(connection, copy: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("No se puede restaurar SQLite dentro de una transacción abierta.")
    source = sqlite3.connect(copy)
    try:
        # One step: the destination is replaced page by page in a single write transaction.
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite no pudo escribir la base «{_database_label(connection)}»: {error}.") from error
    finally:
        source.close()


def _existing_tables(connection) -> list[str]:
    """The target's tables; a SQLite file not there yet has none (and is not created by asking)."""
    if connection.vendor == "sqlite" and not connection.is_in_memory_db():
        path = Path(connection.settings_dict["NAME"])
        if not path.exists():
            if not path.parent.is_dir() or not os.access(path.parent, os.W_OK | os.X_OK):
                raise BackupError(
                    f"No se puede crear la base SQLite «{path}»: su carpeta no existe o no se puede escribir. "
                    f"No se restauró nada."
                )
            return []
    with connection.cursor() as cursor:
        return connection.introspection.table_names(cursor)


def restore_backup(path, *, using=DEFAULT_DB_ALIAS, force: bool = False) -> RestoreResult:
    """Put the archive's database and files back; refuses (changing nothing) when unsure."""
    path = Path(path).absolute()
    manifest = _read_manifest(path)
    _walk_archive(path, manifest)

    connection = connections[using]
    vendor = _vendor(connection)
    if manifest["engine"] != vendor:
        raise BackupError(
            f"Este respaldo es de {ENGINE_NAMES[manifest['engine']]} y la base configurada "
            f"(DATABASE_URL) es {ENGINE_NAMES[vendor]}: un respaldo sólo se restaura en el mismo motor. "
            f"No se restauró nada."
        )
    unknown = _unknown_migrations(manifest)
    if unknown and not force:
        raise BackupError(
            f"El respaldo viene de una versión del portal más nueva que este código (tiene la migración "
            f"{unknown[0]}, que este código no conoce). Restáurelo con la versión del portal que lo hizo, "
            f"o use --force si está seguro. No se restauró nada."
        )
    try:
        existing = _existing_tables(connection)
    except BackupError:
        raise
    except Exception as error:
        raise BackupError(
            f"No se pudo abrir la base de datos «{_database_label(connection)}»: {error}. "
            f"Revise DATABASE_URL y que la base exista (en PostgreSQL: createdb). No se restauró nada."
        ) from error
    if existing and not force:
        raise BackupError(
            f"La base de datos «{_database_label(connection)}» ya tiene {len(existing)} tablas "
            f"(por ejemplo {sorted(existing)[0]}). Restaure en una base recién creada y vacía, "
            f"o use --force para reemplazar su contenido. No se restauró nada."
        )
    media_root = Path(settings.MEDIA_ROOT).absolute()
    present = media_files(media_root)
    if present and not force:
        raise BackupError(
            f"MEDIA_ROOT («{media_root}») ya tiene {len(present)} archivos. Restaure en una carpeta vacía, "
            f"o use --force para escribir encima (los archivos que no están en el respaldo se conservan). "
            f"No se restauró nada."
        )
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        workspace = Path(tempfile.mkdtemp(prefix=RESTORE_FOLDER_PREFIX, dir=media_root))
    except OSError as error:
        raise BackupError(
            f"No se puede escribir en MEDIA_ROOT («{media_root}»): {error.strerror or error}. No se restauró nada."
        ) from error

    database_name = manifest["database_file"]
    media_names = [name for name in manifest["files"] if name.startswith(MEDIA_PREFIX)]
    targets = {database_name: workspace / "database" / database_name}
    for name in media_names:
        targets[name] = workspace / "media" / name[len(MEDIA_PREFIX):]
    try:
        # Extracted and checked again as written: the archive can't change between the two readings.
        _walk_archive(path, manifest, extract_to=targets)
        if vendor == "postgresql":
            _restore_postgresql(connection, targets[database_name], force=force)
        else:
            _restore_sqlite(connection, targets[database_name])
        for name in media_names:
            final = media_root / name[len(MEDIA_PREFIX):]
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(targets[name], final)
            if settings.FILE_UPLOAD_PERMISSIONS is not None:
                os.chmod(final, settings.FILE_UPLOAD_PERMISSIONS)
    except OSError as error:
        raise BackupError(
            f"No se pudieron escribir los archivos en «{media_root}»: {error.strerror or error}.", changed=True
        ) from error
    finally:
        shutil.rmtree(workspace, ignore_errors=True)

    restored = table_checksums(connection)
    differences = []
    for table, expected in manifest["tables"].items():
        found = restored.get(table)
        if found is None:
            differences.append(f"falta la tabla {table}")
        elif (found.rows, found.sha256) != (expected["rows"], expected["sha256"]):
            differences.append(f"la tabla {table} no coincide ({found.rows} filas; el respaldo tiene {expected['rows']})")
    for table in sorted(set(restored) - set(manifest["tables"])):
        differences.append(f"la tabla {table} no está en el respaldo")
    return RestoreResult(
        manifest=manifest,
        tables=len(manifest["tables"]),
        rows=sum(entry["rows"] for entry in manifest["tables"].values()),
        media_count=len(media_names),
        media_bytes=sum(manifest["files"][name]["size"] for name in media_names),
        differences=differences,
        leftover_media=len(set(present) - {name[len(MEDIA_PREFIX):] for name in media_names}),
        pending_migrations=_pending_migrations(connection),
        cleared_downloads=filecache.clear(),
    )


def human_size(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GB"
