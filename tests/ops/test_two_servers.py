"""Two servers, one database and one Redis (issue 25): two gunicorn instances
of the portal, on two loopback ports, with the production settings (no
debug, plain HTTP), the same ``DATABASE_URL`` (this test's PostgreSQL
database, the book committed in it) and the same ``REDIS_URL`` (the real
Redis on 127.0.0.1:6379, under a key prefix of this run alone).

* The API's limit holds across both: 120 requests in a minute from one
  address, alternating between the servers, are answered; the 121st is
  refused (429) on whichever server it reaches, and so is the next on the other.
* A page built on one server is a hit on the other (``X-Page-Cache``).
* An edit saved through the admin of one server is on the other's page at its
  next request.
* Nothing fails: no answer is a 5xx and neither server logs an error.

PostgreSQL only (two server processes cannot share the suite's SQLite
database in memory), and Redis must answer (on CI its absence fails).
"""

import html
import json
import os
import tempfile
import threading
import time
import uuid
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher
from django.db import connection, transaction

from bench import faults
from bench.common import free_port
from sourcebook.loader import load_book
from tests.support.html_forms import form_fields

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
        reason="la prueba de dos servidores corre sólo con PostgreSQL (DATABASE_URL=postgres://…): "
        "dos procesos de gunicorn no pueden compartir la base SQLite en memoria de la suite",
    ),
    pytest.mark.django_db(transaction=True),
]

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
API_RATE = 120
#: Every API request of the count goes to a distinct address: a kept answer is
#: sent by the page cache before the limit is checked, and would not count.
API_PATH = "/api/v1/agreements/?page_size=1&vuelta={}"
#: DRF's answer past the limit, in Spanish.
THROTTLED = "Solicitud fue regulada (throttled). Se espera que esté disponible en {} segundos."


def redis_answers(url: str) -> bool:
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.RedisError:
        return False


@pytest.fixture
def shared_database(transactional_db, kept_book):
    """The book and a staff account committed in the test database, which the
    servers use as theirs (the test commits: it is emptied after it, as the suite expects)."""
    with transaction.atomic():
        if not kept_book.write():
            load_book()
        staff = get_user_model()(username=faults.STAFF_USERNAME, is_staff=True, is_superuser=True)
        # Production's hasher: the servers do not know the suite's quick one.
        hasher = Argon2PasswordHasher()
        staff.password = hasher.encode(faults.STAFF_PASSWORD, hasher.salt())
        staff.save()
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT'] or 5432}/{settings['NAME']}"


@pytest.fixture
def two_servers(shared_database):
    if not redis_answers(REDIS_URL):
        if os.environ.get("CI"):
            pytest.fail(f"Redis no responde en {REDIS_URL}")
        pytest.skip(f"Redis no responde en {REDIS_URL}")
    prefix = f"prueba-dos-servidores-{uuid.uuid4().hex[:12]}"
    env = faults.portal_env(
        shared_database, REDIS_URL=REDIS_URL, REDIS_KEY_PREFIX=prefix, API_RATE=f"{API_RATE}/minute",
        DOWNLOAD_RATE="30/minute", LOG_LEVEL="WARNING",
    )
    with tempfile.TemporaryDirectory(prefix="cdmx-two-servers-") as directory:
        env["DOWNLOAD_CACHE_DIR"] = str(Path(directory) / "descargas")
        # One worker each: what is shared is shared between the servers, not only within one.
        servers = {name: faults.Gunicorn(free_port(), 1, env, Path(directory) / f"{name}.log") for name in "AB"}
        errors = []

        def start(server):
            try:
                server.start()
            except Exception as error:  # noqa: BLE001 - reported by the test below
                errors.append(error)

        try:
            # Both at once: each spends its seconds importing Django.
            starting = [threading.Thread(target=start, args=(server,)) for server in servers.values()]
            for thread in starting:
                thread.start()
            for thread in starting:
                thread.join(90)
            if errors:
                raise errors[0]
            yield servers
        finally:
            for server in servers.values():
                server.stop()
            delete_keys(prefix)


def delete_keys(prefix: str) -> None:
    """This run's keys only: the shared Redis is never flushed."""
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


class Visitor:
    """One visitor's address talking to both servers; every answer kept."""

    def __init__(self, servers):
        self.ports = {name: server.port for name, server in servers.items()}
        self.answers: list[tuple[str, str, int]] = []

    def get(self, server: str, path: str) -> faults.Answer:
        answer = faults.get(self.ports[server], path)
        self.answers.append((server, path, answer.status))
        return answer


