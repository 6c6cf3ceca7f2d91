"""The digest benchmark (``bench/digest.py``) runs, at a tiny size: the book
and one synthetic copy, 50 subscriptions drawn as at 10,000, a day of changes;
one daily run measured with 25 and with 50 subscriptions served, and the
verdict on the queries per subscription said for both."""

import datetime

import pytest
from django.utils import timezone

from bench.digest import Measurement, discard_run, inline_tasks, measure_run, table, verdicts
from bench.digest_data import add_subscriptions, make_changes, open_window, serve_only
from bench.synthetic.generator import generate
from following.digest import WEEKLY_WEEKDAY
from following.models import DigestRun, Subscription

pytestmark = pytest.mark.django_db


def test_one_daily_run_is_measured_and_the_queries_per_subscription_judged(book):
    # The book has no drafts to publish: one synthetic copy has every status.
    generate(scale=2)
    confirmed_at = timezone.now() - datetime.timedelta(days=2)
    assert add_subscriptions(50, confirmed_at) == 50
    assert add_subscriptions(50, confirmed_at) == 0  # the same subscriptions, made once
    first = Subscription.objects.order_by("pk").first()
    assert first.email == "sintetico-00001@example.invalid" and first.frequency == "daily"
    assert Subscription.objects.filter(email__endswith="@example.invalid").count() == 50

    open_window(timezone.now())
    changes = make_changes(published=6, edited=4, withdrawn=2)
    assert changes == {"publicados": 6, "editados": 4, "retirados": 2}
    now = timezone.now()
    # The weekly digests' day, the harder one: the daily run alone is measured there too.
    day = now.date() + datetime.timedelta(days=(WEEKLY_WEEKDAY - now.weekday()) % 7)

    measured = []
    with inline_tasks():
        for count in (25, 50):
            assert serve_only(count, confirmed_at) == count
            measured.append(measure_run(day, now))
            assert list(DigestRun.objects.filter(day=day).values_list("frequency", flat=True)) == ["daily"]
            discard_run(day)
    small, large = measured
    assert [small.subscriptions, large.subscriptions] == [25, 50]
    assert 0 < small.emails <= 25 and small.emails <= large.emails <= 50
    assert small.seconds > 0 and small.outbox_bytes > 0 and small.queries > 0

    checks = verdicts([(2, small), (2, large)])
    assert checks == [(
        abs(large.per_subscription - small.per_subscription) <= 0.1 * small.per_subscription,
        f"a 2×, de 25 a 50 suscripciones: {small.per_subscription:.2f} → {large.per_subscription:.2f} "
        "consultas por suscripción",
    )]
    assert f"| 2× | 3,000 | 6 publicados, 4 editados, 2 retirados | 50 | {large.emails} | {large.seconds:.1f} s (" in table(
        [(2, 3000, changes, large)]
    )


def test_queries_that_grow_with_the_subscriptions_or_the_data_are_not_constant():
    def run(subscriptions, queries):
        return Measurement(subscriptions=subscriptions, emails=0, seconds=1.0, queries=queries)

    assert verdicts([(10, run(1000, 6000)), (10, run(10000, 63000)), (100, run(1000, 9000)), (100, run(10000, 90000))]) == [
        (True, "a 10×, de 1,000 a 10,000 suscripciones: 6.00 → 6.30 consultas por suscripción"),
        (True, "a 100×, de 1,000 a 10,000 suscripciones: 9.00 → 9.00 consultas por suscripción"),
        (False, "con 1,000 suscripciones, de 10× a 100×: 6.00 → 9.00 consultas por suscripción"),
        (False, "con 10,000 suscripciones, de 10× a 100×: 6.30 → 9.00 consultas por suscripción"),
    ]
