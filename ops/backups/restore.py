"""Checking an archive, and putting its database and files back."""

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader

from opendata import filecache

from .archive import MEDIA_PREFIX, RESTORE_FOLDER_PREFIX, media_files, read_manifest, walk_archive
from .checksums import table_checksums
from .engines import ENGINE_NAMES, database_label, engine_of, restore_postgresql, restore_sqlite
from .errors import BackupError


def verify_archive(path) -> dict:
    """The archive's manifest, once every file in it matches its SHA-256; BackupError otherwise."""
    path = Path(path).absolute()
    manifest = read_manifest(path)
    walk_archive(path, manifest)
    return manifest


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
    manifest = read_manifest(path)
    walk_archive(path, manifest)

    connection = connections[using]
    vendor = engine_of(connection)
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
            f"No se pudo abrir la base de datos «{database_label(connection)}»: {error}. "
            f"Revise DATABASE_URL y que la base exista (en PostgreSQL: createdb). No se restauró nada."
        ) from error
    if existing and not force:
        raise BackupError(
            f"La base de datos «{database_label(connection)}» ya tiene {len(existing)} tablas "
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
        walk_archive(path, manifest, extract_to=targets)
        if vendor == "postgresql":
            restore_postgresql(connection, targets[database_name], force=force)
        else:
            restore_sqlite(connection, targets[database_name])
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
