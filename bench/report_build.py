"""Benchmark: building one semester's report for the book's data and for 10× and 100× as many records.

    .venv/bin/python bench/report_build.py                 # 1×, 10×, 100× on PostgreSQL
    .venv/bin/python bench/report_build.py --scales 1 10   # fewer scales
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/report_build.py

It uses its own database (``cdmx_bench_reports`` by default), which it drops and
creates again, never the portal's. The book's records are loaded, then copied
(scale − 1) times: every copy is published, keeps its dates (so it falls in the
same semesters) and is marked as synthetic in its title and its source
(«[sintético n]»). Synthetic data exists only here, for measuring.

For each scale it times, in one run: building the report data (``reports.data``)
and rendering each format, and prints each time with its ratio to the 1× time.
"Grows no faster than the data" holds when each ratio stays at or below the
scale (the last column divides the ratio by the scale: ≤ 1).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.common import recreate_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/cdmx_bench_reports"
SEMESTER = "2017-2"


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


def record_count() -> int:
    from agreements.models import Action, Agreement
    from events.models import Award, Event, Visit
    from networks.models import Membership, Position

    return sum(model.objects.published().count() for model in (Agreement, Action, Visit, Event, Award, Position, Membership))


def measure(semester) -> dict[str, float]:
    from reports.data import build_report_data
    from reports.exporters import exporters

    timings = {}
    start = time.perf_counter()
    data = build_report_data(semester)
    timings["datos"] = time.perf_counter() - start
    for exporter in exporters():
        start = time.perf_counter()
        exporter.render(data)
        timings[exporter.format] = time.perf_counter() - start
    timings["total"] = sum(timings.values())
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    arguments = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    recreate_database(url)
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")

    import django

    django.setup()
    from django.core.management import call_command

    from sourcebook.loader import load_book
    from evaluations.periods import Semester

    call_command("migrate", verbosity=0)
    load_book()
    semester = Semester.parse(SEMESTER)
    measure(semester)  # warm-up: imports, fonts, templates

    results, copies = [], 1
    for scale in sorted(arguments.scales):
        while copies < scale:
            copy_records(copies)
            copies += 1
        results.append((scale, record_count(), measure(semester)))
        print(f"{scale}× medido", file=sys.stderr)

    base = results[0][2]
    columns = list(base)
    print(f"\nInforme {SEMESTER}: segundos por paso (y razón respecto de {results[0][0]}×)\n")
    print("| escala | registros | " + " | ".join(columns) + " | razón total ÷ escala |")
    print("|---|---|" + "---|" * len(columns) + "---|")
    for scale, records, timings in results:
        cells = [f"{timings[c]:.2f} s ({timings[c] / base[c]:.1f}×)" for c in columns]
        growth = (timings["total"] / base["total"]) / (scale / results[0][0])
        print(f"| {scale}× | {records} | " + " | ".join(cells) + f" | {growth:.2f} |")


if __name__ == "__main__":
    main()
