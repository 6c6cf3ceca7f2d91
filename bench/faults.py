"""The portal as real processes, for the fault tests and ``bench/load.py --faults``.

Everything here works from outside, as an operator or a browser would:
gunicorn processes started with production settings against a database URL,
a staff member's session over HTTP that logs in and adds agreements through
the admin (the record, its history and its links written in one
transaction), and plain SQL (psycopg2) to see what the database holds
afterwards. Nothing of the portal is replaced or imitated.

What "a write survived the fault" means here (:func:`write_state`): an
agreement added through the admin is *complete* when its row, at least one
row of its history, its links to counterparts and themes, and the history's
copies of those links are all there; it is *absent* when none of them is
(no row, no history, no links); anything else is *partial*, which must never
happen.
"""

import http.client
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

from bench.common import child_pids

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BIN = Path(sys.executable).parent

STAFF_USERNAME = "prueba.fallas"
STAFF_PASSWORD = "fallas-controladas-2018"

#: Pages of several kinds (list, record, search, API, the home page) and a text each must show when right.
#: The record pages are filled in from the database (:func:`page_checks`).
PAGE_KINDS = {
    "inicio": ("/", "CDMX Global"),
    "lista": ("/acuerdos/", "Acuerdos"),
    "búsqueda": ("/buscar/?q=agua", "agua"),
    "api": ("/api/v1/agreements/?page=1", '"results"'),
}


#: The request limits while under load: one address (wrk's, or the tests') sends everything.
#: Per second rather than per minute, so the history DRF keeps per address stays short.
RAISED_RATES = {"API_RATE": "100000/second", "DOWNLOAD_RATE": "100000/second"}


def portal_env(database_url: str, **extra: str) -> dict[str, str]:
    """The environment of the portal as production runs it, over plain HTTP on loopback."""
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench.plain_static_settings",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "0",
        "SECURE_COOKIES": "0",
        "HTTPS": "0",
        "ALLOWED_HOSTS": "127.0.0.1",
        **RAISED_RATES,
        **extra,
    }


def manage(*arguments: str, env: dict[str, str]) -> str:
    completed = subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, capture_output=True,
                               text=True, timeout=600)
    if completed.returncode != 0:
        raise RuntimeError(f"manage.py {' '.join(arguments)} terminó con el código {completed.returncode}:\n"
                           f"{completed.stdout}{completed.stderr}")
    return completed.stdout


CREATE_STAFF = f"""
from django.contrib.auth import get_user_model
User = get_user_model()
User.objects.filter(username={STAFF_USERNAME!r}).delete()
User.objects.create_superuser({STAFF_USERNAME!r}, "", {STAFF_PASSWORD!r})
"""


def prepare_database(database_url: str, env: dict[str, str] | None = None) -> dict[str, float]:
    """Schema, the book's records and a staff account in an empty database. Returns the seconds of each step."""
    env = env or portal_env(database_url)
    timings = {}
    for name, arguments in (
        ("migrate", ("migrate", "--no-input", "-v0")),
        ("load_book", ("load_book",)),
        ("staff", ("shell", "-c", CREATE_STAFF)),
    ):
        start = time.monotonic()
        manage(*arguments, env=env)
        timings[name] = time.monotonic() - start
    return timings


# Gunicorn and its workers ------------------------------------------------------------


