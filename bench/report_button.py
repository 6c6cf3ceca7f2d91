"""Benchmark: the admin's «Generar borrador» button answers at once at 1× and
100× the book's data, and a real worker delivers the report.

    .venv/bin/python bench/report_button.py                    # 1×, 10×, 100× on PostgreSQL
    .venv/bin/python bench/report_button.py --scales 1 100
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/report_button.py

It uses its own database (``cdmx_bench_button`` by default), which it drops
and creates, and prepares it as ``bench/report_build.py`` does (its
functions): the book's records, then (scale − 1) synthetic copies of them,
marked as such, in the same semesters.

For each scale, a reviewer, through Django's test client (the whole
middleware stack, over HTTPS as in production), presses the button (POST to
``admin:reports_report_build``) once for each of ``--semesters``, and each
answer is timed (p50, max) with its SQL queries; every one must be a redirect to a *new* build. One more
press of the first semester while its build waits is timed apart: it returns
the build already queued and is not counted. Then a real worker
(``manage.py run_worker --no-schedules``, a process of its own on the same
database, files in a temporary ``MEDIA_ROOT``) is started, and the benchmark
waits until every build is ``done``: it prints how long each report took to
arrive after its click, how long the worker built it, and the five files of
each (pdf, html, csv zip, json, xlsx) with their sizes, checked on disk.

Before the builds ran in the background the same click built the report
inside the request: the answer took as long as the worker's build does now.
The printout sets both side by side.

Exit status 1 if at the largest scale the answer's p50 is 1 s or more, or
if a report does not arrive (a build failed, the worker ended, or
``--patience`` ran out).
"""

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402
from bench.report_build import copy_records, record_count  # noqa: E402

#: The semesters pressed at each scale, the first is the one ``bench/report_build.py`` times.
SEMESTERS = ["2017-2", "2017-1", "2016-2", "2016-1", "2015-2"]
LIMIT = 1.0
FORMATS = ["pdf", "html", "csv", "json", "xlsx"]
SECRET = "banco-de-pruebas-boton-del-informe"


def reviewer():
    from django.contrib.auth import get_user_model

    from staff.roles import REVIEWER, assign_role

    user = get_user_model().objects.create_user(username="revisora-banco", email="revisora-banco@example.org")
    assign_role(user, REVIEWER)
    return user


def clear_queue() -> int:
    """Remove what loading the data queued (the search index): the queue holds
    only the builds the benchmark asks for. Returns how many tasks it removed."""
    from django_tasks_db.models import DBTaskResult

    removed, _ = DBTaskResult.objects.exclude(task_path="reports.builds.build_report").delete()
    return removed


def press(client, semester: str) -> tuple[float, int, int, bool]:
    """One press of the button: seconds, queries, the build's id, whether it queued a new build."""
    from django.db import connection
    from django.urls import reverse

    from reports.models import ReportBuild

    before = set(ReportBuild.objects.values_list("pk", flat=True))
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        start = time.perf_counter()
        response = client.post(reverse("admin:reports_report_build"), {"semester": semester, "correction_note": ""},
                               secure=True)
        elapsed = time.perf_counter() - start
    if response.status_code != 302 or "/reports/reportbuild/" not in response.url:
        raise SystemExit(f"el botón ({semester}) respondió {response.status_code} {response.get('Location', '')}")
    build_id = int(response.url.rstrip("/").split("/")[-2])
    return elapsed, len(queries), build_id, build_id not in before


def warm_up(client) -> None:
    """Imports, templates and the admin's first request, outside the timings:
    the form's page, and a press with a semester that is not one (no build)."""
    from django.urls import reverse

    url = reverse("admin:reports_report_build")
    if client.get(url, secure=True).status_code != 200:
        raise SystemExit("la página del botón no respondió 200")
    response = client.post(url, {"semester": "no-es-semestre", "correction_note": ""}, secure=True)
    if response.status_code != 200:
        raise SystemExit(f"el botón con un semestre inválido respondió {response.status_code}")


