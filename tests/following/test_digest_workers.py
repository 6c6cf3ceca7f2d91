"""The digests sent by real worker processes (``manage.py run_worker``) on
the test database, PostgreSQL or SQLite, through a real SMTP server on
loopback (aiosmtpd): a worker killed with SIGKILL in the middle of the
sending, or in the middle of a batch of alerts (PostgreSQL), leaves no one
without the digest and sends no one two; and a batch tried again makes no
second alert.

Workers beat every 0.3 s and take one silent for 3 s for dead
(``TASK_*`` settings); the digests go in batches of ten subscriptions
(``FOLLOW_BATCH_SIZE``, read by the worker from its environment).
"""

import datetime
import json
import os
from collections import defaultdict

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from background.models import Email
from background.tasks import enqueue
from following.digest import batches, send_batch, send_digest_batch, send_digests, start_run
from following.models import DigestRun, Frequency, Subscription
from tests.support.factories import AgreementFactory, CounterpartFactory
from tests.support.processes import Database, blocked_by, wait_for, workers
from tests.support.smtp import SmtpServer, text_of

pytestmark = pytest.mark.django_db(transaction=True)

WORKER_ENV = {
    "TASK_HEARTBEAT_SECONDS": "0.3",
    "TASK_WORKER_TIMEOUT_SECONDS": "3",
    "TASK_RETRY_DELAY_SECONDS": "0.2",
    "TASK_RETRY_MAX_DELAY_SECONDS": "0.4",
    "PAGE_CACHE_SECONDS": "0",
    "FOLLOW_BATCH_SIZE": "10",
}
SUBSCRIBERS = 60
#: The digests the SMTP server answers before it stalls, holding the next one unanswered.
BEFORE_KILL = 20
FRANCE = {"country": "FR"}
SUBJECT = "CDMX Global: 1 novedad en «Lista de acuerdos (País: Francia)»"

TASKS = DBTaskResult._meta.db_table
EMAILS = Email._meta.db_table
SEND_EMAIL = "background.mail.send_email"
SEND_BATCH = "following.digest.send_digest_batch"


