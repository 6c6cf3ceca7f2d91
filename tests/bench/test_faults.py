"""Faults survived, nothing half-written (issue 8): the portal as real gunicorn
processes on a private PostgreSQL server (bench/pgcluster.py) that these tests
restart, and workers they kill.

* The database restarts under load: while it is down every page answers 503
  with ``Retry-After`` and the short Spanish page (cdmx_global/unavailable.py),
  logged once each, never a 500; once it is back, every kind of page answers
  200 with its content within a few seconds, from every worker, without
  restarting gunicorn.
* A worker is killed in the middle of an admin write (held, deterministically,
  on a real table lock after it inserted the agreement and its history):
  nothing of that write remains, the arbiter starts a new worker, and the same
  write then succeeds whole.
* The load test with faults (``bench/load.py --faults``), bounded: under wrk's
  load, with a staff member writing, a worker killed and the database
  crashed, every write ends whole or absent and the portal recovers.

They need PostgreSQL and a machine where a private server can be started
(root with the ``postgres`` user, or PostgreSQL's own user), so they run in
CI's PostgreSQL half and skip elsewhere with the reason.
"""

import html
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench import faults
from bench.common import free_port
from bench.pgcluster import ClusterUnavailable, PrivateCluster

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="las pruebas de fallas corren sólo con PostgreSQL (DATABASE_URL=postgres://…): "
    "reinician un servidor PostgreSQL privado bajo el portal",
)

UNAVAILABLE_TEXT = "El portal no está disponible por un momento"
#: How long the portal may take to answer every page again once the database is back.
RECOVERY_BOUND = 10.0
#: How long the database stays down in each restart.
OUTAGE = 2.0


@pytest.fixture(scope="module")
def portal_db():
    """The private server with the portal's schema, the book and a staff account (once per module)."""
    try:
        cluster = PrivateCluster().__enter__()
    except ClusterUnavailable as reason:
        pytest.skip(f"no se puede crear un servidor PostgreSQL privado: {reason}")
    try:
        url = cluster.create_database("cdmx_faults")
        timings = faults.prepare_database(url)
        print(f"\nPreparación de la base privada: {', '.join(f'{k} {v:.1f} s' for k, v in timings.items())}")
        yield cluster, url
    finally:
        cluster.cleanup()


@pytest.fixture
def workdir():
    with tempfile.TemporaryDirectory(prefix="cdmx-faults-") as directory:
        yield Path(directory)


def page_checks(cluster) -> dict[str, tuple[str, str]]:
    """Every kind of page to watch, with a text that shows it is the right page."""
    connection = cluster.connect("cdmx_faults")
    with connection.cursor() as cursor:
        cursor.execute("SELECT code, title FROM agreements_agreement WHERE status = 'published' ORDER BY id LIMIT 1")
        code, title = cursor.fetchone()
    connection.close()
    return {**faults.PAGE_KINDS, "ficha": (f"/acuerdos/{code}/", html.escape(title))}


def answers_right(port: int, checks: dict[str, tuple[str, str]]) -> bool:
    try:
        answers = {kind: faults.get(port, path, timeout=5) for kind, (path, _) in checks.items()}
    except OSError:
        return False
    return all(answer.status == 200 and checks[kind][1] in answer.body for kind, answer in answers.items())


@dataclass
class Seen:
    started: float
    ended: float
    server: str
    kind: str
    status: int | None
    retry_after: str | None
    unavailable_text: bool
    error: str = ""


class Visitors:
    """Threads that ask for every kind of page in turn until stopped, and note every answer."""

    def __init__(self, servers: dict[str, int], checks: dict[str, tuple[str, str]], per_server: dict[str, int]):
        self.seen: list[Seen] = []
        self.stopping = threading.Event()
        self.threads = [
            threading.Thread(target=self._visit, args=(name, servers[name], checks, offset), daemon=True)
            for name, count in per_server.items() for offset in range(count)
        ]

    def _visit(self, server: str, port: int, checks, offset: int) -> None:
        kinds = list(checks)
        turn = offset
        while not self.stopping.is_set():
            kind = kinds[turn % len(kinds)]
            turn += 1
            started = time.monotonic()
            try:
                answer = faults.get(port, checks[kind][0], timeout=15)
                seen = Seen(started, time.monotonic(), server, kind, answer.status, answer.headers.get("retry-after"),
                            UNAVAILABLE_TEXT in answer.body)
            except OSError as error:
                seen = Seen(started, time.monotonic(), server, kind, None, None, False, repr(error))
            self.seen.append(seen)
            time.sleep(0.02)

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(30)


