"""The worker process (``manage.py run_worker``): django-tasks-db's worker,
which claims one task at a time with a row lock that skips locked rows (two
workers never run the same task), plus what the portal needs of it:

- **Retries.** A task that raises is queued again, after a delay that doubles
  (``background.tasks.retry_delay``), until it has been tried as many times
  as its policy allows; then it fails for good and shows so in the queue's
  admin. ``PermanentError`` fails it at once.
- **Workers that die.** Each worker beats (``WorkerHeartbeat``) every
  ``TASK_HEARTBEAT_SECONDS`` from a thread of its own. A task still marked as
  running on a worker silent for ``TASK_WORKER_TIMEOUT_SECONDS`` (killed,
  its machine gone) is queued again by the next worker that beats, or failed
  for good when it has had all its tries. Tasks are idempotent, so running
  one again is safe; what a killed task wrote without committing is rolled
  back by the database.
- **Schedules.** As it beats, a worker queues the runs that are due
  (``background.schedules``).
"""

import datetime
import logging
import os
import socket
import threading
from traceback import format_exception

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.db import close_old_connections, connection, transaction
from django.tasks import TaskContext
from django.tasks.base import TaskResultStatus
from django.tasks.signals import task_enqueued, task_finished, task_started
from django.utils import timezone
from django.utils.crypto import get_random_string
from django_tasks_db.management.commands.db_worker import Worker as DatabaseWorker
from django_tasks_db.models import DBTaskResult, get_date_max
from django_tasks_db.utils import exclusive_transaction

from . import schedules
from .models import WorkerHeartbeat
from .tasks import PermanentError, policy_for, retry_delay

logger = logging.getLogger("background")

#: What a task's error reads when its worker stopped beating.
WORKER_LOST = "background.worker.WorkerLost"


def new_worker_id() -> str:
    return f"{socket.gethostname()[:40]}:{os.getpid()}:{get_random_string(6)}"


def _error_fields(error: BaseException) -> dict:
    kind = type(error)
    return {
        "exception_class_path": f"{kind.__module__}.{kind.__qualname__}",
        "traceback": "".join(format_exception(error)),
    }


def _requeue(result_id, delay, **error) -> None:
    DBTaskResult.objects.filter(pk=result_id, status=TaskResultStatus.RUNNING).update(
        status=TaskResultStatus.READY, run_after=timezone.now() + delay, **error
    )


def _announce_failure(result_id) -> None:
    """``task_finished`` for a task failed for good, so that what waits on it (a
    report build) says so."""
    result = DBTaskResult.objects.get(pk=result_id)
    try:
        sender = type(result.task.get_backend())
        task_result = result.task_result
    except (ImportError, SuspiciousOperation):
        return
    task_finished.send(sender=sender, task_result=task_result)


def recover_stalled(now=None) -> list[str]:
    """Queue again, or fail for good, the tasks running on workers that stopped
    beating; returns their ids."""
    now = now or timezone.now()
    silent_since = now - datetime.timedelta(seconds=settings.TASK_WORKER_TIMEOUT_SECONDS)
    alive = set(WorkerHeartbeat.objects.filter(last_seen__gte=silent_since).values_list("worker_id", flat=True))
    recovered, failed = [], []
    with exclusive_transaction():
        stalled = DBTaskResult.objects.running().filter(started_at__lt=silent_since).select_for_update(skip_locked=True)
        for result in stalled:
            worker = result.worker_ids[-1] if result.worker_ids else ""
            if worker in alive:
                continue
            attempt = len(result.worker_ids)
            policy = policy_for(result.task_path)
            error = {
                "exception_class_path": WORKER_LOST,
                "traceback": (
                    f"El trabajador {worker} dejó de dar señales mientras ejecutaba la tarea "
                    f"(intento {attempt} de {policy.attempts})."
                ),
            }
            if attempt < policy.attempts:
                _requeue(result.pk, datetime.timedelta(0), **error)
                logger.warning("Tarea %s (%s): su trabajador %s dejó de dar señales; vuelve a la cola.",
                               result.pk, result.task_path, worker)
            else:
                DBTaskResult.objects.filter(pk=result.pk).update(
                    status=TaskResultStatus.FAILED, finished_at=now, return_value=None, **error
                )
                failed.append(result.pk)
                logger.error("Tarea %s (%s): su trabajador %s dejó de dar señales y ya no quedan intentos.",
                             result.pk, result.task_path, worker)
            recovered.append(str(result.pk))
    for result_id in failed:
        _announce_failure(result_id)
    # Workers long gone leave no row behind.
    WorkerHeartbeat.objects.filter(last_seen__lt=now - datetime.timedelta(days=1)).delete()
    return recovered


