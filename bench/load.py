"""Load test: the public portal under a mixed citizen workload, on loopback.

    .venv/bin/python bench/load.py --scale 100                  # prepare 100× the book, then 60 s of load
    .venv/bin/python bench/load.py --scale 100 --skip-prepare   # the same database again
    .venv/bin/python bench/load.py --scale 1 --duration 20      # the book's data only
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --faults --scale 1 --duration 20 --class-duration 0   # con fallas

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
"""

import argparse
import http.client
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import faults  # noqa: E402
from bench.common import database_name, drop_database, free_port, recreate_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cdmx_bench_load"
PYTHON = sys.executable
BIN = Path(sys.executable).parent


#: How citizens' requests divide among the classes of URL (shares of the load).
CLASS_WEIGHTS = {"detail": 45, "list": 30, "search": 10, "api": 12, "download": 3}
CLASS_NAMES = {
    "detail": "fichas",
    "list": "listas e inicio",
    "search": "búsqueda",
    "api": "API",
    "download": "descargas",
}

#: How many records of each kind get a page in the mix (drawn with the seed; all when fewer).
DETAIL_SAMPLE = {
    "agreements": 60,
    "counterparts": 50,
    "visits": 40,
    "events": 40,
    "awards": 30,
    "networks": 16,
    "actions": 20,
    "countries": 30,
}
API_DETAIL_SAMPLE = 10  # per resource
ENGLISH_SHARE = 0.2
SEARCHES = [
    "movilidad", "cooperacion", "hermanamiento", "agua", "medio ambiente", "cultura",
    "salud", "resiliencia", "innovación", "ciudades", "cambio climático",
]
CYCLE_LENGTH = 4000
RESULT_MARK = "LOAD_RESULT "


@dataclass(frozen=True)
class Target:
    """One URL of the mix and its class (a key of ``CLASS_WEIGHTS``)."""

    path: str
    kind: str


@dataclass
class UrlMix:
    """The distinct URLs of the workload, and the weighted cycle wrk runs through."""

    targets: list[Target]
    cycle: list[str]

    def by_kind(self, kind: str) -> list[str]:
        return [target.path for target in self.targets if target.kind == kind]


def _sample(rng: random.Random, values: list, size: int) -> list:
    return values if len(values) <= size else rng.sample(values, size)


def _english(rng: random.Random, path: str) -> str:
    """The same page in English (``/en/`` before the Spanish path) about one time in five."""
    return "/en" + path if rng.random() < ENGLISH_SHARE else path