def published_agreement(database_url: str) -> tuple[int, str, str]:
    import psycopg2

    with psycopg2.connect(database_url) as reader, reader.cursor() as cursor:
        cursor.execute("SELECT id, code, title FROM agreements_agreement WHERE status = 'published' ORDER BY code LIMIT 1")
        row = cursor.fetchone()
    reader.close()
    return row


def test_two_servers_share_the_limits_the_pages_and_the_edits(shared_database, two_servers):
    client = Visitor(two_servers)
    started = time.monotonic()

    # A page built on A is sent from the cache by B, the same bytes.
    built = client.get("A", "/acuerdos/")
    kept = client.get("B", "/acuerdos/")
    assert (built.status, built.headers["x-page-cache"]) == (200, "miss")
    assert (kept.status, kept.headers["x-page-cache"]) == (200, "hit")
    assert kept.body == built.body

    # 120 API requests in the minute from this address, alternating: all answered.
    answers = [client.get("AB"[number % 2], API_PATH.format(number)) for number in range(1, API_RATE + 1)]
    assert [answer.status for answer in answers] == [200] * API_RATE
    assert [answer.headers["x-page-cache"] for answer in answers] == ["miss"] * API_RATE
    assert all(len(json.loads(answer.body)["results"]) == 1 for answer in answers)
    # The 121st is refused wherever it lands, and so is the next on the other server.
    for server, number in (("A", API_RATE + 1), ("B", API_RATE + 2)):
        refused = client.get(server, API_PATH.format(number))
        wait = int(refused.headers["retry-after"])
        assert (refused.status, json.loads(refused.body)) == (429, {"detail": THROTTLED.format(wait)})
        assert 0 < wait <= 60
    # An answer already kept is still sent (the page cache answers before the limit), from either server.
    again = client.get("A", API_PATH.format(2))
    assert (again.status, again.headers["x-page-cache"], again.body) == (200, "hit", answers[1].body)
    assert time.monotonic() - started < 60, "la cuenta debe caber en el minuto del límite"

    # An agreement's page, built on A and kept; a member of staff changes its title through B's admin.
    pk, code, title = published_agreement(shared_database)
    page = f"/acuerdos/{code}/"
    before = [client.get("A", page), client.get("A", page), client.get("B", page)]
    assert [(answer.status, answer.headers["x-page-cache"]) for answer in before] == [
        (200, "miss"), (200, "hit"), (200, "hit")]
    assert html.escape(title) in before[0].body
    new_title = f"{title} (corregido en el servidor B)"
    staff = faults.StaffSession(two_servers["B"].port)
    staff.login()
    change = f"/admin/agreements/agreement/{pk}/change/"
    form = staff.get(change)
    assert form.status == 200
    data = form_fields(form.body, "agreement_form", title=new_title) + [("_save", "Guardar")]
    saved = staff.post(change, data)
    assert (saved.status, saved.headers.get("location")) == (302, "/admin/agreements/agreement/"), saved.body[:3000]

    # The next request to A shows the new title, made anew; B then has it kept.
    after_a = client.get("A", page)
    after_b = client.get("B", page)
    assert (after_a.status, after_a.headers["x-page-cache"]) == (200, "miss")
    assert (after_b.status, after_b.headers["x-page-cache"]) == (200, "hit")
    for answer in (after_a, after_b):
        # The old title is nowhere but inside the new one.
        assert answer.body.count(html.escape(new_title)) == answer.body.count(html.escape(title)) > 0

    # Nothing failed: no 5xx, no error in either server's log.
    assert [answer for answer in client.answers if answer[2] >= 500] == []
    assert sorted({status for _, _, status in client.answers}) == [200, 429]
    for name, server in two_servers.items():
        log = server.log.read_text(errors="replace")
        assert "Internal Server Error" not in log and "Traceback" not in log, (name, log[-5000:])
        # Redis answered all along: the limit was not waived for an outage.
        assert "Redis no disponible" not in log, (name, log[-5000:])
    print(f"\nDos servidores: {len(client.answers)} peticiones en {time.monotonic() - started:.1f} s, "
          f"{sum(1 for answer in client.answers if answer[2] == 429)} rechazadas (429)")
