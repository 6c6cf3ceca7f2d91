"""The SQL queries a request costs do not grow with the data: every address the
benchmark suite measures (``bench/run.py``: pages, records, search, each API
list with filters, each download in three formats) costs the same number of
queries with two copies of the book's records as with four
(``generate_synthetic --scale 2``, then ``--scale 4``). The book alone may
cost a query less here and there: none of its agreements renews another, and
Django skips a prefetch with nothing to fetch. Downloads read their rows as values in blocks of
500, with one values query per relation and block (that keeps their memory flat);
at this size each is one block."""

import pytest
from django.db import connection

from bench.suite.cases import cases
from bench.synthetic.generator import generate

pytestmark = pytest.mark.django_db


def queries(client, path: str) -> int:
    executed = []
    with connection.execute_wrapper(lambda execute, sql, *args: executed.append(sql) or execute(sql, *args)):
        response = client.get(path)
        if response.streaming:
            b"".join(response.streaming_content)
    assert response.status_code == 200, path
    return len(executed)


def test_queries_per_request_are_the_same_with_twice_the_data(client, book):
    paths = [case.path for case in cases()]
    generate(scale=2)
    with_two = {path: queries(client, path) for path in paths}

    generate(scale=4)
    with_four = {path: queries(client, path) for path in paths}

    assert with_four == with_two
    # A few, exactly: what each costs is part of its design (the page cache,
    # off in tests, adds one read of the content generation).
    assert with_two["/"] == 13
    # 10: none of the first page's agreements was signed at an event, so the
    # prefetch of those events has nothing to read (it costs one more if one is);
    # the same for the bodies of their commitments, as the data has none. One
    # reads the latest public change, for Last-Modified (cdmx_global.conditional).
    assert with_two["/api/v1/agreements/?kind=specific_cooperation"] == 10
    # The content generation and the latest public change, read together for the
    # download's ETag and Last-Modified; the rows as values; one values query per
    # relation the table shows (opendata.rows), no longer those it does not
    # (commitments, actions, renewals): 12 before issue 25.
    assert with_two["/datos/agreements.csv"] == 10
