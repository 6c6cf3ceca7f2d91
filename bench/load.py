"""Load test: the public portal under a mixed citizen workload, on loopback.

    .venv/bin/python bench/load.py --scale 100                  # prepare 100× the book, then 60 s of load
    .venv/bin/python bench/load.py --scale 100 --skip-prepare   # the same database again
    .venv/bin/python bench/load.py --scale 1 --duration 20      # the book's data only
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --faults --scale 1 --duration 20 --class-duration 0   # con fallas
    REDIS_URL=redis://127.0.0.1:6379/0 .venv/bin/python bench/load.py --servers 2 --skip-prepare   # dos servidores

What it measures: throughput (requests per second) and latency p50/p95/p99 of
the portal served by gunicorn as in production (``config.wsgi``, sync
workers, ``DEBUG=0``, the collected static files through WhiteNoise), driven
by wrk for a fixed time with a fixed number of connections, and how many
responses were not 2xx or failed at the socket. Any such response makes it
exit non-zero. Then, for each class of URL alone, a short run gives its
p50/p95 (``--class-duration 0`` skips them).

The workload is what citizens do, drawn from the database itself with a
fixed seed: mostly record pages (agreements, visits, events, awards,
counterparts, networks, countries, actions) and lists with filters (the home
page among them), then searches and the API (lists with filters and
records), and a few small bulk downloads; about one page in five in English
(``/en/``). Before the load every distinct URL is requested once, which warms
the workers, and any answer other than 200 stops the test.

What it assumes, and prints: its own PostgreSQL database on this machine
(``cdmx_bench_load`` by default, dropped and created again unless
``--skip-prepare``), the book's records plus ``generate_synthetic --scale N``
for N > 1; ``--workers`` gunicorn processes of the default (sync) class; the
anonymous page cache and the kept downloads on, as in production (the
warm-up fills them, so the load mostly measures kept answers; run with
``PAGE_CACHE_SECONDS=0`` in the environment for none); and the request limits raised
(``API_RATE``, ``DOWNLOAD_RATE``) so that one address may send the whole load.
wrk runs on the same machine and takes part of its CPU.

With ``--faults`` it also breaks things while it loads, and checks nothing
was left half-written: it makes its own PostgreSQL server (bench/pgcluster.py;
``--pgdata`` names one already made, ``--no-db-restart`` uses the configured
database and only kills a worker), serves the portal from it with settings
that need no collectstatic (bench/plain_static_settings.py), and during the
load a staff member adds agreements through the admin one after another
while, at 30 % of the time, one gunicorn worker is killed (SIGKILL) and, at
55 %, the database is crashed (``pg_ctl stop -m immediate``) for
``--outage`` seconds and started again. Errors during the faults are
expected (503 while the database is down, a dropped connection with the
worker) and do not fail the run. At the end every attempted write must be
whole (the agreement, its history, its links and the history's links, its
admin log entry) or absent, every write the server confirmed (302) must be
whole, and every kind of page must answer 200 again; otherwise it exits 1.
It prints a summary in Spanish and one ``FAULTS_RESULT {json}`` line.

This file is the command; its parts are in bench/loadtest/ (the URL mix, wrk,
the database, the warm-up, the plain run and its report, the run with faults).
"""

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.loadtest.faults_run import run_with_faults  # noqa: E402
from bench.loadtest.plain_run import run_plain  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cdmx_bench_load"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, help="veces los datos del libro (generate_synthetic)")
    parser.add_argument("--duration", type=int, default=60, help="segundos de carga")
    parser.add_argument("--connections", type=int, default=16, help="conexiones abiertas de wrk")
    parser.add_argument("--workers", type=int, default=2, help="procesos de gunicorn (de cada servidor)")
    parser.add_argument("--servers", type=int, default=1,
                        help="instancias de gunicorn en puertos distintos sobre la misma base (y el mismo "
                             "Redis si REDIS_URL está puesta), cada una con su wrk; no con --faults")
    parser.add_argument("--timeout", type=int, default=10, help="segundos que wrk espera una respuesta")
    parser.add_argument("--class-duration", type=int, default=10,
                        help="segundos de carga de cada clase de URL sola (0: no medir por clase)")
    parser.add_argument("--seed", type=int, default=1, help="semilla de la mezcla de URL")
    parser.add_argument("--detail-sample", type=int, default=0,
                        help="fichas de cada clase de registro en la mezcla (0: las de omisión, hasta 60)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    parser.add_argument("--skip-prepare", action="store_true", help="usar la base ya preparada tal como está")
    parser.add_argument("--drop", action="store_true", help="borrar la base al terminar")
    faults_group = parser.add_argument_group("con fallas (--faults)")
    faults_group.add_argument("--faults", action="store_true",
                              help="durante la carga: escrituras del personal, un proceso matado y la base "
                                   "reiniciada; comprueba que ninguna escritura quede a medias")
    faults_group.add_argument("--no-db-restart", action="store_true",
                              help="con --faults: sobre la base configurada, sin reiniciarla (sólo el proceso)")
    faults_group.add_argument("--pgdata", help="con --faults: el directorio de un servidor privado ya creado "
                              "(bench/pgcluster.py) en el que está --database-url; se reinicia ése")
    faults_group.add_argument("--server-log", help="con --faults: guardar aquí el registro de gunicorn "
                              "(con las trazas de cada error)")
    faults_group.add_argument("--outage", type=float, default=2.0, help="segundos que la base queda detenida")
    arguments = parser.parse_args()
    if arguments.scale < 1:
        parser.error("--scale debe ser 1 o más")
    if arguments.servers < 1 or (arguments.faults and arguments.servers != 1):
        parser.error("--servers debe ser 1 o más, y 1 con --faults")

    if subprocess.run([str(ROOT / "scripts" / "ensure-wrk")]).returncode != 0 or not shutil.which("wrk"):
        return 1
    if arguments.faults:
        return run_with_faults(arguments)
    return run_plain(arguments)


if __name__ == "__main__":
    sys.exit(main())
