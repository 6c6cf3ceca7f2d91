"""Benchmark: building one semester's report for the book's data and for 10× and 100× as many records.

    .venv/bin/python bench/report_build.py                 # 1×, 10×, 100× on PostgreSQL
    .venv/bin/python bench/report_build.py --scales 1 10   # fewer scales
    .venv/bin/python bench/report_build.py --reuse --scales 100   # the database as the last run left it
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/report_build.py

It uses its own database (``cdmx_bench_reports`` by default), which it drops and
creates again, never the portal's. The book's records are loaded, then copied
(scale − 1) times: every copy is published, keeps its dates (so it falls in the
same semesters) and is marked as synthetic in its title and its source
(«[sintético n]»). Synthetic data exists only here, for measuring. With
``--reuse`` it keeps the database and the copies already made, and measures only
the scales at or above them.

Each scale is measured in a process of its own (``build_in_process``), as the
worker that builds a report is: the time of the report data and of each format,
and the peak memory of the whole process and the processes it starts to lay
out the PDF (their resident sets together, sampled every 0.1 s, ``TreePeak``;
Python, Django and the fonts included). It prints each time with its ratio to the
1× time ("grows no faster than the data" holds when the last column, ratio ÷
scale, stays at or below 1), and the goal at 100×: the report in at most
``GOAL_SECONDS`` and ``GOAL_PEAK_BYTES``.
"""

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import child_pids, recreate_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cdmx_bench_reports"
SEMESTER = "2017-2"

#: The goal at 100× (issue 25): the whole report, every format, in a minute and a gigabyte.
GOAL_SCALE = 100
GOAL_SECONDS = 60
GOAL_PEAK_BYTES = 1024**3


def copy_records(copy: int) -> int:
    """One synthetic copy of every published record the report reads; returns how many rows it made."""
    from agreements.models import Action, Agreement
    from cdmx_global.models import PublicationStatus
    from events.models import Award, Event, Visit
    from networks.models import Membership, Position

    mark = f" [sintético {copy}]"
    made = 0
    agreement_ids = {}
    for model, title_field, m2m in (
        (Agreement, "title", ("counterparts", "themes", "sdgs", "frameworks", "other_bodies")),
        (Action, "title", ("counterparts", "themes", "sdgs", "frameworks")),
        (Visit, "title", ("counterparts", "themes")),
        (Event, "name", ("organisers", "themes", "sdgs", "frameworks")),
        (Award, "title", ("granted_by", "themes", "sdgs")),
        (Position, "title", ()),
        (Membership, "role", ()),
    ):
        originals = list(
            model.objects.filter(status=PublicationStatus.PUBLISHED, source_citation__contains="CDMX Global")
            .exclude(source_citation__contains="[sintético").prefetch_related(*m2m)
        )
        copies = []
        for original in originals:
            clone = model.objects.model(**{
                f.attname: getattr(original, f.attname) for f in model._meta.concrete_fields if not f.primary_key
            })
            setattr(clone, title_field, (getattr(original, title_field) + mark)[: model._meta.get_field(title_field).max_length])
            clone.source_citation = (original.source_citation + mark)[:300]
            if model is Agreement:
                clone.code = f"{original.code}-s{copy}"[:80]
                clone.renews_id = None
            if model is Action and original.agreement_id in agreement_ids:
                clone.agreement_id = agreement_ids[original.agreement_id]
            copies.append(clone)
        created = model.objects.bulk_create(copies)
        made += len(created)
        if model is Agreement:
            agreement_ids = {o.pk: c.pk for o, c in zip(originals, created, strict=True)}
        for name in m2m:
            through = getattr(model, name).through
            source, target = getattr(model, name).field.m2m_field_name(), getattr(model, name).field.m2m_reverse_field_name()
            links = [
                through(**{f"{source}_id": clone.pk, f"{target}_id": related.pk})
                for original, clone in zip(originals, created, strict=True)
                for related in getattr(original, name).all()
            ]
            through.objects.bulk_create(links)
    return made


