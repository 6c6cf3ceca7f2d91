"""The load with faults (``bench/load.py --faults``): a staff member writing
through the admin while a worker is killed and the database is crashed, then
every write checked whole or absent (see bench/load.py's docstring)."""

import json
import os
import re
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench import faults
from bench.common import database_name, drop_database, free_port, recreate_database

from .urls import build_url_mix, mix_sample
from .warmup import warm_up
from .wrk import run_wrk

FAULTS_MARK = "FAULTS_RESULT "
#: When, as shares of the load's duration, a worker is killed and the database restarted.
KILL_AT, RESTART_AT = 0.3, 0.55
#: How long the portal may take to answer every page again after a fault before it counts as not recovered.
RECOVERY_LIMIT = 30.0


class StaffWriter(threading.Thread):
    """A staff member adding agreements through the admin, one after another, until stopped.

    Each attempt is noted with whether the server confirmed it (the admin's
    302 to the list); errors (503 during the outage, a dropped connection when
    its worker dies) are expected and noted too."""

    def __init__(self, port: int, planned: list):
        super().__init__(daemon=True)
        self.port, self.planned = port, planned
        self.attempts: list[tuple[object, bool, str]] = []
        self.stopping = threading.Event()

    def run(self) -> None:
        session = faults.StaffSession(self.port)
        session.login()
        for agreement in self.planned:
            if self.stopping.is_set():
                break
            try:
                answer = session.add_agreement(agreement, timeout=20)
                confirmed, outcome = answer.status == 302, str(answer.status)
            except OSError as error:
                confirmed, outcome = False, type(error).__name__
            self.attempts.append((agreement, confirmed, outcome))
            time.sleep(0.05 if confirmed else 0.3)


def wait_for_pages(port: int, checks: dict[str, tuple[str, str]], seconds: float) -> float | None:
    """Seconds until every page of ``checks`` answers 200 with its text, or None after ``seconds``."""

    start = time.monotonic()
    while time.monotonic() - start < seconds:
        try:
            answers = {kind: faults.get(port, path, timeout=5) for kind, (path, _) in checks.items()}
            if all(answer.status == 200 and checks[kind][1] in answer.body for kind, answer in answers.items()):
                return time.monotonic() - start
        except OSError:
            pass
        time.sleep(0.2)
    return None