class Gunicorn:
    """``gunicorn config.wsgi`` in its own process group, as ``make run`` starts it."""

    def __init__(self, port: int, workers: int, env: dict[str, str], log: Path):
        self.port, self.workers, self.env, self.log = port, workers, env, log
        self.process: subprocess.Popen | None = None

    def start(self, seconds: int = 60) -> "Gunicorn":
        command = [str(BIN / "gunicorn"), "config.wsgi", "--bind", f"127.0.0.1:{self.port}",
                   "--workers", str(self.workers)]
        with self.log.open("w") as output:
            self.process = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=output,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn terminó al arrancar:\n{self.log.read_text()}")
            if len(self.worker_pids()) == self.workers:
                try:
                    get(self.port, "/", timeout=5)
                    return self
                except OSError:
                    pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn no respondió en {seconds} s:\n{self.log.read_text()}")

    def worker_pids(self) -> list[int]:
        """The arbiter's children: its workers (Linux's /proc)."""
        if self.process is None:
            return []
        return child_pids(self.process.pid)

    def kill_worker(self, pid: int | None = None) -> int:
        """SIGKILL one worker (the first, or ``pid``), as the kernel's OOM killer would. Returns its pid."""
        pid = pid or self.worker_pids()[0]
        os.kill(pid, signal.SIGKILL)
        return pid

    def wait_for_workers(self, gone: set[int] = frozenset(), seconds: float = 30) -> list[int]:
        """Until the arbiter has its full count of workers again, none of them in ``gone``."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            pids = self.worker_pids()
            if len(pids) == self.workers and not gone & set(pids):
                return pids
            time.sleep(0.1)
        raise RuntimeError(f"gunicorn no repuso sus procesos en {seconds} s: {self.worker_pids()}")

    def stop(self) -> str:
        """Stops it and returns its log."""
        if self.process is not None and self.process.poll() is None:
            try:
                os.killpg(self.process.pid, signal.SIGTERM)
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
            except ProcessLookupError:
                pass
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def __enter__(self) -> "Gunicorn":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()


def database_client_ports(pid: int, database_port: int) -> set[int]:
    """The local ports of a process's open TCP connections to ``database_port`` on 127.0.0.1
    (``pg_stat_activity.client_port`` of its backends), read from /proc."""
    inodes = set()
    for link in Path(f"/proc/{pid}/fd").glob("*"):
        try:
            target = os.readlink(link)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    ports = set()
    for line in Path(f"/proc/{pid}/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        local, remote, state, inode = fields[1], fields[2], fields[3], fields[9]
        if inode in inodes and state == "01" and int(remote.split(":")[1], 16) == database_port:
            ports.add(int(local.split(":")[1], 16))
    return ports


# HTTP ---------------------------------------------------------------------------------


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: str


def get(port: int, path: str, timeout: float = 15, headers: dict[str, str] | None = None) -> Answer:
    return request(port, "GET", path, timeout=timeout, headers=headers)


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            timeout: float = 15) -> Answer:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        content = response.read().decode("utf-8", errors="replace")
        return Answer(response.status, {name.lower(): value for name, value in response.getheaders()}, content)
    finally:
        connection.close()


@dataclass
class StaffSession:
    """A staff member's browser: cookies kept, redirects not followed."""

    port: int
    cookies: dict[str, str] = field(default_factory=dict)

    def _send(self, method: str, path: str, data: list[tuple[str, str]] | None = None,
              timeout: float = 20) -> Answer:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        body = None
        if data is not None:
            body = urlencode(data).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.msg.get_all("Set-Cookie") or []:
                for name, morsel in SimpleCookie(header).items():
                    self.cookies[name] = morsel.value
            content = response.read().decode("utf-8", errors="replace")
            return Answer(response.status, {name.lower(): value for name, value in response.getheaders()}, content)
        finally:
            connection.close()

    def get(self, path: str) -> Answer:
        return self._send("GET", path)

    def post(self, path: str, data: list[tuple[str, str]]) -> Answer:
        return self._send("POST", path, data)

    def login(self, username: str = STAFF_USERNAME, password: str = STAFF_PASSWORD) -> None:
        self._send("GET", "/admin/login/")
        answer = self._send("POST", "/admin/login/?next=/admin/", [
            ("csrfmiddlewaretoken", self.cookies["csrftoken"]), ("username", username), ("password", password),
            ("next", "/admin/"),
        ])
        if answer.status != 302 or "sessionid" not in self.cookies:
            raise RuntimeError(f"no se pudo entrar a la administración ({answer.status}):\n{answer.body[:2000]}")

    def add_agreement(self, agreement: "PlannedAgreement", timeout: float = 20) -> Answer:
        """The admin's «Añadir acuerdo» form, posted as the browser posts it (no inline actions)."""
        data = [
            ("csrfmiddlewaretoken", self.cookies["csrftoken"]),
            ("code", agreement.code), ("title", agreement.title), ("kind", "twinning"),
            ("body", str(agreement.body)), ("validity", "unknown"),
            *[("counterparts", str(pk)) for pk in agreement.counterparts],
            *[("themes", str(pk)) for pk in agreement.themes],
            ("actions-TOTAL_FORMS", "0"), ("actions-INITIAL_FORMS", "0"),
            ("actions-MIN_NUM_FORMS", "0"), ("actions-MAX_NUM_FORMS", "1000"),
            ("commitments-TOTAL_FORMS", "0"), ("commitments-INITIAL_FORMS", "0"),
            ("commitments-MIN_NUM_FORMS", "0"), ("commitments-MAX_NUM_FORMS", "1000"),
            ("_save", "Guardar"),
        ]
        return self._send("POST", "/admin/agreements/agreement/add/", data, timeout=timeout)


