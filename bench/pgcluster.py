"""A throwaway PostgreSQL server of our own, to stop and start at will.

The fault tests (tests/test_faults.py) and the load test's fault mode
(``bench/load.py --faults``) restart the database under the portal. They
never touch the machine's server on port 5432, which pytest and everyone
else use: they make a private one here, in a temporary directory, on a free
port of 127.0.0.1, with trust authentication and without ``fsync`` (nothing
in it outlives the run), and remove it at the end::

    with PrivateCluster() as cluster:
        url = cluster.create_database("cdmx")       # postgres://postgres@127.0.0.1:PORT/cdmx
        cluster.restart(mode="immediate", pause=2)  # down for 2 s, then up again

It uses Debian's server binaries (``/usr/lib/postgresql/<version>/bin``, the
newest installed, or ``PG_BIN``). PostgreSQL refuses to run as root, so as
root the server runs as the ``postgres`` user (``runuser``), in a directory
that user owns; as anyone else it runs as that user. When none of this is
possible, :class:`ClusterUnavailable` says why (the tests skip with it).
"""

import os
import pwd
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from bench.common import free_port

SERVER_USER = "postgres"

#: For speed, and because the cluster is thrown away: no fsync (the machine itself does not crash
#: here). Not ``synchronous_commit = off``: with it, a commit the portal confirmed can be lost
#: when the server crashes (``stop("immediate")``), which is what the fault tests must not see.
FAST_SETTINGS = {
    "fsync": "off",
    "full_page_writes": "off",
    "max_connections": "50",
}


class ClusterUnavailable(RuntimeError):
    """A private PostgreSQL server cannot be made on this machine (the message says why)."""


def server_binaries() -> Path:
    """The directory of the newest installed server's ``initdb`` and ``pg_ctl``."""
    if os.environ.get("PG_BIN"):
        candidates = [Path(os.environ["PG_BIN"])]
    else:
        versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"),
                          key=lambda path: int(path.parent.name) if path.parent.name.isdigit() else 0)
        candidates = list(reversed(versions))
    for directory in candidates:
        if (directory / "initdb").exists() and (directory / "pg_ctl").exists():
            return directory
    raise ClusterUnavailable("no se encontraron initdb y pg_ctl de PostgreSQL (/usr/lib/postgresql/*/bin o PG_BIN)")