def build_url_mix(seed: int = 1, detail_sample: dict[str, int] | None = None,
                  api_detail_sample: int = API_DETAIL_SAMPLE, cycle_length: int = CYCLE_LENGTH) -> UrlMix:
    """The workload from the published records in the database (Django must be set up).

    Every draw comes from ``random.Random(seed)`` over records in primary-key
    order, so the same database and seed give the same URLs in the same order.
    """
    from django.db.models import Count

    from agreements.models import Action, Agreement
    from cdmx_global.models import Counterpart, Theme
    from events.models import Award, Event, Visit
    from networks.models import Network
    from portal.places import country_rows

    rng = random.Random(seed)
    sizes = {**DETAIL_SAMPLE, **(detail_sample or {})}
    published = {
        "agreements": (Agreement, "code"),
        "counterparts": (Counterpart, "slug"),
        "visits": (Visit, "pk"),
        "events": (Event, "pk"),
        "awards": (Award, "pk"),
        "networks": (Network, "slug"),
        "actions": (Action, "pk"),
    }
    keys = {
        name: list(model.objects.published().order_by("pk").values_list(field, flat=True))
        for name, (model, field) in published.items()
    }
    detail_paths = {
        "agreements": "/acuerdos/{}/",
        "counterparts": "/contrapartes/{}/",
        "visits": "/visitas/{}/",
        "events": "/eventos/{}/",
        "awards": "/premios/{}/",
        "networks": "/redes/{}/",
        "actions": "/acuerdos/acciones/{}/",
    }
    targets: list[Target] = []
    for name, pattern in detail_paths.items():
        for key in _sample(rng, keys[name], sizes[name]):
            targets.append(Target(_english(rng, pattern.format(key)), "detail"))
    countries = [row.slug for row in country_rows()]
    for code in _sample(rng, countries, sizes["countries"]):
        targets.append(Target(_english(rng, f"/paises/{code}/"), "detail"))

    # Filter values that select something in this database: the theme and
    # the country with most published agreements.
    theme = (
        Theme.objects.published().annotate(total=Count("agreements")).order_by("-total", "slug")
        .values_list("slug", flat=True).first()
    )
    country = (
        Counterpart.objects.published().exclude(country="").values("country").annotate(total=Count("pk"))
        .order_by("-total", "country").values_list("country", flat=True).first()
    )
    lists = [
        "/", "/en/",
        "/acuerdos/", "/acuerdos/?kind=twinning", "/acuerdos/?year=2016", "/acuerdos/?validity=in_force",
        "/acuerdos/?region=europe", "/en/acuerdos/?kind=framework", "/acuerdos/?page=2",
        "/acuerdos/convenios-marco-onu/", "/acuerdos/acciones/",
        "/visitas/", "/visitas/?direction=incoming", "/en/visitas/?direction=outgoing",
        "/eventos/", "/eventos/?mode=hosted", "/en/eventos/?mode=attended",
        "/premios/", "/premios/?category=health",
        "/redes/", "/redes/?scope=global", "/redes/cargos/",
        "/contrapartes/", "/contrapartes/?region=latin_america", "/en/contrapartes/",
        "/paises/", "/en/paises/", "/cronologia/", "/datos/", "/informes/", "/acerca/",
    ]
    if theme:
        lists += [f"/acuerdos/?theme={theme}", f"/eventos/?theme={theme}"]
    if country:
        lists.append(f"/contrapartes/?country={country}")
    targets += [Target(path, "list") for path in lists]

    searches = [f"/buscar/?{urlencode({'q': query})}" for query in SEARCHES]
    searches += ["/en/buscar/?q=movilidad", "/buscar/?q=agua&kind=agreement"]
    targets += [Target(path, "search") for path in searches]

    api = [
        "/api/v1/agreements/", "/api/v1/agreements/?kind=twinning&year=2016", "/api/v1/agreements/?q=agua",
        "/api/v1/agreements/?ordering=-signed_on", "/api/v1/agreements/?page=2",
        "/api/v1/events/?mode=hosted", "/api/v1/visits/?direction=incoming", "/api/v1/awards/?category=health",
        "/api/v1/counterparts/?region=europe", "/api/v1/networks/", "/api/v1/actions/", "/api/v1/themes/",
        "/api/v1/bodies/",
    ]
    if country:
        api.append(f"/api/v1/counterparts/?country={country}")
    api_details = {
        "agreements": "/api/v1/agreements/{}/",
        "counterparts": "/api/v1/counterparts/{}/",
        "visits": "/api/v1/visits/{}/",
        "events": "/api/v1/events/{}/",
        "awards": "/api/v1/awards/{}/",
        "networks": "/api/v1/networks/{}/",
    }
    for name, pattern in api_details.items():
        api += [pattern.format(key) for key in _sample(rng, keys[name], api_detail_sample)]
    targets += [Target(path, "api") for path in api]

    downloads = [
        "/datos/agreements.csv?kind=twinning", "/datos/agreements.json?kind=twinning&year=2016",
        "/datos/awards.csv?category=health", "/datos/events.csv?mode=hosted&year=2017",
        "/datos/agreements-transparency.csv?year=2016", "/datos/networks.xlsx",
        "/en/datos/visits.csv?direction=incoming&year=2016",
    ]
    targets += [Target(path, "download") for path in downloads]

    targets = list(dict.fromkeys(targets))  # distinct, in order
    return UrlMix(targets=targets, cycle=weighted_cycle(targets, rng, cycle_length))