def current_backends(cluster) -> set[int]:
    """Client ports of the portal's sessions on the server as it runs now (all opened since it started)."""
    connection = cluster.connect("cdmx_faults")
    with connection.cursor() as cursor:
        cursor.execute("SELECT client_port FROM pg_stat_activity WHERE datname = 'cdmx_faults' "
                       "AND backend_start >= pg_postmaster_start_time() AND pid <> pg_backend_pid()")
        ports = {row[0] for row in cursor.fetchall()}
    connection.close()
    return ports


def test_the_portal_answers_503_while_the_database_restarts_and_recovers_by_itself(portal_db, workdir):
    cluster, url = portal_db
    checks = page_checks(cluster)
    # Without the page cache every request reaches the database in its view; with it, in the
    # page cache's middleware (it reads the content generation first): both must answer 503.
    servers = {
        "sin caché": faults.Gunicorn(free_port(), 2, faults.portal_env(url, PAGE_CACHE_SECONDS="0"),
                                     workdir / "nocache.log"),
        "con caché": faults.Gunicorn(free_port(), 1, faults.portal_env(url), workdir / "cache.log"),
    }
    ports = {name: server.port for name, server in servers.items()}
    try:
        for server in servers.values():
            server.start()
        workers = {name: server.worker_pids() for name, server in servers.items()}
        for port in ports.values():
            assert answers_right(port, checks)

        outages = []
        with Visitors(ports, checks, {"sin caché": 4, "con caché": 1}) as visitors:
            for mode in ("fast", "immediate"):
                time.sleep(1.0)
                cluster.stop(mode)
                down = time.monotonic()
                time.sleep(OUTAGE)
                starting = time.monotonic()
                cluster.start()
                up = time.monotonic()
                recovered = {}
                while len(recovered) < len(ports) and time.monotonic() - up < RECOVERY_BOUND + 5:
                    for name, port in ports.items():
                        if name not in recovered and answers_right(port, checks):
                            recovered[name] = time.monotonic() - up
                    time.sleep(0.1)
                time.sleep(1.0)  # the visitors go on after recovery, so every worker serves again
                outages.append((mode, down, starting, up, recovered))
                # Every worker holds a new connection to the restarted server: each served a page after it.
                fresh = current_backends(cluster)
                for name, server in servers.items():
                    for pid in server.worker_pids():
                        assert faults.database_client_ports(pid, cluster.port) & fresh, (mode, name, pid)
        workers_after = {name: server.worker_pids() for name, server in servers.items()}
        logs = {name: server.stop() for name, server in servers.items()}
    finally:
        for server in servers.values():
            server.stop()

    for mode, down, starting, up, recovered in outages:
        print(f"\nReinicio «{mode}»: fuera {up - down:.1f} s; recuperado en "
              + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in recovered.items()))
        # Every kind of page answers 200 with its content again, on both servers, within the bound.
        assert set(recovered) == set(ports), (mode, recovered)
        assert max(recovered.values()) <= RECOVERY_BOUND
        # (pg_ctl returns a moment after the server takes connections: the outage is until it is asked to start.)
        during = [seen for seen in visitors.seen if seen.started > down and seen.ended < starting]
        # While it is down, the portal answers every page, and answers it 503 with Retry-After and the page.
        assert {seen.server for seen in during} == set(ports), mode
        assert {(seen.status, seen.retry_after, seen.unavailable_text) for seen in during} == {(503, "10", True)}, [
            (seen.server, seen.kind, seen.status, seen.started - down, seen.ended - starting) for seen in during
            if seen.status != 503]

    # Never a 500, never a dropped connection; the same workers all along (gunicorn was not restarted).
    assert {seen.status for seen in visitors.seen} == {200, 503}
    assert [seen.error for seen in visitors.seen if seen.error] == []
    assert workers_after == workers
    # Both ways in were taken: the view's (middleware) without the cache, the page cache's (handler500) with it.
    assert "ERROR cdmx_global.unavailable Base de datos no disponible (503): GET " in logs["sin caché"]
    assert "ERROR django.request Service Unavailable: /" in logs["con caché"]
    for name, log in logs.items():
        assert "Internal Server Error" not in log
        assert "Booting worker" in log and log.count("Booting worker") == len(workers[name]), log
        # Each 503 logged once, as an error, with its cause (views) or Django's line with the traceback (middleware).
        unavailable = [seen for seen in visitors.seen if seen.server == name and seen.status == 503]
        logged = len(re.findall(r"ERROR (cdmx_global\.unavailable Base de datos no disponible \(503\)|"
                                r"django\.request Service Unavailable)", log))
        assert logged == len(unavailable), name


