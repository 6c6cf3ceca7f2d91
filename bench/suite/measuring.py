"""Measuring a request: its time without the page cache and from it, its
queries, its floor's time (alone, and served through the same middleware
stack: ``bench/floor_urls.py``, in turns with the request) and, for a download, Python's peak memory; and
the search's use of the GIN index and the semester report's build."""

import contextlib
import gc
import os
import time
import tracemalloc
from dataclasses import dataclass, field

from bench import common

from .cases import Case

#: Uncached samples (each with its floor's) are taken while they fit in this
#: many seconds, at least ``Case.repeat`` of them and at most ``MAX_SAMPLES``.
SAMPLE_SECONDS = 3.0
MAX_SAMPLES = 25


@dataclass
class Result:
    case: Case
    samples: list[float]
    queries: int
    size: int
    #: The floor served through the whole middleware stack (``bench/floor_urls.py``): the ratio's denominator.
    floor_samples: list[float] = field(default_factory=list)
    #: The floor alone, in the process, without a request.
    bare_floor_samples: list[float] = field(default_factory=list)
    cached_samples: list[float] = field(default_factory=list)
    peak_memory: int | None = None
    #: The peak once two blocks of rows were written (None for a table of two blocks or fewer).
    two_blocks_memory: int | None = None

    @property
    def cached_p50(self) -> float | None:
        return common.median(self.cached_samples) if self.cached_samples else None

    @property
    def cached_ratio(self) -> float | None:
        return self.cached_p50 / self.floor_p50 if self.cached_samples and self.floor_samples else None

    @property
    def p50(self) -> float:
        return common.median(self.samples)

    @property
    def p95(self) -> float:
        return common.percentile(self.samples, 0.95)

    @property
    def floor_p50(self) -> float | None:
        return common.median(self.floor_samples) if self.floor_samples else None

    @property
    def bare_floor_p50(self) -> float | None:
        return common.median(self.bare_floor_samples) if self.bare_floor_samples else None

    @property
    def ratio(self) -> float | None:
        return self.p50 / self.floor_p50 if self.floor_samples else None


def _size(response) -> int:
    """The body's length, read as a client reads it: a streamed body piece by
    piece, never whole in memory (that would add the file's size to the
    download's measured memory)."""
    if response.streaming:
        return sum(len(piece) for piece in response.streaming_content)
    return len(response.content)


def _request(client, case: Case, cached: bool, path: str | None = None) -> tuple[float, int]:
    from cdmx_global.pagecache import bump_generation

    path = path or case.path
    if not cached:
        # What a first visitor after a change waits for: every kept page and download retired.
        bump_generation()
    start = time.perf_counter()
    response = client.get(path, secure=True)  # production is served over HTTPS only
    size = _size(response)
    elapsed = time.perf_counter() - start
    if response.status_code != 200:
        raise SystemExit(f"{path} respondió {response.status_code}")
    return elapsed, size


def _floor_path(client, case: Case, result: Result) -> str:
    """The floor alone, in the process; then made ready to be served through the middleware stack."""
    from bench.floor_urls import FLOOR_PATH, serving

    run = case.floor()
    run()
    for _ in range(case.repeat):
        start = time.perf_counter()
        run()
        result.bare_floor_samples.append(time.perf_counter() - start)
    serving(run)
    _request(client, case, cached=False, path=FLOOR_PATH)  # warm-up
    return FLOOR_PATH


def _sampled(client, case: Case, result: Result, floor_path: str | None) -> None:
    """The endpoint without the cache and its floor served, in turns: both see
    the machine alike (a load that comes and goes moves them together, not the
    ratio). At least ``case.repeat`` turns, and more while they fit in
    ``SAMPLE_SECONDS``: a download of a small table, a tenth of a second,
    gets many samples rather than three."""
    started = time.perf_counter()
    while len(result.samples) < case.repeat or (
        len(result.samples) < MAX_SAMPLES and time.perf_counter() - started < SAMPLE_SECONDS
    ):
        result.samples.append(_request(client, case, cached=False)[0])
        if floor_path:
            result.floor_samples.append(_request(client, case, cached=False, path=floor_path)[0])


def measure(case: Case) -> Result:
    """The endpoint without the page cache (the work behind a page) in turns
    with its floor, then as served from the cache."""
    from django.db import connection
    from django.test import Client

    from cdmx_global.pagecache import bump_generation

    client = Client(HTTP_ACCEPT_LANGUAGE="es-mx")
    _request(client, case, cached=False)  # warm-up
    queries = []
    bump_generation()  # outside the count: the change, not the request
    # An execute wrapper, not the debug log: Django empties that log when a request starts.
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        _, size = _request(client, case, cached=True)
    result = Result(case, [], len(queries), size)
    _sampled(client, case, result, _floor_path(client, case, result) if case.floor else None)
    _request(client, case, cached=True)  # made once, then kept
    result.cached_samples = [_request(client, case, cached=True)[0] for _ in range(case.repeat)]
    if case.memory:
        gc.collect()
        marks = []
        with _marking_blocks(marks):
            tracemalloc.start()
            _request(client, case, cached=False)
            result.peak_memory = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
        result.two_blocks_memory = marks[1] if len(marks) > 2 else None
    return result


@contextlib.contextmanager
def _marking_blocks(marks: list[int]):
    """Notes Python's peak memory each time a download has written a block of
    rows (``opendata.downloads.CHUNK_SIZE``, the rows read and prefetched at a
    time). Flat memory is a peak that stops growing after the second block:
    while a block is read and prefetched the one before is still held (by
    Django's iterator), so the first block alone is not the steady state."""
    from opendata import downloads, views

    def rows(*args):
        for number, row in enumerate(downloads.rows(*args), start=1):
            yield row
            if number % downloads.CHUNK_SIZE == 0:
                marks.append(tracemalloc.get_traced_memory()[1])

    views.rows = rows
    try:
        yield
    finally:
        views.rows = downloads.rows


def search_uses_gin_index() -> bool:
    """Whether PostgreSQL answers a selective search with the GIN index on the search vector."""
    from django.db import connection

    from search.selectors import entries_matching, search_entries
    from search.text import search_terms

    # A selective query: for a word in most entries («cooperación») PostgreSQL rightly reads the table instead.
    sql, params = entries_matching(search_entries(), search_terms("movilidad sustentable")).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    return "Bitmap Index Scan" in plan and "vector" in plan


def measure_report() -> dict[str, float]:
    """The report of 2017-2, its data and each format, built in a process of its
    own (``bench/report_build.py``): seconds per step, ``total``, and ``peak``, the
    whole process's peak resident memory."""
    from bench.report_build import SEMESTER, build_in_process

    built = build_in_process(os.environ["DATABASE_URL"], SEMESTER)  # the benchmark's database (common.setup_django)
    return {**built["steps"], "peak": built["peak_bytes"]}
