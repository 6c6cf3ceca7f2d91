"""The pure parts of the load test (bench/load.py), without running wrk: the
URL mix it builds from the database answers 200 everywhere and covers every
class of URL, and its reading of wrk's output."""

import random
from collections import Counter

import pytest

from bench.loadtest.urls import CLASS_WEIGHTS, Target, build_url_mix, weighted_cycle
from bench.loadtest.wrk import lua_script, merge_results, parse_wrk_output

#: wrk 4.1 against a small server, with bench.load's script over
#: ["/", "/index.html", "/falta/", "/"] (the third path answered 404).
WRK_OUTPUT = """\
Running 2s test @ http://127.0.0.1:18555
  2 threads and 4 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.35ms    3.52ms  30.73ms   84.43%
    Req/Sec   496.40    153.38     0.93k    75.00%
  1983 requests in 2.01s, 523.10KB read
  Non-2xx or 3xx responses: 495
Requests/sec:    986.14
Transfer/sec:    260.14KB
LOAD_RESULT {"duration_us": 2010870, "requests": 1983, "bytes": 535656, "errors": {"connect": 0, "read": 0, \
"write": 0, "status": 495, "timeout": 0}, "latency_us": {"p50": 2971, "p95": 10909, "p99": 16707, "mean": 4353.2, \
"max": 30729}, "statuses": {"200": 1488, "404": 495}}
"""

#: Every distinct record page a small sample draws, so the test stays quick
#: (the load test itself requests each URL of its full mix before the load).
SMALL_SAMPLE = dict.fromkeys(
    ("agreements", "counterparts", "visits", "events", "awards", "networks", "actions", "countries"), 4
)


@pytest.fixture(scope="module")
def mix(book, django_db_blocker):
    with django_db_blocker.unblock():
        return build_url_mix(seed=1, detail_sample=SMALL_SAMPLE, api_detail_sample=2)


@pytest.mark.django_db
def test_every_url_of_the_mix_answers_200(mix, client):
    failures = []
    for target in mix.targets:
        response = client.get(target.path)
        if response.status_code != 200:
            failures.append((response.status_code, target.path))

    assert failures == []


@pytest.mark.django_db
def test_the_mix_covers_every_class_with_real_records(mix):
    kinds = Counter(target.kind for target in mix.targets)

    assert set(kinds) == set(CLASS_WEIGHTS)
    details = mix.by_kind("detail")
    for prefix in ("/acuerdos/", "/contrapartes/", "/visitas/", "/eventos/", "/premios/", "/redes/", "/paises/"):
        assert any(path.removeprefix("/en").startswith(prefix) for path in details), prefix
    assert any(path.startswith("/en/") for path in mix.cycle)
    assert len(mix.targets) == len({target.path for target in mix.targets})


@pytest.mark.django_db
def test_the_mix_is_the_same_for_the_same_seed(mix, book):
    again = build_url_mix(seed=1, detail_sample=SMALL_SAMPLE, api_detail_sample=2)
    other = build_url_mix(seed=2, detail_sample=SMALL_SAMPLE, api_detail_sample=2)

    assert again.cycle == mix.cycle
    assert other.cycle != mix.cycle


def test_the_cycle_gives_each_class_its_share_and_every_url_a_turn():
    targets = [Target(f"/{kind}/{i}/", kind) for kind in CLASS_WEIGHTS for i in range(5)]

    cycle = weighted_cycle(targets, random.Random(1), 1000)

    shares = Counter(path.split("/")[1] for path in cycle)
    total = sum(CLASS_WEIGHTS.values())
    for kind, weight in CLASS_WEIGHTS.items():
        assert shares[kind] == round(1000 * weight / total)
    assert {target.path for target in targets} <= set(cycle)


def test_parses_throughput_latency_and_non_2xx_from_wrk_output():
    result = parse_wrk_output(WRK_OUTPUT)

    assert result.requests == 1983
    assert result.throughput == pytest.approx(986.14, abs=0.01)
    assert (result.p50_ms, result.p95_ms, result.p99_ms) == (2.971, 10.909, 16.707)
    assert result.non_2xx == 495
    assert result.statuses == {200: 1488, 404: 495}
    assert result.socket_errors == {"connect": 0, "read": 0, "write": 0, "timeout": 0}
    assert result.failed


def test_a_clean_run_has_not_failed_and_a_socket_error_fails_it():
    clean = WRK_OUTPUT.replace('"status": 495', '"status": 0').replace(', "404": 495', "")
    timeout = clean.replace('"timeout": 0', '"timeout": 2')

    assert not parse_wrk_output(clean).failed
    assert parse_wrk_output(timeout).socket_errors["timeout"] == 2
    assert parse_wrk_output(timeout).failed


def test_output_without_the_result_line_is_an_error():
    with pytest.raises(ValueError, match="LOAD_RESULT"):
        parse_wrk_output("Running 2s test @ http://127.0.0.1:1\n")


def test_the_wrk_script_lists_every_path_quoted():
    script = lua_script(['/buscar/?q=agua', '/a/"b"/'])

    assert '  "/buscar/?q=agua",' in script
    assert r'  "/a/\"b\"/",' in script
    assert "function done(summary, latency, requests)" in script


def test_two_servers_results_are_added_up_with_the_worst_latency():
    first = parse_wrk_output(WRK_OUTPUT)
    second = parse_wrk_output(WRK_OUTPUT.replace('"requests": 1983', '"requests": 1000').replace(
        '"p95": 10909', '"p95": 20000').replace('"statuses": {"200": 1488, "404": 495}', '"statuses": {"200": 1000}'))

    merged = merge_results([first, second])

    assert (merged.requests, merged.statuses, merged.non_2xx) == (2983, {200: 2488, 404: 495}, 495)
    assert round(merged.throughput, 3) == round((1983 + 1000) / 2.010870, 3)
    assert (merged.p50_ms, merged.p95_ms, merged.p99_ms, merged.max_ms) == (2.971, 20.0, 16.707, 30.729)
    assert round(merged.mean_ms, 4) == 4.3532
    assert merged.socket_errors == {"connect": 0, "read": 0, "write": 0, "timeout": 0}