def test_a_worker_killed_in_the_middle_of_a_write_leaves_nothing_half_written(portal_db, workdir):
    cluster, url = portal_db
    server = faults.Gunicorn(free_port(), 1, faults.portal_env(url, PAGE_CACHE_SECONDS="0"), workdir / "kill.log")
    lock = cluster.connect("cdmx_faults", autocommit=False)
    watcher = cluster.connect("cdmx_faults")
    try:
        log, worker, replacement = kill_in_the_middle_of_a_write(cluster, server, lock, watcher)
    finally:
        lock.close()
        watcher.close()
        server.stop()
    assert replacement != worker
    assert f"Worker (pid:{worker}) was sent SIGKILL!" in log


def kill_in_the_middle_of_a_write(cluster, server, lock, watcher):
    with server:
        session = faults.StaffSession(server.port)
        session.login()
        agreement = faults.planned_agreements(watcher, "muerte", 1)[0]
        assert faults.verdict(faults.write_state(watcher, agreement), agreement) == "absent"
        [worker] = server.worker_pids()

        # The agreement's links to its counterparts are written after the agreement and its
        # history: with their table locked, the worker stops there, its transaction half done.
        with lock.cursor() as cursor:
            cursor.execute("LOCK TABLE agreements_agreement_counterparts IN ACCESS EXCLUSIVE MODE")
        outcome = {}

        def post():
            try:
                outcome["answer"] = session.add_agreement(agreement, timeout=30)
            except OSError as error:
                outcome["error"] = error

        writer = threading.Thread(target=post)
        writer.start()
        deadline = time.monotonic() + 15
        waiting = None
        while waiting is None and time.monotonic() < deadline:
            with watcher.cursor() as cursor:
                cursor.execute("SELECT pid, client_port, backend_xid::text, query FROM pg_stat_activity "
                               "WHERE datname = 'cdmx_faults' AND wait_event_type = 'Lock'")
                waiting = cursor.fetchone()
            time.sleep(0.05)
        assert waiting is not None, "el proceso no llegó a esperar el candado"
        backend, client_port, xid, query = waiting
        # It had already written the agreement and its history (it holds a transaction id),
        # and waits at the links (Django reads the links it would replace, then inserts them).
        assert xid is not None
        with watcher.cursor() as cursor:
            cursor.execute("SELECT relation::regclass::text FROM pg_locks WHERE pid = %s AND granted "
                           "AND mode = 'RowExclusiveLock'", [backend])
            written = {row[0] for row in cursor.fetchall()}
        assert {"agreements_agreement", "agreements_historicalagreement"} <= written
        assert query.startswith(('SELECT "agreements_agreement_counterparts"',
                                 'INSERT INTO "agreements_agreement_counterparts"'))
        # That backend is this worker's connection.
        assert client_port in faults.database_client_ports(worker, cluster.port)

        server.kill_worker(worker)
        writer.join(30)
        lock.rollback()  # the lock goes; the dead worker's transaction must not commit

        # The browser got no confirmation.
        assert "answer" not in outcome and isinstance(outcome["error"], OSError)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with watcher.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", [backend])
                if cursor.fetchone()[0] == 0:
                    break
            time.sleep(0.05)
        else:
            pytest.fail("la sesión del proceso muerto siguió abierta")
        state = faults.write_state(watcher, agreement)
        assert state == {
            "record": None, "history": 0, "counterparts": (), "themes": (), "history_counterparts": (),
            "history_themes": (), "history_counterparts_rows": 0, "history_themes_rows": 0, "log_entries": 0,
        }

        # The arbiter started a new worker, which serves pages and takes the same write, whole.
        [replacement] = server.wait_for_workers(gone={worker})
        home = faults.get(server.port, "/")
        assert home.status == 200 and "CDMX Global" in home.body
        answer = session.add_agreement(agreement)
        assert (answer.status, answer.headers["location"]) == (302, "/admin/agreements/agreement/")
        state = faults.write_state(watcher, agreement)
        assert faults.verdict(state, agreement) == "complete"
        assert (state["counterparts"], state["themes"]) == (agreement.counterparts, agreement.themes)
        return server.stop(), worker, replacement


