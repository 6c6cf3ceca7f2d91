"""The test database's rows kept in memory and written back in a fraction of
the time it takes to make them.

* The **baseline**: the rows migrations leave (content types, permissions,
  roles, indicators, the content generation). A test that commits is
  emptied by a flush at its end, which takes them too; ``restore_baseline``
  puts them back, under their own ids, so no test depends on whether a
  committing test ran before it.
* A **state** made by a slow function over the baseline (the book's records,
  the reports in every status): made once, its tables read back, and then
  written back in each module that asks for it (``Snapshot.apply``) instead
  of being made again. It is written back only onto the very rows it was
  made over; anywhere else the slow function runs as before.

Rows travel as PostgreSQL's ``COPY`` text (exact for every type), or on
SQLite as the stored values, read without Django's type conversion.
"""

import functools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from io import StringIO
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management.color import no_style
from django.db import connection, transaction


def _tables() -> list[str]:
    return sorted(connection.introspection.django_table_names(only_existing=True, include_views=False))


@functools.cache
def _columns(table: str) -> list[str]:
    with connection.cursor() as cursor:
        return [column.name for column in connection.introspection.get_table_description(cursor, table)]


def _read(table: str) -> Any:
    """Every row of the table, in a form ``_write`` takes back."""
    quoted = connection.ops.quote_name(table)
    if connection.vendor == "postgresql":
        buffer = StringIO()
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(f"COPY {quoted} TO STDOUT", buffer)
        return buffer.getvalue()
    columns = _columns(table)
    with connection.cursor() as cursor:
        # A unary plus is an expression: SQLite gives its value as stored,
        # without the converters Django registers for declared column types.
        cursor.execute(f"SELECT {', '.join('+' + connection.ops.quote_name(c) for c in columns)} FROM {quoted}")
        return (columns, cursor.fetchall())


def _write(table: str, rows: Any) -> None:
    """Replace every row of the table by ``rows`` (from ``_read``)."""
    quoted = connection.ops.quote_name(table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {quoted}")
        if connection.vendor == "postgresql":
            if rows:
                cursor.cursor.copy_expert(f"COPY {quoted} FROM STDIN", StringIO(rows))
            return
        columns, values = rows
        if values:
            names = ", ".join(connection.ops.quote_name(c) for c in columns)
            marks = ", ".join("?" for _ in columns)
            connection.connection.executemany(f"INSERT INTO {quoted} ({names}) VALUES ({marks})", values)


def _reset_sequences(tables: set[str]) -> None:
    """Next ids after the rows written back (PostgreSQL; SQLite follows by itself)."""
    models = [model for model in apps.get_models(include_auto_created=True) if model._meta.db_table in tables]
    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


def _state() -> dict[str, Any]:
    return {table: _read(table) for table in _tables()}


def _same(rows: Any, other: Any) -> bool:
    """The same rows, in whatever order they are stored."""
    if rows is None or other is None:
        return rows is other
    if connection.vendor == "postgresql":
        return sorted(rows.splitlines()) == sorted(other.splitlines())
    return rows[0] == other[0] and Counter(rows[1]) == Counter(other[1])


_baseline: dict[str, Any] | None = None


def keep_baseline() -> None:
    """Read the rows migrations left (once, right after the test database is made)."""
    global _baseline
    _baseline = _state()


def baseline_kept() -> bool:
    return _baseline is not None


def at_baseline() -> bool:
    """True when every table holds exactly the rows migrations left."""
    if _baseline is None:
        return False
    return all(_same(rows, _baseline.get(table)) for table, rows in _state().items())


def restore_baseline() -> None:
    """After a flush: the rows migrations left, under their own ids, and nothing else."""
    assert _baseline is not None
    for table, rows in _baseline.items():
        _write(table, rows)
    _reset_sequences(set(_baseline))
    ContentType.objects.clear_cache()


@dataclass
class Snapshot:
    """The tables a function changed over the baseline, as it left them."""

    after: dict[str, Any] = field(default_factory=dict)
    result: Any = None

    def apply(self) -> None:
        for table, rows in self.after.items():
            _write(table, rows)
        _reset_sequences(set(self.after))
        ContentType.objects.clear_cache()


class Kept:
    """A state that ``make`` builds over the baseline, built once and then
    written back wherever the database is at the baseline."""

    def __init__(self, make: Callable[[], Any]):
        self.make = make
        self.snapshot: Snapshot | None = None

    def write(self) -> Snapshot | None:
        """In the caller's transaction: the state written back and its snapshot
        (whose ``result`` is what ``make`` returned when it ran), or None when
        the database is not at the baseline (the caller then makes it itself)."""
        if not at_baseline():
            return None
        if self.snapshot is None:
            with transaction.atomic():
                result = self.make()
                after = _state()
                self.snapshot = Snapshot(
                    after={table: rows for table, rows in after.items() if not _same(rows, _baseline.get(table))},
                    result=result,
                )
                transaction.set_rollback(True)
        self.snapshot.apply()
        return self.snapshot