@pytest.fixture
def queued(settings, tmp_path):
    """Tasks go to the database queue, as in production."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def follow(email: str, query: dict, confirmed_at) -> Subscription:
    return Subscription.objects.create(
        email=email, target="list", key="agreements:list", query=query, frequency=Frequency.DAILY,
        confirmed_at=confirmed_at,
    )


def france_changed(now) -> None:
    """One agreement with a French counterpart published ten minutes ago, and a draft that would match."""
    paris = CounterpartFactory(name="París", country="FR", published=True, published_at=now - datetime.timedelta(days=30))
    AgreementFactory(title="Hermanamiento con París", counterparts=[paris], published=True,
                     published_at=now - datetime.timedelta(minutes=10))
    AgreementFactory(title="Borrador con París", counterparts=[paris])


def from_json(value):
    """A JSON column as the raw cursor gives it: text on SQLite, decoded or not on PostgreSQL."""
    return json.loads(value) if isinstance(value, str) else value


def digest_key(subscription_pk: int, run_pk: int) -> str:
    return f"following:{subscription_pk}:digest:{run_pk}"


def test_a_worker_killed_mid_send_leaves_no_one_without_the_digest_and_sends_no_one_two(queued, tmp_path):
    now = timezone.now()
    france_changed(now)
    confirmed = now - datetime.timedelta(hours=1)
    subscribers = [follow(f"persona{number:02d}@example.org", FRANCE, confirmed) for number in range(SUBSCRIBERS)]
    # Those who must get nothing: a request not confirmed, and a list where nothing changed.
    follow("sin-confirmar@example.org", FRANCE, None)
    japan = follow("japon@example.org", {"country": "JP"}, confirmed)
    due = [subscription.pk for subscription in subscribers] + [japan.pk]
    day = timezone.localdate()
    enqueue(send_digests, day.isoformat())
    db = Database(tmp_path)

    with SmtpServer(hold_after=BEFORE_KILL) as smtp:
        with workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [first]:
            # Killed while the server holds the 21st digest: 20 delivered, 40 not.
            wait_for(lambda: smtp.held, "the 21st digest on its way", processes=[first.process])
            first.kill()
        # Each digest the server answered was marked sent; the one it held, not (its transaction died
        # with the worker; the server dropped it with the connection).
        assert len(smtp.messages) == BEFORE_KILL
        assert db.rows(f"SELECT status, count(*) FROM {EMAILS} GROUP BY status ORDER BY status") == [
            ("pending", SUBSCRIBERS - BEFORE_KILL), ("sent", BEFORE_KILL),
        ]
        assert db.rows(f"SELECT task_path, count(*) FROM {TASKS} WHERE status = 'RUNNING' GROUP BY task_path") == [
            (SEND_EMAIL, 1),
        ]
        smtp.mailbox.release()

        with workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [second]:
            wait_for(lambda: db.rows(f"SELECT status, count(*) FROM {TASKS} GROUP BY status") == [
                ("SUCCESSFUL", 1 + 7 + SUBSCRIBERS)
            ], "every task done by the second worker", processes=[second.process])
        messages = smtp.messages

    [run_id] = [pk for (pk,) in db.rows("SELECT id FROM following_digestrun WHERE frequency = 'daily'")]
    pks = [subscription.pk for subscription in subscribers]
    # The 61 confirmed subscriptions in seven batches, the last only Japan's; one task each, run once.
    batch_tasks = db.rows(f"SELECT args_kwargs, worker_ids FROM {TASKS} WHERE task_path = %s", [SEND_BATCH])
    assert sorted(from_json(args)["args"] for args, _ in batch_tasks) == [
        [run_id, due[start], due[min(start + 9, len(due) - 1)]] for start in range(0, len(due), 10)
    ]
    assert [len(from_json(ran_on)) for _args, ran_on in batch_tasks] == [1] * 7

    # One email kept per subscriber, under the run's key, each sent once.
    emails = db.rows(f'SELECT key, "to", message_id, status, attempts FROM {EMAILS} ORDER BY key')
    assert sorted(key for key, *_ in emails) == sorted(digest_key(pk, run_id) for pk in pks)
    assert [(status, attempts) for _key, _to, _id, status, attempts in emails] == [("sent", 1)] * SUBSCRIBERS
    message_id_of = {from_json(to)[0]: message_id for _key, to, message_id, *_ in emails}
    assert sorted(message_id_of) == sorted(subscription.email for subscription in subscribers)

    # Sending tasks: one per email; the one the killed worker held was taken over by the second.
    send_tasks = db.rows(f"SELECT worker_ids FROM {TASKS} WHERE task_path = %s", [SEND_EMAIL])
    assert sorted(len(from_json(ran_on)) for (ran_on,) in send_tasks) == [1] * (SUBSCRIBERS - 1) + [2]
    assert "dejó de dar señales; vuelve a la cola." in second.output

    # Every subscriber got the digest, with the Message-ID of its one email. A kill after the server's
    # answer and before the worker's commit would deliver a second copy with the same Message-ID (the gap
    # background.mail documents; mail programs show it once): so what counts is one distinct Message-ID
    # per recipient, never two different digests.
    for message in messages:
        assert message["Subject"] == SUBJECT
        assert "Hermanamiento con París" in text_of(message) and "Borrador" not in text_of(message)
    assert received_message_ids(messages) == {address: {message_id} for address, message_id in message_id_of.items()}
    # Here the server dropped the message it held at the kill, so not even a same-Message-ID copy.
    assert len(messages) == SUBSCRIBERS


def received_message_ids(messages) -> dict[str, set[str]]:
    received = defaultdict(set)
    for message in messages:
        received[message["To"]].add(message["Message-ID"])
    return dict(received)


@pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")),
    reason="la tarea se detiene a media tanda esperando un bloqueo de fila de la prueba: sólo en PostgreSQL",
)
def test_a_worker_killed_mid_batch_leaves_no_one_without_the_digest_and_sends_no_one_two(queued, tmp_path):
    now = timezone.now()
    france_changed(now)
    subscribers = [
        follow(f"persona{number:02d}@example.org", FRANCE, now - datetime.timedelta(hours=1)) for number in range(30)
    ]
    pks = [subscription.pk for subscription in subscribers]
    day = timezone.localdate()
    # The run made beforehand, so the test knows its key; the worker's run of the day finds it.
    run = start_run(Frequency.DAILY, day, now=now)
    enqueue(send_digests, day.isoformat())
    db = Database(tmp_path)
    other = db.connect()
    try:
        with SmtpServer() as smtp:
            with other.cursor() as cursor, workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [first]:
                # The 16th alert's key taken, not yet committed: the second batch makes its first five
                # alerts, then waits on the 16th; killed there.
                cursor.execute("BEGIN")
                cursor.execute(
                    f'INSERT INTO {EMAILS} (key, "to", subject, body, html, headers, message_id, status, attempts, '
                    "last_error, created_at) VALUES (%s, '[]', '', '', '', '{}', '<bloqueo@prueba>', 'pending', 0, "
                    "'', now())",
                    [digest_key(pks[15], run.pk)],
                )
                waiting = wait_for(lambda: blocked_by(other), "the second batch waiting for the 16th alert",
                                   processes=[first.process])
                first.kill()
                cursor.execute("ROLLBACK")
                wait_for(lambda: not db.rows("SELECT 1 FROM pg_stat_activity WHERE pid = ANY(%s)", [waiting]),
                         "the killed batch's connection gone")

            # The first batch's ten alerts and the second's first five, kept; nothing sent yet.
            assert db.rows(f"SELECT key FROM {EMAILS} ORDER BY id") == [(digest_key(pk, run.pk),) for pk in pks[:15]]
            assert smtp.messages == []

            with workers(db, queued, tmp_path, **WORKER_ENV, **smtp.env()) as [second]:
                wait_for(lambda: db.rows(f"SELECT status, count(*) FROM {TASKS} GROUP BY status") == [
                    ("SUCCESSFUL", 1 + 3 + 30)
                ], "every task done by the second worker", processes=[second.process])
            messages = smtp.messages
    finally:
        other.close()

    # The second batch tried twice, by the killed worker then the second; the others once.
    batch_tasks = db.rows(f"SELECT args_kwargs, worker_ids FROM {TASKS} WHERE task_path = %s", [SEND_BATCH])
    assert sorted((from_json(args)["args"], len(from_json(ran_on))) for args, ran_on in batch_tasks) == [
        ([run.pk, pks[0], pks[9]], 1), ([run.pk, pks[10], pks[19]], 2), ([run.pk, pks[20], pks[29]], 1),
    ]
    assert "dejó de dar señales; vuelve a la cola." in second.output
    emails = db.rows(f'SELECT key, "to", message_id, status, attempts FROM {EMAILS} ORDER BY key')
    assert sorted(key for key, *_ in emails) == sorted(digest_key(pk, run.pk) for pk in pks)
    assert [(status, attempts) for *_, status, attempts in emails] == [("sent", 1)] * 30
    send_tasks = db.rows(f"SELECT worker_ids FROM {TASKS} WHERE task_path = %s", [SEND_EMAIL])
    assert [len(from_json(ran_on)) for (ran_on,) in send_tasks] == [1] * 30
    # Each subscriber received its one digest, once.
    assert len(messages) == 30
    assert all(message["Subject"] == SUBJECT for message in messages)
    assert received_message_ids(messages) == {from_json(to)[0]: {message_id} for _key, to, message_id, *_ in emails}


def test_a_batch_tried_again_makes_no_second_alert(queued):
    now = timezone.now()
    france_changed(now)
    confirmed = now - datetime.timedelta(hours=1)
    subscribers = [follow(f"persona{number}@example.org", FRANCE, confirmed) for number in range(3)]
    run = start_run(Frequency.DAILY, timezone.localdate(), now=now)
    [(first, last)] = batches(run, 10)
    assert (first, last) == (subscribers[0].pk, subscribers[-1].pk)

    # A worker killed after the first two alerts of the batch, then the batch tried again, twice over.
    assert send_batch(run, first, subscribers[1].pk) == 2
    send_digest_batch.call(run.pk, first, last)
    send_digest_batch.call(run.pk, first, last)

    emails = list(Email.objects.order_by("pk"))
    assert [(email.key, email.to, email.subject) for email in emails] == [
        (digest_key(subscription.pk, run.pk), [subscription.email], SUBJECT) for subscription in subscribers
    ]
    # One sending queued per alert, none more.
    assert sorted(
        (task.task_path, task.args_kwargs["args"]) for task in DBTaskResult.objects.filter(task_path=SEND_EMAIL)
    ) == sorted((SEND_EMAIL, [email.pk]) for email in emails)
    assert list(DigestRun.objects.values_list("pk", flat=True)) == [run.pk]