def run_with_faults(arguments) -> int:
    """The mixed load with faults: see ``--faults`` in the README («Despliegue»)."""
    import psycopg2

    from bench.pgcluster import ClusterUnavailable, PrivateCluster

    cluster = None
    if arguments.pgdata:
        try:
            cluster = PrivateCluster.attach(arguments.pgdata, urlsplit(arguments.database_url).port)
        except ClusterUnavailable as reason:
            print(f"--pgdata: {reason}", file=sys.stderr)
            return 2
    elif not arguments.no_db_restart:
        try:
            cluster = PrivateCluster().__enter__()
        except ClusterUnavailable as reason:
            print(f"No se puede crear el servidor PostgreSQL privado para reiniciarlo: {reason}\n"
                  "Use --no-db-restart para probar sólo la muerte de un proceso sobre la base configurada.",
                  file=sys.stderr)
            return 2
    try:
        own_server = cluster is not None and cluster.owned
        url = cluster.create_database("cdmx_load_faults") if own_server else arguments.database_url
        env = faults.portal_env(url)
        started = time.monotonic()
        if own_server or not arguments.skip_prepare:
            if not own_server:
                recreate_database(url)
            print(f"Preparando la base «{database_name(url)}» a {arguments.scale}×…", file=sys.stderr)
            faults.prepare_database(url, env)
            if arguments.scale > 1:
                faults.manage("generate_synthetic", "--scale", str(arguments.scale),
                              env={**env, "ALLOW_SYNTHETIC_DATA": "1"})
        else:
            faults.manage("shell", "-c", faults.CREATE_STAFF, env=env)
        prepare_seconds = time.monotonic() - started
        os.environ.update(env)
        import django

        django.setup()
        from django.db import connection

        mix = build_url_mix(seed=arguments.seed, **mix_sample(arguments))
        connection.close()
        with psycopg2.connect(url) as before:
            planned = faults.planned_agreements(before, f"carga{os.getpid()}", 5000)
        before.close()
        checks = {**faults.PAGE_KINDS, "ficha": (mix.by_kind("detail")[0], "")}

        port = free_port()
        with tempfile.TemporaryDirectory(prefix="cdmx-load-faults-") as directory:
            directory = Path(directory)
            server = faults.Gunicorn(port, arguments.workers, env, directory / "gunicorn.log")
            with server:
                print(f"Calentando: {len(mix.targets)} URL distintas…", file=sys.stderr)
                warm_up(port, mix, arguments.workers)
                writer = StaffWriter(port, planned)
                events: dict[str, float | int | None] = {}

                def conduct():
                    time.sleep(arguments.duration * KILL_AT)
                    killed = server.kill_worker()
                    events["worker_killed"] = killed
                    killed_at = time.monotonic()
                    server.wait_for_workers(gone={killed})
                    events["worker_replaced_seconds"] = time.monotonic() - killed_at
                    if cluster is None:
                        return
                    time.sleep(max(0.0, arguments.duration * (RESTART_AT - KILL_AT)
                                   - events["worker_replaced_seconds"]))
                    cluster.stop("immediate")
                    down = time.monotonic()
                    time.sleep(arguments.outage)
                    cluster.start()
                    events["outage_seconds"] = time.monotonic() - down
                    events["recovery_seconds"] = wait_for_pages(port, checks, RECOVERY_LIMIT)

                conductor = threading.Thread(target=conduct, daemon=True)
                print(f"Carga mixta con fallas: {arguments.duration} s…", file=sys.stderr)
                writer.start()
                conductor.start()
                result = run_wrk(f"http://127.0.0.1:{port}", mix.cycle, directory, "faults", arguments.duration,
                                 arguments.connections, arguments.timeout)
                conductor.join(RECOVERY_LIMIT + 60)
                writer.stopping.set()
                writer.join(60)
                final_recovery = wait_for_pages(port, checks, RECOVERY_LIMIT)
                workers_after = server.worker_pids()
            server_log = server.log.read_text(errors="replace")
            if arguments.server_log:
                Path(arguments.server_log).write_text(server_log)

        # A new connection: the server was restarted since the last one.
        watcher = psycopg2.connect(url)
        watcher.autocommit = True
        verdicts = {"complete": [], "absent": [], "partial": []}
        lost = []
        for agreement, confirmed, _ in writer.attempts:
            verdict = faults.verdict(faults.write_state(watcher, agreement), agreement)
            verdicts[verdict].append(agreement.code)
            if confirmed and verdict != "complete":
                lost.append(agreement.code)
        watcher.close()
        if arguments.drop and not own_server:
            drop_database(url)
    finally:
        if cluster and not cluster.owned and not cluster.is_running():
            cluster.start()  # someone else's server: as it was
        if cluster:
            cluster.cleanup()

    outcomes: dict[str, int] = {}
    for _, _, outcome in writer.attempts:
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    summary = {
        "prepare_seconds": round(prepare_seconds, 1),
        "writes": {
            "attempted": len(writer.attempts),
            "confirmed": sum(1 for _, confirmed, _ in writer.attempts if confirmed),
            "complete": len(verdicts["complete"]),
            "absent": len(verdicts["absent"]),
            "partial": len(verdicts["partial"]),
            "lost_confirmed": len(lost),
            "outcomes": outcomes,
        },
        "partial_codes": verdicts["partial"],
        "lost_codes": lost,
        "requests": result.requests,
        "statuses": {str(status): count for status, count in sorted(result.statuses.items())},
        "socket_errors": result.socket_errors,
        "worker_killed": events.get("worker_killed"),
        "worker_replaced_seconds": events.get("worker_replaced_seconds"),
        "database_restarted": cluster is not None,
        "outage_seconds": events.get("outage_seconds"),
        "recovery_seconds": events.get("recovery_seconds"),
        "recovered": final_recovery is not None and len(workers_after) == arguments.workers,
        "server_errors_logged": len(re.findall(r"Internal Server Error", server_log)),
        "server_error_causes": server_error_causes(server_log),
    }
    print_faults_summary(arguments, summary)
    if summary["server_errors_logged"]:
        start = server_log.index("Internal Server Error")
        print(f"\ngunicorn registró errores 500; el primero:\n{server_log[start:start + 12000]}", file=sys.stderr)
    print(FAULTS_MARK + json.dumps(summary, ensure_ascii=False))
    failures = []
    if not writer.attempts:
        failures.append("no se intentó ninguna escritura")
    if verdicts["partial"]:
        failures.append(f"escrituras a medias: {', '.join(verdicts['partial'])}")
    if lost:
        failures.append(f"escrituras confirmadas que faltan: {', '.join(lost)}")
    if not summary["recovered"]:
        failures.append("el portal no volvió a responder 200 en todas sus páginas")
    if failures:
        print("\nFALLÓ: " + "; ".join(failures) + ".", file=sys.stderr)
        return 1
    return 0