def start_worker(url: str, media: Path, log: Path) -> subprocess.Popen:
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": SECRET,
        "MEDIA_ROOT": str(media),
        "PAGE_CACHE_SECONDS": "0",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--no-schedules", "--interval", "0.2", "--no-startup-delay",
         "--no-reload"],
        cwd=ROOT, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
    )


def stop_worker(process: subprocess.Popen) -> int:
    """Ctrl-C (the worker is idle by then); returns its peak memory in bytes."""
    process.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        pid, _status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = 0
            return usage.ru_maxrss * 1024
        time.sleep(0.1)
    process.kill()
    _pid, _status, usage = os.wait4(process.pid, 0)
    process.returncode = -9
    return usage.ru_maxrss * 1024


def wait_for_builds(ids: list[int], process: subprocess.Popen, patience: float, log: Path) -> list:
    """Wait until every build is ``done`` and return them; RuntimeError says why one never will be."""
    from reports.models import BuildStatus, ReportBuild

    deadline = time.monotonic() + patience
    while True:
        builds = list(ReportBuild.objects.filter(pk__in=ids).order_by("requested_at"))
        failed = [b for b in builds if b.status == BuildStatus.FAILED]
        if failed:
            raise RuntimeError(f"la generación {failed[0].semester.label} falló: {failed[0].error}")
        if all(b.status == BuildStatus.DONE for b in builds):
            return builds
        if process.poll() is not None:
            raise RuntimeError(f"el trabajador terminó antes (ver {log})")
        if time.monotonic() > deadline:
            raise RuntimeError(f"no llegó en {patience:.0f} s")
        time.sleep(0.25)


def report_files(build) -> list[tuple[str, int]]:
    """The build's report's five files, each checked on disk at its recorded size."""
    files = {f.format: f for f in build.report.files.all()}
    if sorted(files) != sorted(FORMATS):
        raise RuntimeError(f"el informe {build.semester.label} tiene {sorted(files)}, no {sorted(FORMATS)}")
    found = []
    for name in FORMATS:
        path = Path(files[name].file.path)
        if not path.is_file() or path.stat().st_size != files[name].size or files[name].size == 0:
            raise RuntimeError(f"falta o no está completo {path}")
        found.append((name, path.stat().st_size))
    return found


def size(count: int) -> str:
    return f"{count / 1024:.0f} KB" if count < 1024 * 1024 else f"{count / 1024 / 1024:.1f} MB"


def run_scale(scale: int, client, url: str, media: Path, semesters: list[str], patience: float) -> dict:
    run = {"scale": scale, "records": record_count(), "removed": clear_queue()}
    presses = [press(client, semester) for semester in semesters]
    if not all(new for *_, new in presses):
        raise SystemExit(f"{scale}×: una pulsación no puso una generación nueva en cola")
    # The same semester again while its build waits: the same build, no second one (not counted).
    again = press(client, semesters[0])
    if again[3] or again[2] != presses[0][2]:
        raise SystemExit(f"{scale}×: pulsar de nuevo {semesters[0]} puso otra generación en cola")
    run["answers"] = [seconds for seconds, *_ in presses]
    run["queries"] = [queries for _, queries, *_ in presses]
    run["again"] = again[0]
    print(f"{scale}×: {len(presses)} pulsaciones, p50 {common.ms(common.median(run['answers']))} ms; "
          "arranca el trabajador", file=sys.stderr)

    log = media.parent / f"trabajador-{scale}x.log"
    started = time.perf_counter()
    process = start_worker(url, media, log)
    try:
        builds = wait_for_builds([build_id for *_, build_id, _new in presses], process, patience, log)
        run["waited"] = time.perf_counter() - started
        run["builds"] = [
            {
                "semester": build.semester.label,
                "arrived": (build.finished_at - build.requested_at).total_seconds(),
                "built": (build.finished_at - build.started_at).total_seconds(),
                "attempts": build.attempts,
                "files": report_files(build),
            }
            for build in builds
        ]
    except RuntimeError as error:
        run["error"] = str(error)
    finally:
        run["worker_memory"] = stop_worker(process)
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--semesters", nargs="+", default=SEMESTERS, help="los semestres que se piden en cada escala")
    parser.add_argument("--patience", type=float, default=1800, help="segundos que se espera a los informes de una escala")
    arguments = parser.parse_args()

    url = common.database_url("cdmx_bench_button")
    media = Path(tempfile.mkdtemp(prefix="cdmx-bench-button-")) / "media"
    media.mkdir()
    os.environ["SECRET_KEY"] = SECRET
    os.environ["MEDIA_ROOT"] = str(media)
    os.environ["PAGE_CACHE_SECONDS"] = "0"  # as the worker: no download made again after each change
    common.recreate_database(url)
    common.setup_django(url)
    common.load_base()

    from django.test import Client

    client = Client(HTTP_ACCEPT_LANGUAGE="es-mx")
    client.force_login(reviewer())
    warm_up(client)

    runs, copies = [], 1
    for scale in sorted(arguments.scales):
        started = time.perf_counter()
        while copies < scale:
            copy_records(copies)
            copies += 1
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        print(f"== {scale}×: datos en {time.perf_counter() - started:.1f} s", file=sys.stderr)
        runs.append(run_scale(scale, client, url, media, arguments.semesters, arguments.patience))
        if "error" in runs[-1]:
            break

    return print_results(runs, media)