def retry_failed(ids) -> int:
    """Queue the failed tasks ``ids`` again with all their tries ahead; returns how many."""
    with transaction.atomic():
        failed = list(DBTaskResult.objects.select_for_update().filter(pk__in=ids, status=TaskResultStatus.FAILED))
        for result in failed:
            result.status = TaskResultStatus.READY
            result.run_after = get_date_max()
            result.worker_ids = []
            result.started_at = result.finished_at = None
            result.save(update_fields=["status", "run_after", "worker_ids", "started_at", "finished_at"])
            sender = type(result.task.get_backend())
            task_result = result.task_result
            transaction.on_commit(lambda s=sender, r=task_result: task_enqueued.send(sender=s, task_result=r))
    return len(failed)


class Heartbeat(threading.Thread):
    """Beats for its worker, recovers the tasks of workers that stopped, and
    queues the schedules' due runs, every ``TASK_HEARTBEAT_SECONDS``."""

    def __init__(self, worker_id: str, *, schedules: bool = True):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.schedules = schedules
        self.stopping = threading.Event()

    def beat(self) -> None:
        now = timezone.now()
        WorkerHeartbeat.objects.update_or_create(
            worker_id=self.worker_id,
            defaults={"last_seen": now},
            create_defaults={
                "hostname": socket.gethostname()[:255], "pid": os.getpid(), "started_at": now, "last_seen": now,
            },
        )

    def run(self) -> None:
        try:
            while not self.stopping.is_set():
                try:
                    close_old_connections()
                    self.beat()
                    recover_stalled()
                    if self.schedules:
                        schedules.enqueue_due()
                except Exception:  # the database away for a moment: try again at the next beat
                    logger.exception("El latido del trabajador %s falló; se reintenta.", self.worker_id)
                self.stopping.wait(settings.TASK_HEARTBEAT_SECONDS)
        finally:
            connection.close()

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=settings.TASK_HEARTBEAT_SECONDS + 5)
        WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()


class Worker(DatabaseWorker):
    def __init__(self, *, schedules: bool = True, **options):
        super().__init__(**options)
        self.schedules = schedules

    def run(self) -> None:
        heartbeat = Heartbeat(self.worker_id, schedules=self.schedules)
        # The first beat before the first claim: a task is never running on a worker without a heartbeat.
        heartbeat.beat()
        heartbeat.start()
        logger.info("Trabajador %s en marcha.", self.worker_id)
        try:
            super().run()
        finally:
            heartbeat.stop()
            logger.info("Trabajador %s detenido.", self.worker_id)

    def run_task(self, db_task_result: DBTaskResult) -> None:
        """Run the task; on failure queue it again or fail it for good (see the module)."""
        self.running_task = True
        try:
            self._run(db_task_result)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _run(self, result: DBTaskResult) -> None:
        try:
            task = result.task
            task_result = result.task_result
            sender = type(task.get_backend())
        except (ImportError, SuspiciousOperation) as error:
            result.set_failed(error)
            logger.error("Tarea %s: no existe la tarea %s.", result.pk, result.task_path)
            return
        policy = policy_for(result.task_path)
        attempt = len(result.worker_ids)
        task_started.send(sender=sender, task_result=task_result)
        try:
            if task.takes_context:
                value = task.call(TaskContext(task_result=task_result), *task_result.args, **task_result.kwargs)
            else:
                value = task.call(*task_result.args, **task_result.kwargs)
        except (KeyboardInterrupt, SystemExit) as stop:
            # Stopped by force: back to the queue, for this or another worker to run again.
            _requeue(result.pk, datetime.timedelta(0), **_error_fields(stop))
            raise
        except Exception as error:
            if not isinstance(error, PermanentError) and attempt < policy.attempts:
                delay = retry_delay(attempt)
                _requeue(result.pk, delay, **_error_fields(error))
                logger.warning(
                    "Tarea %s (%s) falló en el intento %d de %d (%s: %s); se reintenta en %d s.",
                    result.pk, result.task_path, attempt, policy.attempts, type(error).__name__, error,
                    delay.total_seconds(),
                )
                return
            result.set_failed(error)
            logger.error("Tarea %s (%s) falló para siempre en el intento %d (%s: %s).",
                         result.pk, result.task_path, attempt, type(error).__name__, error)
        else:
            try:
                result.set_successful(value)
            except Exception as error:  # a return value JSON can't hold
                result.set_failed(error)
            else:
                logger.info("Tarea %s (%s) terminada.", result.pk, result.task_path)
        task_finished.send(sender=sender, task_result=result.task_result)
