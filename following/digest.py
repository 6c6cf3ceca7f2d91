"""The digests: each day the daily ones, each Monday the weekly ones too
(schedule «seguimiento», ``FOLLOW_DIGEST_TIME``).

A run reads the window's changes once and serves the subscriptions in
batches of ``FOLLOW_BATCH_SIZE``, each a task of its own: a batch that fails
is tried again alone. Every alert is kept under the run's and the
subscription's key (``emails.queue_digest``), so a batch tried again, or
taken over from a worker killed in the middle of it, makes no alert twice
and skips none; the outbox's sending is idempotent too (``background.mail``).
An alert is made only where something matched.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from background.tasks import background_task, enqueue

from . import changes as window_changes
from .emails import queue_digest, subscription_target
from .models import DigestRun, Frequency, Subscription
from .services import prune_unconfirmed

PERIODS = {Frequency.DAILY: datetime.timedelta(days=1), Frequency.WEEKLY: datetime.timedelta(days=7)}
#: The weekly digests go out on Mondays.
WEEKLY_WEEKDAY = 0


def frequencies_due(day: datetime.date) -> list[str]:
    return [Frequency.DAILY] + ([Frequency.WEEKLY] if day.weekday() == WEEKLY_WEEKDAY else [])


def start_run(frequency: str, day: datetime.date, now: datetime.datetime | None = None) -> DigestRun:
    """The run of ``frequency`` for ``day``: made once, starting where the
    previous one ended (or one period back, for the first)."""
    existing = DigestRun.objects.filter(frequency=frequency, day=day).first()
    if existing is not None:
        return existing
    now = now or timezone.now()
    previous = DigestRun.objects.filter(frequency=frequency, ends_at__lte=now).order_by("-ends_at").first()
    starts_at = previous.ends_at if previous else now - PERIODS[frequency]
    try:
        with transaction.atomic():
            return DigestRun.objects.create(frequency=frequency, day=day, starts_at=starts_at, ends_at=now)
    except IntegrityError:  # another worker made it first
        return DigestRun.objects.get(frequency=frequency, day=day)


def due_subscriptions(run: DigestRun):
    return Subscription.objects.filter(frequency=run.frequency, confirmed_at__lte=run.ends_at).order_by("pk")


def batches(run: DigestRun, size: int) -> list[tuple[int, int]]:
    """The runs' subscriptions cut in ranges of primary keys of ``size`` each."""
    pks = list(due_subscriptions(run).values_list("pk", flat=True))
    return [(chunk[0], chunk[-1]) for chunk in (pks[i : i + size] for i in range(0, len(pks), size))]


def send_batch(run: DigestRun, first: int, last: int, window=None) -> int:
    """Make the alerts of the run's subscriptions ``first``–``last``; returns how many."""
    with translation.override(settings.LANGUAGE_CODE):
        window = window or window_changes.collect(run.starts_at, run.ends_at)
    if window.is_empty:
        return 0
    made = 0
    matches: dict[tuple, list] = {}
    shared: dict = {}
    for subscription in due_subscriptions(run).filter(pk__gte=first, pk__lte=last).iterator(chunk_size=500):
        target = subscription_target(subscription)
        if target.identity not in matches:
            try:
                with translation.override(settings.LANGUAGE_CODE):
                    matches[target.identity] = window.matching(target)
            except ValidationError:  # the followed record is no longer public: nothing to say of it
                matches[target.identity] = []
        since = max(run.starts_at, subscription.confirmed_at)
        found = [change for change in matches[target.identity] if change.at > since]
        if found:
            queue_digest(subscription, run, found, shared)
            made += 1
    return made


def run_digests(day: datetime.date, now: datetime.datetime | None = None) -> list[DigestRun]:
    """Start the day's runs and queue their batches; returns the runs."""
    return [queue_run(frequency, day, now) for frequency in frequencies_due(day)]


def queue_run(frequency: str, day: datetime.date, now: datetime.datetime | None = None) -> DigestRun:
    """Start the run of ``frequency`` for ``day`` and queue its batches."""
    run = start_run(frequency, day, now)
    for first, last in batches(run, settings.FOLLOW_BATCH_SIZE):
        enqueue(send_digest_batch, run.pk, first, last)
    return run


@background_task(title=_("Enviar los resúmenes de seguimiento de un grupo de suscripciones"), attempts=5)
def send_digest_batch(run_id: int, first: int, last: int) -> int:
    run = DigestRun.objects.filter(pk=run_id).first()
    return send_batch(run, first, last) if run else 0


@background_task(title=_("Seguimiento por correo: resúmenes del día y limpieza de solicitudes caducadas"), attempts=3)
def send_digests(day: str) -> dict:
    pruned = prune_unconfirmed()
    runs = run_digests(datetime.date.fromisoformat(day))
    return {"pruned": pruned, "runs": [run.pk for run in runs]}


