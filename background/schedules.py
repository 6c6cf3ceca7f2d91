"""Work that runs on a schedule the project itself provides (``TASK_SCHEDULES``):
every worker looks for runs that are due as it beats, and the first to
write a run's row queues it; no cron to set up.

A schedule runs daily at a local time. A worker that starts after the time
(the portal was down at 07:00) queues that day's run at once; days missed
entirely are not made up, the next run covers them (a digest says what is
due, whatever day it is sent).
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import ScheduledRun
from .tasks import enqueue

logger = logging.getLogger("background")


@dataclass(frozen=True)
class Schedule:
    name: str
    #: The task's module path; it is called with ``day``, the local date of the run (AAAA-MM-DD).
    task: str
    #: The local time of day it runs at.
    at: datetime.time

    def latest_due(self, now: datetime.datetime) -> datetime.datetime:
        """The latest time at or before ``now`` the schedule was due."""
        local = timezone.localtime(now)
        due = timezone.make_aware(datetime.datetime.combine(local.date(), self.at))
        return due if due <= local else due - datetime.timedelta(days=1)


def schedules() -> list[Schedule]:
    return [
        Schedule(name=name, task=entry["task"], at=datetime.time.fromisoformat(entry["at"]))
        for name, entry in settings.TASK_SCHEDULES.items()
    ]


def enqueue_due(now: datetime.datetime | None = None) -> list[ScheduledRun]:
    """Queue each schedule's latest due run not queued yet; returns the runs queued here."""
    now = now or timezone.now()
    queued = []
    for schedule in schedules():
        due = schedule.latest_due(now)
        if ScheduledRun.objects.filter(schedule=schedule.name, due_at=due).exists():
            continue
        try:
            with transaction.atomic():
                run = ScheduledRun.objects.create(schedule=schedule.name, due_at=due)
                result = enqueue(import_string(schedule.task), day=timezone.localtime(due).date().isoformat())
                run.task_id = str(result.id)
                run.save(update_fields=["task_id"])
        except IntegrityError:
            continue  # another worker queued it first
        logger.info("Programa «%s» de %s en cola (tarea %s).", schedule.name, timezone.localtime(due), run.task_id)
        queued.append(run)
    return queued
