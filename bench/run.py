"""The benchmark suite: the portal at 1×, 10× and 100× the book's data, each
endpoint against its floor, in one run.

    make bench                                  # the same as:
    .venv/bin/python bench/run.py               # 1×, 10×, 100× on PostgreSQL
    .venv/bin/python bench/run.py --scales 1 10 --no-report
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/run.py

It uses its own database (``cdmx_bench`` by default), which it drops and
creates: the schema, the book's records, then synthetic records up to each
scale with ``generate_synthetic`` (marked as synthetic; they exist only here).

For every scale it requests, in process through Django's test client (the
whole middleware stack, as a citizen's request): the home page, filtered
lists, detail pages, the search, each API list with filters, each bulk
download in CSV, XLSX and JSON; and it builds one semester's report. Each
request is timed several times (p50 and p95), its SQL queries are counted,
and for downloads the peak of Python's memory while the file streams is
measured. Lists, API lists and downloads are compared with their floor (see
``bench/floors.py``): the ratio is the endpoint's p50 over the floor's p50.

Anonymous pages are served from a cache (``cdmx_global/pagecache.py``): each
endpoint is timed twice, with the cache emptied before every request (the
work behind a page: what a first visitor, or the first after a change, waits
for) and as served from the cache.

At the end it checks the issue's targets at the largest scale and prints a
table per scale (``--markdown`` for the README) and the verdicts; the exit
status is 1 if a target is missed.

This file is the command; its parts are in bench/suite/ (the cases, measuring
them, the tables and verdicts).
"""

import argparse
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import common  # noqa: E402
from bench.suite.cases import cases  # noqa: E402
from bench.suite.measuring import measure, measure_report, search_uses_gin_index  # noqa: E402
from bench.suite.printing import report_table, table, verdicts  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--no-report", action="store_true", help="sin medir la generación del informe")
    parser.add_argument("--markdown", action="store_true", help="tablas en Markdown, para el README")
    parser.add_argument("--only", help="sólo las peticiones cuyo grupo o nombre contiene alguno de estos textos (separados por comas)")
    parser.add_argument("--json", type=Path, help="guarda los resultados en este archivo")
    parser.add_argument("--reuse", action="store_true",
                        help="mide la base tal como está, sin rehacerla ni agregar registros (una sola escala)")
    arguments = parser.parse_args()

    url = common.database_url("cdmx_bench")
    if not arguments.reuse:
        common.recreate_database(url)
    common.setup_django(url)
    if not arguments.reuse:
        common.load_base()

    runs = []
    for scale in sorted(arguments.scales):
        grown = 0.0 if arguments.reuse else common.grow_to(scale)
        records = common.published_record_count()
        print(f"== {scale}×: {records} registros publicados (generados en {grown:.1f} s)", file=sys.stderr)
        wanted = arguments.only.split(",") if arguments.only else []
        selected = [case for case in cases() if not wanted or any(w in f"{case.group} {case.name}" for w in wanted)]
        results = []
        for case in selected:
            results.append(measure(case))
            print(f"   {case.name}: {common.ms(results[-1].p50)} ms", file=sys.stderr)
        run = {"scale": scale, "records": records, "results": results, "gin": search_uses_gin_index()}
        if not arguments.no_report:
            run["report"] = measure_report()
        runs.append(run)
        print(table(scale, records, results, arguments.markdown))

    if not arguments.no_report:
        print(report_table(runs, arguments.markdown))
    checks = verdicts(runs)
    for ok, text in checks:
        print(f"{'·' if ok is None else '✓' if ok else '✗'} {text}")
    if arguments.json:
        arguments.json.write_text(json.dumps([
            {
                "scale": run["scale"], "records": run["records"], "report": run.get("report"),
                "results": [
                    {"group": r.case.group, "name": r.case.name, "path": r.case.path, "p50": r.p50, "p95": r.p95,
                     "floor_p50": r.floor_p50, "ratio": r.ratio,
                     "cached_p50": r.cached_p50, "cached_ratio": r.cached_ratio, "queries": r.queries, "peak_memory": r.peak_memory,
                     "two_blocks_memory": r.two_blocks_memory}
                    for r in run["results"]
                ],
            }
            for run in runs
        ], indent=2))
    return 0 if all(ok is not False for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
