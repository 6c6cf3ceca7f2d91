"""The test database shared with processes the tests start (a report build,
task workers), and what those processes leave on disk.

PostgreSQL: the test database itself (the tests commit: ``transaction=True``).
SQLite: the test database is in the test process's memory, so it is copied
to a file once the test has written what it needs; the processes open that
file, and the test reads from it from then on (``Database.rows``).
"""

import hashlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from django.db import connection, connections

ROOT = Path(__file__).resolve().parents[2]
#: How long a process may take to reach what a test waits for.
PATIENCE = 60


class Database:
    """The test database (its committed rows), shared with other processes."""

    def __init__(self, tmp_path: Path, journal_mode: str = "WAL"):
        """``journal_mode``: SQLite's, for the copy (``SQLITE_JOURNAL_MODE`` in
        the settings): in write-ahead logging readers never stop a writer."""
        connection.ensure_connection()
        self.vendor = connection.vendor
        self.journal_mode = journal_mode
        settings = connection.settings_dict
        if self.vendor == "postgresql":
            self.settings = dict(settings)
            credentials = quote(settings["USER"]) + (f":{quote(settings['PASSWORD'])}" if settings["PASSWORD"] else "")
            self.url = f"postgres://{credentials}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"
        else:
            self.path = tmp_path / "db.sqlite3"
            with sqlite3.connect(self.path) as copy:
                connection.connection.backup(copy)
                copy.execute(f"PRAGMA journal_mode={journal_mode}")
            copy.close()
            options = {
                **settings["OPTIONS"],
                "init_command": f"PRAGMA journal_mode={journal_mode};",
                "transaction_mode": "IMMEDIATE" if journal_mode == "WAL" else None,
            }
            self.settings = {**settings, "NAME": str(self.path), "OPTIONS": options}
            self.url = f"sqlite:///{self.path}"

    def connect(self):
        """A connection of the test's own, apart from Django's."""
        return type(connections["default"])(dict(self.settings), alias="default")

    def rows(self, sql: str, params=()) -> list[tuple]:
        other = self.connect()
        try:
            with other.cursor() as cursor:
                cursor.execute(sql, params)
                return [tuple(row) for row in cursor.fetchall()]
        finally:
            other.close()


def on_disk(media: Path) -> dict[str, str]:
    """Every file under MEDIA_ROOT and its SHA-256."""
    return {
        path.relative_to(media).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(media.rglob("*")) if path.is_file()
    }


def blocked_by(other) -> list[int]:
    """The PostgreSQL connections waiting for a lock the connection ``other`` holds."""
    with other.cursor() as cursor:
        # Inside a transaction PostgreSQL keeps showing the activity it first showed.
        cursor.execute("SELECT pg_stat_clear_snapshot()")
        cursor.execute("SELECT pid FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))")
        return [pid for (pid,) in cursor.fetchall()]


def manage_env(db: Database, media: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ, "DJANGO_SETTINGS_MODULE": "config.settings", "SECRET_KEY": "prueba",
        "DATABASE_URL": db.url, "MEDIA_ROOT": str(media), "SQLITE_JOURNAL_MODE": db.journal_mode, **extra,
    }


def wait_for(condition, what: str, *, processes=(), patience: float = PATIENCE):
    """Wait until ``condition()`` is true (and return it), failing if one of
    ``processes`` ends first or it takes longer than ``patience`` seconds."""
    deadline = time.monotonic() + patience
    while not (found := condition()):
        for process in processes:
            assert process.poll() is None, f"{process.args} ended before {what}"
        assert time.monotonic() < deadline, f"never got to {what}"
        time.sleep(0.05)
    return found


class Worker:
    """``manage.py run_worker`` in a process of its own; its output goes to a file."""

    def __init__(self, db: Database, media: Path, log: Path, *, schedules: bool = False, **env: str):
        self.log_path = log
        self.log = log.open("w")
        options = [] if schedules else ["--no-schedules"]
        self.process = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--interval", "0.1", "--no-startup-delay", "--no-reload",
             *options],
            cwd=ROOT, env=manage_env(db, media, **env), stdout=self.log, stderr=subprocess.STDOUT, text=True,
        )

    @property
    def output(self) -> str:
        if not self.log.closed:
            self.log.flush()
        return self.log_path.read_text()

    def kill(self) -> None:
        assert self.process.poll() is None, f"the worker ended before it was killed:\n{self.output}"
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=PATIENCE)

    def stop(self) -> None:
        """Ctrl-C: the worker ends its task, if it has one, and leaves."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=PATIENCE)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


@contextmanager
def workers(db: Database, media: Path, tmp_path: Path, count: int = 1, schedules: bool = False, **env: str):
    """``count`` workers; with ``schedules``, they queue the scheduled runs too."""
    started = [
        Worker(db, media, tmp_path / f"worker-{number}.log", schedules=schedules, **env) for number in range(count)
    ]
    try:
        yield started
    finally:
        for worker in started:
            worker.stop()