def weighted_cycle(targets: list[Target], rng: random.Random, length: int) -> list[str]:
    """``length`` paths in which each class has its share of ``CLASS_WEIGHTS`` and
    every URL of a class appears about as often as the others of its class, shuffled."""
    total = sum(CLASS_WEIGHTS.values())
    cycle = []
    for kind, weight in CLASS_WEIGHTS.items():
        paths = [target.path for target in targets if target.kind == kind]
        if not paths:
            continue
        slots = max(len(paths), round(length * weight / total))
        order = paths[:]
        rng.shuffle(order)
        cycle += [order[i % len(order)] for i in range(slots)]
    rng.shuffle(cycle)
    return cycle


# wrk's script: each thread runs through the cycle from its own starting point,
# counts the responses by status, and done() prints one JSON line.
LUA_TEMPLATE = """\
local paths = {
%(paths)s
}
local threads = {}
local thread_count = 0

function setup(thread)
  thread_count = thread_count + 1
  thread:set("id", thread_count)
  table.insert(threads, thread)
end

function init(args)
  index = ((id - 1) * 7919) %% #paths
  statuses = {}
end

function request()
  index = index %% #paths + 1
  return wrk.format("GET", paths[index])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      counts[status] = (counts[status] or 0) + count
    end
  end
  local parts = {}
  for status, count in pairs(counts) do
    table.insert(parts, string.format('"%%d": %%d', status, count))
  end
  local e = summary.errors
  io.write(string.format(
    '%(mark)s{"duration_us": %%d, "requests": %%d, "bytes": %%d, ' ..
    '"errors": {"connect": %%d, "read": %%d, "write": %%d, "status": %%d, "timeout": %%d}, ' ..
    '"latency_us": {"p50": %%d, "p95": %%d, "p99": %%d, "mean": %%.1f, "max": %%d}, "statuses": {%%s}}\\n',
    summary.duration, summary.requests, summary.bytes,
    e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.mean, latency.max,
    table.concat(parts, ", ")))
end
"""


def lua_script(paths: list[str]) -> str:
    return LUA_TEMPLATE % {
        "paths": "\n".join(f"  {json.dumps(path)}," for path in paths),
        "mark": RESULT_MARK,
    }


@dataclass
class LoadResult:
    requests: int
    seconds: float
    throughput: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    mean_ms: float
    max_ms: float
    non_2xx: int
    statuses: dict[int, int]
    socket_errors: dict[str, int]

    @property
    def failed(self) -> bool:
        return self.non_2xx > 0 or any(self.socket_errors.values())


def parse_wrk_output(output: str) -> LoadResult:
    """The line the script's ``done()`` prints, out of wrk's whole output."""
    for line in output.splitlines():
        if line.startswith(RESULT_MARK):
            data = json.loads(line[len(RESULT_MARK):])
            break
    else:
        raise ValueError(f"La salida de wrk no trae la línea «{RESULT_MARK.strip()}»:\n{output}")
    statuses = {int(status): count for status, count in data["statuses"].items()}
    seconds = data["duration_us"] / 1e6
    latency = data["latency_us"]
    errors = data["errors"]
    return LoadResult(
        requests=data["requests"],
        seconds=seconds,
        throughput=data["requests"] / seconds if seconds else 0.0,
        p50_ms=latency["p50"] / 1000,
        p95_ms=latency["p95"] / 1000,
        p99_ms=latency["p99"] / 1000,
        mean_ms=latency["mean"] / 1000,
        max_ms=latency["max"] / 1000,
        # Responses wrk read but that were not 2xx (its "status" error counts only ≥ 400).
        non_2xx=sum(count for status, count in statuses.items() if not 200 <= status < 300),
        statuses=statuses,
        socket_errors={name: errors[name] for name in ("connect", "read", "write", "timeout")},
    )


