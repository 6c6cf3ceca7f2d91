"""What a database holds, compared the same way everywhere: each table's row
count and a SHA-256 of its rows, and the latest applied migration of each app."""

import base64
import datetime
import decimal
import hashlib
import json
import uuid
from dataclasses import dataclass

from django.db import DEFAULT_DB_ALIAS, connections

ROW_BATCH = 2000


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


def migration_state(connection) -> dict[str, str]:
    """The latest applied migration of each app, from django_migrations."""
    with connection.cursor() as cursor:
        if "django_migrations" not in connection.introspection.table_names(cursor):
            return {}
        cursor.execute("SELECT app, name FROM django_migrations")
        latest: dict[str, str] = {}
        for app, name in cursor.fetchall():
            latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))