class PrivateCluster:
    """A PostgreSQL server in a temporary directory, for one run (see the module)."""

    def __init__(self, port: int | None = None):
        self.bin = server_binaries()
        self.as_root = os.geteuid() == 0
        if self.as_root:
            try:
                self.owner = pwd.getpwnam(SERVER_USER)
            except KeyError:
                raise ClusterUnavailable(f"se corre como root y no existe el usuario «{SERVER_USER}»") from None
            if not shutil.which("runuser"):
                raise ClusterUnavailable("se corre como root y falta runuser para correr el servidor como postgres")
        else:
            self.owner = pwd.getpwuid(os.geteuid())
        self.port = port or free_port()
        self.directory: Path | None = None
        self.data: Path | None = None
        self.log: Path | None = None
        self.owned = True

    @classmethod
    def attach(cls, directory: str | Path, port: int) -> "PrivateCluster":
        """A private server another process made (``directory`` as :attr:`directory`), to stop and
        start it; :meth:`cleanup` leaves it to its maker."""
        cluster = cls(port)
        cluster.directory = Path(directory)
        cluster.data = cluster.directory / "data"
        cluster.log = cluster.directory / "server.log"
        cluster.owned = False
        if not (cluster.data / "PG_VERSION").exists():
            raise ClusterUnavailable(f"{directory} no tiene un servidor PostgreSQL privado")
        return cluster

    # Commands, as the server's user ---------------------------------------------

    def _command(self, program: str, *arguments: str) -> list[str]:
        command = [str(self.bin / program), *arguments]
        return ["runuser", "-u", SERVER_USER, "--", *command] if self.as_root else command

    def _run(self, program: str, *arguments: str, timeout: int = 60) -> None:
        # No pipes: the server pg_ctl starts would inherit them and keep them open.
        completed = subprocess.run(self._command(program, *arguments), stdin=subprocess.DEVNULL,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=timeout)
        if completed.returncode != 0:
            log = self.log.read_text(errors="replace")[-3000:] if self.log and self.log.exists() else ""
            raise ClusterUnavailable(f"{program} {' '.join(arguments)} terminó con el código "
                                     f"{completed.returncode}\n{log}")

    # Life cycle -------------------------------------------------------------------

    def init(self) -> "PrivateCluster":
        """``initdb`` in a new temporary directory owned by the server's user."""
        self.directory = Path(tempfile.mkdtemp(prefix="cdmx-pg-"))
        os.chown(self.directory, self.owner.pw_uid, self.owner.pw_gid)
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self._run("initdb", "--pgdata", str(self.data), "--username", "postgres", "--auth", "trust",
                  "--encoding", "UTF8", "--no-sync", timeout=120)
        settings = {
            **FAST_SETTINGS,
            "port": str(self.port),
            "listen_addresses": "'127.0.0.1'",
            "unix_socket_directories": f"'{self.directory}'",
        }
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write("\n# cdmx-global: private server for the fault tests\n")
            conf.writelines(f"{name} = {value}\n" for name, value in settings.items())
        return self

    def start(self, timeout: int = 60) -> None:
        self._run("pg_ctl", "--pgdata", str(self.data), "--log", str(self.log), "--wait",
                  "--timeout", str(timeout), "start", timeout=timeout + 10)

    def stop(self, mode: str = "fast", timeout: int = 60) -> None:
        """``fast`` ends every session and shuts down cleanly; ``immediate`` kills the server at once
        (what a crash looks like: it recovers from the WAL at the next start)."""
        if mode not in ("smart", "fast", "immediate"):
            raise ValueError(mode)
        self._run("pg_ctl", "--pgdata", str(self.data), "--mode", mode, "--wait", "--timeout", str(timeout),
                  "stop", timeout=timeout + 10)

    def restart(self, mode: str = "fast", pause: float = 0.0) -> tuple[float, float]:
        """Stop, stay down ``pause`` seconds, start. Returns the monotonic times it went down and came back."""
        self.stop(mode)
        down = time.monotonic()
        time.sleep(pause)
        self.start()
        return down, time.monotonic()

    def is_running(self) -> bool:
        return bool(self.data) and (self.data / "postmaster.pid").exists()

    def cleanup(self) -> None:
        if self.directory is None or not self.owned:
            return
        if self.is_running():
            try:
                self.stop("immediate")
            except (ClusterUnavailable, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.directory, ignore_errors=True)
        self.directory = None

    def __enter__(self) -> "PrivateCluster":
        try:
            self.init()
            self.start()
        except BaseException:
            self.cleanup()
            raise
        return self

    def __exit__(self, *exc) -> None:
        self.cleanup()

    # Databases --------------------------------------------------------------------

    def url(self, name: str = "postgres") -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{name}"

    def connect(self, name: str = "postgres", autocommit: bool = True):
        import psycopg2

        connection = psycopg2.connect(host="127.0.0.1", port=self.port, user="postgres", dbname=name,
                                      connect_timeout=5)
        connection.autocommit = autocommit
        return connection

    def create_database(self, name: str, template: str | None = None) -> str:
        """A new database, empty or a copy of ``template`` (which nobody may be connected to).

        After a copy, a checkpoint: the copy's sequences start with values their template had
        logged ahead, which a crash (``stop("immediate")``) before the next checkpoint would
        hand out a second time (a row's key used twice, seen as a duplicate-key error)."""
        import psycopg2

        connection = self.connect()
        try:
            with connection.cursor() as cursor:
                # The template's last sessions may take a moment to end after their processes stopped.
                deadline = time.monotonic() + 10
                while True:
                    try:
                        cursor.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
                        break
                    except psycopg2.errors.ObjectInUse:
                        if time.monotonic() > deadline:
                            raise
                        time.sleep(0.2)
                if template:
                    cursor.execute("CHECKPOINT")
        finally:
            connection.close()
        return self.url(name)