def test_the_load_test_with_faults_ends_with_every_write_complete_or_absent(portal_db):
    """``bench/load.py --faults``, bounded (8 s of load at 1×, a small mix), on a copy of this
    module's database in the same private server, which it restarts itself."""
    cluster, _ = portal_db
    if subprocess.run([str(faults.ROOT / "scripts" / "ensure-wrk")], capture_output=True).returncode != 0:
        if os.environ.get("CI"):
            pytest.fail("falta wrk y no se pudo instalar (scripts/ensure-wrk)")
        pytest.skip("falta wrk (scripts/ensure-wrk no pudo instalarlo)")
    url = cluster.create_database("cdmx_load_faults", template="cdmx_faults")
    started = time.monotonic()
    completed = subprocess.run(
        [sys.executable, "bench/load.py", "--faults", "--scale", "1", "--duration", "8", "--class-duration", "0",
         "--detail-sample", "4", "--workers", "2", "--database-url", url, "--pgdata", str(cluster.directory),
         "--skip-prepare"],
        cwd=faults.ROOT, capture_output=True, text=True, timeout=240,
    )
    print(f"\nbench/load.py --faults: {time.monotonic() - started:.1f} s\n{completed.stdout}")
    assert completed.returncode == 0, completed.stdout + completed.stderr
    [line] = [line for line in completed.stdout.splitlines() if line.startswith("FAULTS_RESULT ")]
    result = json.loads(line.removeprefix("FAULTS_RESULT "))

    writes = result["writes"]
    # Writes were attempted through the faults, some confirmed; each is whole or not there at all.
    assert writes["attempted"] > 0 and writes["confirmed"] > 0
    assert (writes["partial"], writes["lost_confirmed"], result["partial_codes"]) == (0, 0, [])
    assert writes["complete"] + writes["absent"] == writes["attempted"]
    assert writes["complete"] >= writes["confirmed"]
    # A worker was killed and replaced, the database was down and came back, the portal recovered.
    assert isinstance(result["worker_killed"], int) and result["worker_replaced_seconds"] < 10
    assert result["database_restarted"] and result["outage_seconds"] >= 2
    assert result["recovery_seconds"] is not None and result["recovery_seconds"] <= RECOVERY_BOUND
    assert result["recovered"]
    # What failed during the faults failed as 503, never 500. (The rare 500 of about one run in fifteen
    # was psycopg2's own error from a server-side cursor's close: cdmx_global/unavailable.py.)
    assert set(result["statuses"]) <= {"200", "503"}, completed.stderr
    assert result["statuses"]["503"] > 0
    assert (result["server_errors_logged"], result["server_error_causes"]) == (0, []), completed.stderr
    assert "| escrituras completas / ausentes / a medias |" in completed.stdout
    # The server it restarted runs again.
    cluster.connect().close()