# What the database holds ----------------------------------------------------------------


@dataclass(frozen=True)
class PlannedAgreement:
    code: str
    title: str
    body: int
    counterparts: tuple[int, ...]
    themes: tuple[int, ...]


def planned_agreements(connection, prefix: str, count: int) -> list[PlannedAgreement]:
    """``count`` agreements to add, each with the first government body, two counterparts and two themes."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM cdmx_global_governmentbody ORDER BY id LIMIT 1")
        body = cursor.fetchone()[0]
        cursor.execute("SELECT id FROM cdmx_global_counterpart ORDER BY id LIMIT 2")
        counterparts = tuple(row[0] for row in cursor.fetchall())
        cursor.execute("SELECT id FROM cdmx_global_theme ORDER BY id LIMIT 2")
        themes = tuple(row[0] for row in cursor.fetchall())
    return [
        PlannedAgreement(f"{prefix}-{number:04d}", f"Acuerdo de prueba de fallas {prefix} {number}", body,
                         counterparts, themes)
        for number in range(1, count + 1)
    ]


def write_state(connection, agreement: PlannedAgreement) -> dict:
    """What the database holds of one agreement added through the admin (see the module)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT id FROM agreements_agreement WHERE code = %s", [agreement.code])
        row = cursor.fetchone()
        record = row[0] if row else None
        cursor.execute("SELECT history_id, id FROM agreements_historicalagreement WHERE code = %s "
                       "ORDER BY history_id", [agreement.code])
        history = cursor.fetchall()
        history_ids = [history_id for history_id, _ in history] or [0]
        ids = {record_id for _, record_id in history} | ({record} if record else set())
        ids = list(ids) or [0]
        links = {}
        for name, column in (("counterparts", "counterpart_id"), ("themes", "theme_id")):
            cursor.execute(f"SELECT {column} FROM agreements_agreement_{name} WHERE agreement_id = ANY(%s)", [ids])
            links[name] = tuple(sorted(row[0] for row in cursor.fetchall()))
            # The history's copy of the links, of its latest row.
            cursor.execute(f"SELECT {column} FROM agreements_historicalagreement_{name} WHERE history_id = %s",
                           [history_ids[-1]])
            links[f"history_{name}"] = tuple(sorted(row[0] for row in cursor.fetchall()))
            cursor.execute(f"SELECT count(*) FROM agreements_historicalagreement_{name} WHERE history_id = ANY(%s)",
                           [history_ids])
            links[f"history_{name}_rows"] = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM django_admin_log WHERE object_repr = %s", [agreement.title])
        log_entries = cursor.fetchone()[0]
    return {"record": record, "history": len(history), **links, "log_entries": log_entries}


def verdict(state: dict, agreement: PlannedAgreement) -> str:
    """``complete``, ``absent`` or ``partial``."""
    if (
        state["record"] is not None
        and state["history"] >= 1
        and state["counterparts"] == tuple(sorted(agreement.counterparts))
        and state["themes"] == tuple(sorted(agreement.themes))
        and state["history_counterparts"] == tuple(sorted(agreement.counterparts))
        and state["history_themes"] == tuple(sorted(agreement.themes))
        and state["log_entries"] == 1
    ):
        return "complete"
    if (
        state["record"] is None
        and state["history"] == 0
        and not state["counterparts"]
        and not state["themes"]
        and not state["history_counterparts_rows"]
        and not state["history_themes_rows"]
        and state["log_entries"] == 0
    ):
        return "absent"
    return "partial"

