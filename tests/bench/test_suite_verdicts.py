"""The benchmark's verdicts on issue 25's targets: every uncached list, API list
and download against its floor, and the 100× report's time and peak memory."""

from bench.suite.cases import Case
from bench.suite.measuring import Result
from bench.suite.printing import report_table, table, verdicts


def result(group, name, seconds, floor, cached=None, queries=5, memory=False):
    return Result(
        case=Case(group=group, name=name, path=f"/{name}/", memory=memory), samples=[seconds] * 3, queries=queries,
        size=1000, floor_samples=[floor] * 3 if floor else [], cached_samples=[cached or floor / 10] * 3 if floor else [],
        # The floor alone, without the request that serves it: shown, not judged.
        bare_floor_samples=[floor / 4] * 3 if floor else [],
    )


def run(scale, results, report=None):
    return {"scale": scale, "records": 300 * scale, "results": results, "gin": True, "report": report}


def test_every_uncached_request_is_judged_against_three_times_its_floor():
    results = [
        result("página", "acuerdos", 0.030, 0.010),
        result("API", "agreements", 0.031, 0.010),
        result("descarga", "agreements.csv", 0.5, 0.2, memory=True),
        result("descarga", "counterparts.csv", 0.7, 0.2, memory=True),
        result("ficha", "acuerdo", 0.020, None),
    ]
    checks = verdicts([run(10, results), run(100, results)])

    assert (True, "listas y búsqueda sin caché a 3× de su piso o menos a 100× (1 de 1)") in checks
    assert (False, "API sin caché a 3× de su piso o menos a 100× (0 de 1): fuera agreements (3.1×)") in checks
    assert (False, "descargas sin caché a 3× de su piso o menos a 100× (1 de 2): fuera counterparts.csv (3.5×)") in checks
    rows = table(100, 30000, results, markdown=True).splitlines()
    # The floor alone, the floor served, the ratio to the served floor and its mark.
    assert rows[4].split(" | ")[5:9] == ["2.5", "10.0", "3.00", "✓"]
    assert rows[5].split(" | ")[5:9] == ["2.5", "10.0", "3.10", "✗"]
    assert rows[8].split(" | ")[5:9] == ["", "", "", ""]


def test_the_report_at_the_largest_scale_meets_its_time_and_memory_goals_or_says_by_how_much():
    small = {"datos": 0.1, "pdf": 3.0, "total": 3.1, "peak": 300_000_000}
    within = run(100, [], {"datos": 7.0, "pdf": 50.0, "total": 57.0, "peak": 900_000_000})
    heavy = run(100, [], {"datos": 7.0, "pdf": 50.0, "total": 57.0, "peak": 1_200_000_000})

    assert verdicts([run(1, [], small), within])[-1] == (
        True, "informe a 100× en 57.0 s (meta 60 s) con un pico de 900 MB (meta 1,000 MB)")
    assert verdicts([run(1, [], small), heavy])[-1] == (
        False, "informe a 100× en 57.0 s (meta 60 s) con un pico de 1,200 MB (meta 1,000 MB)")
    assert report_table([run(1, [], small), within], markdown=True).splitlines()[4:] == [
        "| 1× | 300 | 0.10 s | 3.00 s | 3.10 s | 300.0 MB | 1.0 | 1.0 |",
        "| 100× | 30000 | 7.00 s | 50.00 s | 57.00 s | 900.0 MB | 18.4 | 100.0 |",
    ]