def copies_made() -> int:
    """How many times the book is in the database (1 + the synthetic copies), 0 if it isn't loaded."""
    from django.db import connection

    from agreements.models import Agreement

    if "agreements_agreement" not in connection.introspection.table_names():
        return 0
    marks = Agreement.objects.filter(source_citation__contains="[sintético").values_list("source_citation", flat=True)
    numbers = [int(n) for text in marks.iterator() for n in re.findall(r"\[sintético (\d+)\]", text)]
    if not Agreement.objects.exists():
        return 0
    return max(numbers, default=0) + 1


def record_count() -> int:
    from agreements.models import Action, Agreement
    from events.models import Award, Event, Visit
    from networks.models import Membership, Position

    return sum(model.objects.published().count() for model in (Agreement, Action, Visit, Event, Award, Position, Membership))


def measure(semester) -> dict[str, float]:
    """Seconds for the report data and for its files, in this process, as the
    worker builds them (``reports.services``): ``render_files``, whose PDF lays
    its chapters out in other processes while the other formats are rendered
    here: ``archivos`` is the five files' time, and each other format's own
    time is given too (spent within it, beside the PDF's layout)."""
    from reports.data import build_report_data
    from reports.exporters import exporters, pdf_processes_started, render_files

    timings = {}
    originals = {type(exporter): type(exporter).render for exporter in exporters() if exporter.format != "pdf"}

    def timed(cls, render):
        def render_timed(self, data, **options):
            began = time.perf_counter()
            try:
                return render(self, data, **options)
            finally:
                timings[cls.format] = time.perf_counter() - began
        return render_timed

    for cls, render in originals.items():
        cls.render = timed(cls, render)
    try:
        # As the worker does (reports.services): the PDF's processes start with the data.
        with pdf_processes_started():
            start = time.perf_counter()
            data = build_report_data(semester)
            timings["datos"] = time.perf_counter() - start
            start = time.perf_counter()
            render_files(data)
            timings["archivos"] = time.perf_counter() - start
    finally:
        for cls, render in originals.items():
            cls.render = render
    timings["total"] = timings["datos"] + timings["archivos"]
    return timings


def peak_bytes() -> int:
    """The largest resident set this process has had (Linux reports it in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def _resident_bytes(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/statm") as statm:
            return int(statm.read().split()[1]) * resource.getpagesize()
    except (OSError, IndexError, ValueError):
        return 0  # it has just ended


class TreePeak(threading.Thread):
    """The largest resident memory of this process and its child processes
    together (the PDF's layout processes, ``reports.pdf.workers``), sampled
    every ``interval`` seconds until ``stop``: what the machine holds for the
    report at once. Each process's resident set counts whole, as
    ``ru_maxrss`` does."""

    def __init__(self, interval: float = 0.1):
        super().__init__(daemon=True)
        self.interval, self.peak, self._stopping = interval, 0, threading.Event()

    def run(self) -> None:
        me = os.getpid()
        while not self._stopping.wait(self.interval):
            self.peak = max(self.peak, sum(_resident_bytes(pid) for pid in [me, *child_pids(me)]))

    def stop(self) -> int:
        """Stops sampling; the peak of the samples or this process's own peak, the larger."""
        self._stopping.set()
        self.join()
        return max(self.peak, peak_bytes())


def cpu_seconds() -> float:
    """The processor time this process and its ended child processes have used,
    user and system: unlike the elapsed time, it hardly changes when other work
    shares the machine."""
    usages = [resource.getrusage(who) for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN)]
    return sum(usage.ru_utime + usage.ru_stime for usage in usages)