def run_wrk(base_url: str, paths: list[str], directory: Path, name: str, duration: int, connections: int,
            timeout: int, threads: int = 2) -> LoadResult:
    script = directory / f"{name}.lua"
    script.write_text(lua_script(paths), encoding="utf-8")
    command = [
        "wrk", "--threads", str(threads), "--connections", str(connections), "--duration", f"{duration}s",
        "--timeout", f"{timeout}s", "--script", str(script), base_url,
    ]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=duration + timeout + 60)
    if completed.returncode != 0:
        raise SystemExit(f"wrk terminó con el código {completed.returncode}:\n{completed.stdout}{completed.stderr}")
    (directory / f"{name}.out").write_text(completed.stdout, encoding="utf-8")
    return parse_wrk_output(completed.stdout)


def manage(*arguments: str, env: dict[str, str]) -> None:
    print(f"  manage.py {' '.join(arguments)}", file=sys.stderr)
    subprocess.run([PYTHON, "manage.py", *arguments], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def fetch(port: int, path: str, timeout: float = 60) -> tuple[int, float]:
    """Status and seconds of one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        start = time.perf_counter()
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status, time.perf_counter() - start
    finally:
        connection.close()


def warm_up(port: int, mix: UrlMix, workers: int) -> list[tuple[float, str]]:
    """Every distinct URL once; stops the test if any answers other than 200.
    Returns (seconds, path), slowest first.

    First the home page a few times at once, so every worker has started up
    (imports, templates, translations) before a URL is timed.
    """
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda path: fetch(port, path), ["/"] * (3 * workers)))
    failures, times = [], []
    for target in mix.targets:
        status, seconds = fetch(port, target.path)
        times.append((seconds, target.path))
        if status != 200:
            failures.append(f"  {status}  {target.path}")
    if failures:
        raise SystemExit("Estas direcciones no respondieron 200 antes de la carga:\n" + "\n".join(failures))
    return sorted(times, reverse=True)


def published_record_count() -> int:
    from agreements.models import Action, Agreement
    from cdmx_global.models import Counterpart
    from events.models import Award, Event, Visit
    from networks.models import Membership, Network, Position

    models = (Agreement, Action, Counterpart, Network, Membership, Position, Visit, Event, Award)
    return sum(model.objects.published().count() for model in models)


def describe_database() -> str:
    from django.db import connection

    settings = connection.settings_dict
    connection.ensure_connection()
    version = connection.pg_version if connection.vendor == "postgresql" else None
    server = f"PostgreSQL {version // 10000}.{version % 10000}" if version else connection.vendor
    return (f"{server}, base «{settings['NAME']}» en {settings['HOST'] or 'socket local'}:{settings['PORT'] or ''} "
            f"(CONN_MAX_AGE={settings['CONN_MAX_AGE']} s: cada proceso conserva su conexión)")


def describe_caches() -> str:
    from django.conf import settings

    if settings.PAGE_CACHE_SECONDS <= 0:
        return "ninguna: cada petición se arma de la base de datos (PAGE_CACHE_SECONDS=0)"
    pages = settings.CACHES[settings.PAGE_CACHE_ALIAS]
    return (
        f"páginas y respuestas de la API de visitantes anónimos en la memoria de cada proceso "
        f"({pages['BACKEND'].rsplit('.', 1)[-1]}, hasta {pages['OPTIONS']['MAX_ENTRIES']} por proceso, "
        f"{settings.PAGE_CACHE_SECONDS} s como máximo), descargas terminadas en {settings.DOWNLOAD_CACHE_DIR}; "
        "todo se retira al publicarse un cambio (cdmx_global/pagecache.py). El calentamiento pide cada "
        "dirección una vez, así que la carga mide sobre todo respuestas guardadas"
    )


def print_assumptions(arguments, url: str, records: int, mix: UrlMix) -> None:
    distinct = {kind: len(mix.by_kind(kind)) for kind in CLASS_WEIGHTS}
    total_weight = sum(CLASS_WEIGHTS.values())
    shares = ", ".join(
        f"{CLASS_NAMES[kind]} {100 * weight / total_weight:.0f} % ({distinct[kind]} URL)"
        for kind, weight in CLASS_WEIGHTS.items()
    )
    print("\nSupuestos:")
    print(f"  gunicorn: {arguments.workers} procesos de la clase sync (la de omisión, como `make run`), "
          "DEBUG=0, archivos estáticos por WhiteNoise")
    print(f"  base de datos: {describe_database()}")
    print(f"  escala: {arguments.scale}× los datos del libro ({records} registros publicados)")
    print(f"  caché: {describe_caches()}")
    print(f"  límites de peticiones elevados: {', '.join(f'{k}={v}' for k, v in faults.RAISED_RATES.items())}")
    print(f"  carga: wrk en la misma máquina, 2 hilos, {arguments.connections} conexiones, {arguments.duration} s, "
          f"tiempo límite {arguments.timeout} s por petición")
    print(f"  mezcla (semilla {arguments.seed}, {len(mix.targets)} URL distintas): {shares}")


def print_result(result: LoadResult) -> None:
    errors = result.socket_errors
    print("\nResultado de la carga mixta:\n")
    print("| medida | valor |")
    print("|---|---|")
    print(f"| peticiones | {result.requests} en {result.seconds:.1f} s |")
    print(f"| rendimiento | {result.throughput:.1f} pet/s |")
    print(f"| latencia p50 | {result.p50_ms:.1f} ms |")
    print(f"| latencia p95 | {result.p95_ms:.1f} ms |")
    print(f"| latencia p99 | {result.p99_ms:.1f} ms |")
    print(f"| respuestas no 2xx | {result.non_2xx} |")
    print(f"| errores de socket (conexión/lectura/escritura/tiempo agotado) | "
          f"{errors['connect']}/{errors['read']}/{errors['write']}/{errors['timeout']} |")
    if result.non_2xx:
        others = ", ".join(f"{status}: {count}" for status, count in sorted(result.statuses.items())
                           if not 200 <= status < 300)
        print(f"\nRespuestas no 2xx por código: {others}")


def print_class_results(results: dict[str, LoadResult], seconds: int) -> None:
    print(f"\nPor clase de URL, cada una sola durante {seconds} s (mismas conexiones):\n")
    print("| clase | pet/s | p50 (ms) | p95 (ms) | no 2xx | errores de socket |")
    print("|---|---|---|---|---|---|")
    for kind, result in results.items():
        print(f"| {CLASS_NAMES[kind]} | {result.throughput:.1f} | {result.p50_ms:.1f} | {result.p95_ms:.1f} "
              f"| {result.non_2xx} | {sum(result.socket_errors.values())} |")


def static_files_outdated() -> bool:
    """Whether collectstatic must run: no manifest yet, or a static file newer than it.
    (It post-processes every file each time, over a minute on two cores, so it runs only when needed.)"""
    from django.conf import settings
    from django.contrib.staticfiles.finders import get_finders

    manifest = Path(settings.STATIC_ROOT) / "staticfiles.json"
    if not manifest.exists():
        return True
    collected = manifest.stat().st_mtime
    return any(
        os.path.getmtime(storage.path(path)) > collected
        for finder in get_finders()
        for path, storage in finder.list(["CVS", ".*", "*~"])
    )


def check_synthetic_command() -> None:
    import importlib.util

    # The generator's app (bench/synthetic/) is installed only where ALLOW_SYNTHETIC_DATA=1 asks for it.
    if importlib.util.find_spec("bench.synthetic.management.commands.generate_synthetic") is None:
        raise SystemExit(
            "No existe el comando «generate_synthetic» en esta versión del portal: sin él no se pueden "
            "preparar datos a más de 1×. Use --scale 1, o --skip-prepare sobre una base ya preparada."
        )


def mix_sample(arguments) -> dict:
    """``build_url_mix``'s sample sizes for ``--detail-sample`` (none: its defaults)."""
    if not arguments.detail_sample:
        return {}
    return {"detail_sample": dict.fromkeys(DETAIL_SAMPLE, arguments.detail_sample),
            "api_detail_sample": min(arguments.detail_sample, API_DETAIL_SAMPLE)}


# With faults (--faults) -----------------------------------------------------------------

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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=100, help="veces los datos del libro (generate_synthetic)")
    parser.add_argument("--duration", type=int, default=60, help="segundos de carga")
    parser.add_argument("--connections", type=int, default=16, help="conexiones abiertas de wrk")
    parser.add_argument("--workers", type=int, default=2, help="procesos de gunicorn")
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
    faults_group.add_argument("--outage", type=float, default=2.0, help="segundos que la base queda detenida")
    arguments = parser.parse_args()
    if arguments.scale < 1:
        parser.error("--scale debe ser 1 o más")

    if subprocess.run([str(ROOT / "scripts" / "ensure-wrk")]).returncode != 0 or not shutil.which("wrk"):
        return 1
    if arguments.faults:
        return run_with_faults(arguments)

    url = arguments.database_url
    # As the fault runs, but with the collected static files, as production serves them.
    env = faults.portal_env(url, DJANGO_SETTINGS_MODULE="config.settings")
    os.environ.update(env)
    import django

    django.setup()
    from django.db import OperationalError, connection

    if not arguments.skip_prepare:
        if arguments.scale > 1:
            check_synthetic_command()
        print(f"Preparando la base «{database_name(url)}» a {arguments.scale}×…", file=sys.stderr)
        recreate_database(url)
        manage("migrate", "--no-input", "-v0", env=env)
        manage("load_book", env=env)
        if arguments.scale > 1:
            manage("generate_synthetic", "--scale", str(arguments.scale), env={**env, "ALLOW_SYNTHETIC_DATA": "1"})
    # STATIC_ROOT is the checkout's staticfiles/ (not configurable), as for `make run`.
    if static_files_outdated():
        manage("collectstatic", "--no-input", "-v0", env=env)

    try:
        records = published_record_count()
        mix = build_url_mix(seed=arguments.seed, **mix_sample(arguments))
    except OperationalError as error:
        raise SystemExit(f"No se pudo leer la base «{database_name(url)}» ({error}); prepárela sin --skip-prepare.")
    if not mix.by_kind("detail"):
        raise SystemExit(f"La base «{database_name(url)}» no tiene registros publicados; prepárela sin --skip-prepare.")
    connection.close()

    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryDirectory(prefix="cdmx-load-") as directory:
        directory = Path(directory)
        server = faults.Gunicorn(port, arguments.workers, env, directory / "gunicorn.log")
        try:
            server.start()
            print(f"Calentando: {len(mix.targets)} URL distintas, una vez cada una…", file=sys.stderr)
            slowest = warm_up(port, mix, arguments.workers)
            print(f"Carga mixta: {arguments.duration} s…", file=sys.stderr)
            result = run_wrk(base_url, mix.cycle, directory, "mix", arguments.duration, arguments.connections,
                             arguments.timeout)
            by_class = {}
            if arguments.class_duration > 0:
                for kind in CLASS_WEIGHTS:
                    print(f"Sólo {CLASS_NAMES[kind]}: {arguments.class_duration} s…", file=sys.stderr)
                    members = set(mix.by_kind(kind))
                    paths = [path for path in mix.cycle if path in members]
                    by_class[kind] = run_wrk(base_url, paths, directory, kind, arguments.class_duration,
                                             arguments.connections, arguments.timeout)
        except RuntimeError as error:  # gunicorn did not come up
            raise SystemExit(str(error)) from None
        finally:
            server_log = server.stop()

    print_assumptions(arguments, url, records, mix)
    print("\nLas más lentas al calentar (una petición sola):")
    for seconds, path in slowest[:5]:
        print(f"  {seconds * 1000:7.1f} ms  {path}")
    print_result(result)
    if by_class:
        print_class_results(by_class, arguments.class_duration)
    if arguments.drop:
        drop_database(url)

    failed = result.failed or any(r.failed for r in by_class.values())
    if re.search(r"\b(Traceback|ERROR|CRITICAL)\b", server_log):
        print(f"\ngunicorn registró errores:\n{server_log}", file=sys.stderr)
        failed = True
    if failed:
        print("\nFALLÓ: hubo respuestas no 2xx o errores de socket.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