def print_results(runs: list[dict], media: Path) -> int:
    base = runs[0]
    base_p50 = common.median(base["answers"])
    print(f"\nEl botón «Generar borrador» (POST como revisora, toda la pila de middleware; "
          f"{len(base['answers'])} semestres: {', '.join(b['semester'] for b in base.get('builds', []))})\n")
    print("| escala | registros | respuesta p50 | máx. | razón p50 respecto de 1× | consultas | "
          "otra vez, ya en cola (no cuenta) |")
    print("|---|---|---|---|---|---|---|")
    for run in runs:
        p50 = common.median(run["answers"])
        print(f"| {run['scale']}× | {run['records']} | {common.ms(p50)} ms | {common.ms(max(run['answers']))} ms | "
              f"{p50 / base_p50:.2f}× | {'/'.join(map(str, sorted(set(run['queries']))))} | "
              f"{common.ms(run['again'])} ms |")

    print("\nEl informe llega (un trabajador `manage.py run_worker`, arrancado tras las pulsaciones)\n")
    print("| escala | semestre | llega tras el clic | el trabajador lo genera en | "
          + " | ".join(FORMATS) + " | memoria pico del trabajador |")
    print("|---|---|---|---|" + "---|" * len(FORMATS) + "---|")
    for run in runs:
        for build in run.get("builds", []):
            files = dict(build["files"])
            print(f"| {run['scale']}× | {build['semester']} | {build['arrived']:.1f} s | {build['built']:.1f} s | "
                  + " | ".join(size(files[name]) for name in FORMATS) + f" | {size(run['worker_memory'])} |")
        if "error" in run:
            print(f"| {run['scale']}× | ✗ {run['error']} |")

    last = runs[-1]
    p50 = common.median(last["answers"])
    before = ", ".join(
        f"a {run['scale']}× {run['builds'][0]['built']:.0f} s" for run in runs if run.get("builds")
    )
    print(f"\nAntes (la generación dentro de la petición) el mismo clic esperaba el informe entero, lo que hoy "
          f"tarda el trabajador con {base['builds'][0]['semester'] if base.get('builds') else '—'}: {before}. "
          f"Ahora responde a {last['scale']}× en {common.ms(p50)} ms (p50), {p50 / base_p50:.2f}× lo de "
          f"{base['scale']}×.")
    fast = p50 < LIMIT
    arrived = all("error" not in run for run in runs)
    print(f"{'✓' if fast else '✗'} respuesta a {last['scale']}× < 1 s: p50 {common.ms(p50)} ms, "
          f"máx. {common.ms(max(last['answers']))} ms")
    print(f"{'✓' if arrived else '✗'} los informes llegan con sus cinco archivos "
          + ("" if arrived else f"({last.get('error')})") + f"(archivos en {media})")
    return 0 if fast and arrived else 1


if __name__ == "__main__":
    sys.exit(main())