def build_in_process(url: str, semester: str = SEMESTER) -> dict:
    """The report of ``semester`` built from the database at ``url`` in a new
    Python process: ``{"seconds", "peak_bytes", "cpu_seconds", "steps"}`` — the
    elapsed seconds of the data and all formats, the peak resident memory of
    the process and its children together, their processor seconds (start-up
    included) and the elapsed seconds of each step. What ``bench/run.py`` reports as the report's cost."""
    environment = {**os.environ, "DATABASE_URL": url}
    environment.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    environment.setdefault("LOG_LEVEL", "WARNING")
    finished = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--child", semester],
        env=environment, capture_output=True, text=True, check=True,
    )
    steps = json.loads(finished.stdout.strip().splitlines()[-1])
    peak, cpu = steps.pop("peak_bytes"), steps.pop("cpu_seconds")
    return {"seconds": steps["total"], "peak_bytes": peak, "cpu_seconds": cpu, "steps": steps}


def child(semester: str) -> None:
    import django

    django.setup()
    from evaluations.periods import Semester

    sampler = TreePeak()
    sampler.start()
    timings = measure(Semester.parse(semester))
    print(json.dumps({**timings, "peak_bytes": sampler.stop(), "cpu_seconds": cpu_seconds()}))


def prepare(url: str, reuse: bool) -> int:
    """The database ready with the book at least once; returns how many times the book is in it."""
    if not reuse:
        recreate_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    try:
        django.setup()
        copies = copies_made() if reuse else 0
    except Exception:  # noqa: BLE001 - no such database yet: make it
        recreate_database(url)
        copies = 0
    if copies == 0:
        from django.core.management import call_command

        from sourcebook.loader import load_book

        call_command("migrate", verbosity=0)
        load_book()
        copies = 1
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--reuse", action="store_true", help="conserva la base y las copias ya hechas")
    parser.add_argument("--child", metavar="SEMESTRE", help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(arguments.child)
        return
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    copies = prepare(url, arguments.reuse)
    from django.db import connection

    results = []
    for scale in sorted(arguments.scales):
        if scale < copies:
            print(f"{scale}×: la base ya tiene {copies}× (--reuse); se omite", file=sys.stderr)
            continue
        while copies < scale:
            copy_records(copies)
            copies += 1
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        results.append((scale, record_count(), build_in_process(url)))
        print(f"{scale}× medido", file=sys.stderr)
    if not results:
        return

    base = results[0][2]["steps"]
    columns = list(base)
    print(
        f"\nInforme {SEMESTER}: segundos por paso (y razón respecto de {results[0][0]}×), "
        "memoria pico (el proceso y los que trazan el PDF)\n"
    )
    print("| escala | registros | " + " | ".join(columns) + " | memoria pico | CPU | razón total ÷ escala |")
    print("|---|---|" + "---|" * len(columns) + "---|---|---|")
    for scale, records, run in results:
        cells = [f"{run['steps'][c]:.2f} s ({run['steps'][c] / base[c]:.1f}×)" for c in columns]
        growth = (run["seconds"] / base["total"]) / (scale / results[0][0])
        print(
            f"| {scale}× | {records} | " + " | ".join(cells)
            + f" | {run['peak_bytes'] / 1024**3:.2f} GB | {run['cpu_seconds']:.1f} s | {growth:.2f} |"
        )
    for scale, _records, run in results:
        if scale == GOAL_SCALE:
            fits = run["seconds"] <= GOAL_SECONDS and run["peak_bytes"] <= GOAL_PEAK_BYTES
            print(
                f"\n{'✓' if fits else '✗'} informe a {GOAL_SCALE}×: {run['seconds']:.1f} s (meta ≤ {GOAL_SECONDS} s), "
                f"memoria pico {run['peak_bytes'] / 1024**3:.2f} GB (meta ≤ {GOAL_PEAK_BYTES / 1024**3:.0f} GB); "
                f"{run['cpu_seconds']:.1f} s de CPU"
            )
    print(f"\nCarga de la máquina al terminar: {os.getloadavg()[0]:.1f} (promedio de 1 min)")


if __name__ == "__main__":
    main()
