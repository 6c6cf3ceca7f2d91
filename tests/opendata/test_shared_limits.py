"""With Redis (REDIS_URL), servers share the API's and the downloads' limits,
exactly, and the index of kept downloads: a file one server keeps the other
sends, and two don't write the same file at once (opendata/throttling.py,
opendata/filecache.py)."""

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.core.cache import caches

from cdmx_global.pagecache import CACHE_HEADER
from opendata import filecache

from tests.support.factories import LEAK_MARK, AgreementFactory
from tests.support.redis_servers import on, two_servers

API = "/api/v1/agreements/"
CSV = "/datos/agreements.csv"


@pytest.fixture
def agreements():
    AgreementFactory(title="Hermanamiento con Lyon", published=True)
    AgreementFactory(title=f"{LEAK_MARK} borrador")


def _alternating(client, path: str, times: int):
    first, second = two_servers()
    answers = []
    for turn in range(times):
        with on(first if turn % 2 == 0 else second):
            answers.append(client.get(path))
    return answers


@pytest.mark.django_db
def test_the_121st_api_request_in_a_minute_is_refused_on_either_server(client, settings, redis_caches, agreements):
    # Every request reaches the view (a cached answer is neither counted nor refused).
    settings.PAGE_CACHE_SECONDS = 0
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": "120/minute"}
    started = time.time()
    answers = _alternating(client, API, 122)
    assert [answer.status_code for answer in answers] == [200] * 120 + [429] * 2
    assert [item["title"] for item in json.loads(answers[119].content)["results"]] == ["Hermanamiento con Lyon"]
    # Until the first of the 120 leaves the minute.
    assert abs(int(answers[121]["Retry-After"]) - (60 - (time.time() - started))) <= 2


@pytest.mark.django_db
def test_the_31st_download_in_a_minute_is_refused_on_either_server(client, settings, redis_caches, agreements):
    settings.PAGE_CACHE_SECONDS = 0
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": "30/minute"}
    answers = _alternating(client, CSV, 31)
    assert [answer.status_code for answer in answers] == [200] * 30 + [429]
    rows = b"".join(answers[29].streaming_content).decode().splitlines()
    assert (len(rows), "Hermanamiento con Lyon" in rows[1]) == (2, True)
    assert answers[30].content.decode() == (
        f"Demasiadas descargas desde su dirección. Vuelva a intentarlo en {answers[30]['Retry-After']} segundos."
    )


def test_hits_at_once_from_two_servers_take_exactly_the_limit(redis_caches):
    """Each thread has its own cache instances and connections, as a server
    would: 200 hits at once, 120 places."""

    def hits(_worker) -> list[bool]:
        cache = caches["default"]
        return [cache.hit_window("throttle_anon_203.0.113.9", 120, 60) is None for _ in range(50)]

    with ThreadPoolExecutor(4) as pool:
        allowed = [hit for worker in pool.map(hits, range(4)) for hit in worker]
    assert (allowed.count(True), allowed.count(False)) == (120, 80)


def _download(client) -> tuple[str, bytes]:
    response = client.get(CSV)
    return response[CACHE_HEADER], b"".join(response.streaming_content)


@pytest.mark.django_db
def test_a_download_kept_by_one_server_is_sent_by_the_other_and_written_by_one_at_a_time(
    client, settings, tmp_path, redis_caches, agreements
):
    settings.PAGE_CACHE_SECONDS = 300
    settings.DOWNLOAD_CACHE_DIR = str(tmp_path / "downloads")
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "downloads": None}
    first, second = two_servers()
    kept = lambda: sorted(path.name for path in Path(settings.DOWNLOAD_CACHE_DIR).iterdir())  # noqa: E731

    with on(first):
        made, made_bytes = _download(client)
    [name] = kept()
    index = caches["pages"]
    assert (made, index.get(f"download:{name}"), index.get(f"download-building:{name}")) == ("miss", 1, None)
    assert b"Hermanamiento con Lyon" in made_bytes and LEAK_MARK.encode() not in made_bytes
    with on(second):
        assert _download(client) == ("hit", made_bytes)

    # A restore empties the folder: the index's entry no longer has a file, and is dropped.
    filecache.clear()
    with on(second):
        assert _download(client) == ("miss", made_bytes)
    assert kept() == [name]

    # Being written by another server: this one streams its own answer and keeps no copy.
    filecache.clear()
    index.delete(f"download:{name}")
    index.add(f"download-building:{name}", "otro-servidor", 300)
    with on(first):
        assert _download(client) == ("miss", made_bytes)
    assert (kept(), index.get(f"download:{name}")) == ([], None)

    # Written, the lock is let go; the file is then sent by both.
    index.delete(f"download-building:{name}")
    with on(first):
        assert _download(client) == ("miss", made_bytes)
    assert (kept(), index.get(f"download-building:{name}")) == ([name], None)
    with on(second):
        assert _download(client) == ("hit", made_bytes)

    # A file the index doesn't know (Redis emptied) is not looked for: it is made again.
    index.delete(f"download:{name}")
    with on(second):
        assert _download(client) == ("miss", made_bytes)
    assert index.get(f"download:{name}") == 1