def server_error_causes(log: str) -> list[str]:
    """«path: exception» of each 500 Django logged (its traceback's last exception line)."""
    causes = []
    for block in log.split("Internal Server Error: ")[1:]:
        lines = block.splitlines()
        exceptions = [line for line in lines[1:] if re.match(r"^[A-Za-z_][\w.]*(Error|Exception)\b", line)]
        causes.append(f"{lines[0]}: {exceptions[-1] if exceptions else '?'}")
    return causes


def print_faults_summary(arguments, summary: dict) -> None:
    writes = summary["writes"]
    errors = summary["socket_errors"]

    def seconds(value):
        return "—" if value is None else f"{value:.2f} s"

    others = sum(count for status, count in summary["statuses"].items() if not 200 <= int(status) < 300)
    print("\nCarga con fallas:\n")
    print("| medida | valor |")
    print("|---|---|")
    print(f"| carga | {summary['requests']} peticiones en {arguments.duration} s, "
          f"{arguments.workers} procesos de gunicorn |")
    print(f"| respuestas por código | {', '.join(f'{k}: {v}' for k, v in summary['statuses'].items())} |")
    print(f"| errores durante las fallas | {others} respuestas no 2xx; errores de socket "
          f"{errors['connect']}/{errors['read']}/{errors['write']}/{errors['timeout']} "
          "(conexión/lectura/escritura/tiempo agotado) |")
    print(f"| proceso matado (SIGKILL) | pid {summary['worker_killed']}, repuesto en "
          f"{seconds(summary['worker_replaced_seconds'])} |")
    if summary["database_restarted"]:
        print(f"| base de datos reiniciada (modo immediate) | detenida {seconds(summary['outage_seconds'])}; "
              f"todas las páginas en 200 de nuevo {seconds(summary['recovery_seconds'])} después |")
    else:
        print("| base de datos reiniciada | no (--no-db-restart) |")
    print(f"| escrituras del personal | {writes['attempted']} intentadas, {writes['confirmed']} confirmadas |")
    print(f"| escrituras completas / ausentes / a medias | {writes['complete']} / {writes['absent']} / "
          f"{writes['partial']} |")
    print(f"| confirmadas que faltan | {writes['lost_confirmed']} |")
    print(f"| portal recuperado | {'sí' if summary['recovered'] else 'NO'} |")
    if summary["server_error_causes"]:
        print("\nErrores 500 registrados (dirección: excepción):")
        for cause in summary["server_error_causes"]:
            print(f"  {cause}")
