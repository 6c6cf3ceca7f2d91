"""The suite samples a request and its floor in turns, at least ``Case.repeat``
times and more while time allows (``bench/suite/measuring.py``)."""

from bench.suite import measuring
from bench.suite.cases import Case
from bench.suite.measuring import Result


def sampled(monkeypatch, repeat: int, seconds: float, floor: bool = True):
    asked = []

    def request(client, case, cached, path=None):
        asked.append(path or case.path)
        return 0.001 * len(asked), 10

    monkeypatch.setattr(measuring, "_request", request)
    monkeypatch.setattr(measuring, "SAMPLE_SECONDS", seconds)
    case = Case("descarga", "themes.csv", "/datos/themes.csv", repeat=repeat)
    result = Result(case, [], 2, 10)
    measuring._sampled(None, case, result, "/piso/" if floor else None)
    return asked, result


def test_the_request_and_its_floor_are_sampled_in_turns(monkeypatch):
    asked, result = sampled(monkeypatch, repeat=3, seconds=0)

    assert asked == ["/datos/themes.csv", "/piso/"] * 3
    assert result.samples == [0.001, 0.003, 0.005]
    assert result.floor_samples == [0.002, 0.004, 0.006]


def test_a_quick_request_gets_more_samples_while_time_allows_up_to_the_most(monkeypatch):
    asked, result = sampled(monkeypatch, repeat=3, seconds=60)

    assert len(result.samples) == len(result.floor_samples) == measuring.MAX_SAMPLES
    assert asked == ["/datos/themes.csv", "/piso/"] * measuring.MAX_SAMPLES


def test_without_a_floor_only_the_request_is_sampled(monkeypatch):
    asked, result = sampled(monkeypatch, repeat=5, seconds=0, floor=False)

    assert asked == ["/datos/themes.csv"] * 5
    assert result.floor_samples == []
