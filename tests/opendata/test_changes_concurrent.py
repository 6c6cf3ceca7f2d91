"""``/api/v1/changes/`` while records are published, corrected and withdrawn
through the kernel's services in other threads, each in its own committed
transaction: a reader paging with a small page size, and then going on from
its cursor, gets every change exactly once, round after round.

PostgreSQL only: it is what the portal runs on, and what takes each change's
number under a row lock held until the change commits. On SQLite the test
database is one in-memory database that concurrent writers find locked
(«database table is locked»): its writes cannot run side by side at all.
"""

import threading
import time

import pytest
from django.core.cache import caches
from django.db import connection, connections
from django.utils import timezone

from cdmx_global.changelog import PublicChange
from cdmx_global.services import PUBLISH, WITHDRAW, record_transition, record_update
from tests.support.factories import AgreementFactory, GovernmentBodyFactory, reviewer

pytestmark = pytest.mark.django_db(transaction=True)

CHANGES = "/api/v1/changes/"
WRITERS = 3
RECORDS_PER_WRITER = 6
ROUNDS = 3


@pytest.fixture(autouse=True)
def _unthrottled(settings):
    settings.API_THROTTLE_RATES = {**settings.API_THROTTLE_RATES, "anon": None}
    caches["default"].clear()
    caches[settings.PAGE_CACHE_ALIAS].clear()


def write(round_number: int, writer: int, body, user, errors: list) -> None:
    """Publish records one by one, correcting every second and withdrawing every third."""
    try:
        for number in range(RECORDS_PER_WRITER):
            code = f"r{round_number}-w{writer}-{number}"
            draft = AgreementFactory(code=code, title=f"Acuerdo {code}", body=body)
            record = record_transition(record=draft, user=user, transition=PUBLISH)
            if number % 2:
                record = record_update(record=record, user=user, reason=None, expected_version=None,
                                       changes={"title": f"Acuerdo {code} corregido"}, public_note=f"Corrige {code}.")
            if number % 3 == 2:
                record_transition(record=record, user=user, transition=WITHDRAW, note=f"Retira {code}.")
    except Exception as error:  # reported by the test, not lost in the thread
        errors.append(error)
    finally:
        connections.close_all()


def read_on(client, params: dict, seen: list[int]) -> str:
    """Follow ``next`` to the end; returns the last cursor."""
    response = client.get(CHANGES, params)
    while True:
        assert response.status_code == 200, response.content
        page = response.json()
        seen += [item["sequence"] for item in page["results"]]
        if page["next"] is None:
            return page["cursor"]
        response = client.get(page["next"])


def test_concurrent_publications_appear_exactly_once_across_pages(client):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's shared in-memory test database cannot take concurrent writers (see the module).")
    body = GovernmentBodyFactory(name="Secretaría de Movilidad", acronym="SEMOVI")
    user = reviewer(username="marta")
    start = timezone.now()
    seen: list[int] = []
    cursor = None
    for round_number in range(ROUNDS):
        errors: list = []
        writers = [
            threading.Thread(target=write, args=(round_number, writer, body, user, errors)) for writer in range(WRITERS)
        ]
        for thread in writers:
            thread.start()
        pages = 0
        while any(thread.is_alive() for thread in writers):
            params = {"page_size": 2, **({"cursor": cursor} if cursor else {"since": start.isoformat()})}
            cursor = read_on(client, params, seen)
            pages += 1
            time.sleep(0.01)
        for thread in writers:
            thread.join()
        assert errors == []
        # Once the writers are done, the cursor gives what the reader has not seen yet, and then nothing.
        cursor = read_on(client, {"cursor": cursor, "page_size": 2}, seen)
        assert read_on(client, {"cursor": cursor, "page_size": 2}, seen) == cursor

        logged = list(PublicChange.objects.filter(at__gte=start).order_by("sequence").values_list("sequence", flat=True))
        # Per round: each record's publication, half corrected, a third withdrawn.
        per_writer = RECORDS_PER_WRITER + RECORDS_PER_WRITER // 2 + RECORDS_PER_WRITER // 3
        assert len(logged) == (round_number + 1) * WRITERS * per_writer
        assert len(seen) == len(set(seen)), "a change was listed twice"
        assert seen == logged, "a change was skipped or out of order"
        assert pages >= 1
