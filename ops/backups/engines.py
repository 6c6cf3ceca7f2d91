"""Each database engine's own way to copy itself out and back: ``pg_dump`` and
``pg_restore`` for PostgreSQL, the backup API for SQLite."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
import uuid
from pathlib import Path

from django.db import connections

from .archive import DATABASE_FILES
from .checksums import migration_state, table_checksums
from .errors import BackupError

ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}


def engine_of(connection) -> str:
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


def dump_postgresql(connection, target: Path) -> dict:
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
            "migrations": migration_state(reader),
        }
    finally:
        try:
            reader.rollback()
        finally:
            reader.close()


def _sqlite_copy_connection(connection, path: Path):
    """A Django connection to a SQLite copy, so its values come back as the portal's own do."""
    return type(connection)({**connection.settings_dict, "NAME": str(path)}, alias=f"copy-{uuid.uuid4().hex}")


def dump_sqlite(connection, target: Path) -> dict:
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
            "migrations": migration_state(reader),
        }
    finally:
        reader.close()


def database_label(connection) -> str:
    return str(connection.settings_dict.get("NAME"))


# Restore -----------------------------------------------------------------------------


def restore_postgresql(connection, dump: Path, *, force: bool) -> None:
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


def restore_sqlite(connection, copy: Path) -> None:
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise BackupError("No se puede restaurar SQLite dentro de una transacción abierta.")
    source = sqlite3.connect(copy)
    try:
        # One step: the destination is replaced page by page in a single write transaction.
        source.backup(connection.connection)
    except sqlite3.Error as error:
        raise BackupError(f"SQLite no pudo escribir la base «{database_label(connection)}»: {error}.") from error
    finally:
        source.close()
