"""What the queue keeps, kept no longer than it serves: each night a worker
deletes the tasks finished well (``TASK_KEEP_DAYS``), the emails sent and
the scheduled runs past (``EMAIL_KEEP_DAYS``: an email holds addresses).
Failed tasks and emails not sent stay until someone looks at them in the
admin."""

import datetime

from django.conf import settings
from django.tasks.base import TaskResultStatus
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult

from .models import Email, ScheduledRun
from .tasks import background_task


def prune(now: datetime.datetime | None = None) -> dict[str, int]:
    """Delete what is past keeping; returns how many of each."""
    now = now or timezone.now()
    tasks_before = now - datetime.timedelta(days=settings.TASK_KEEP_DAYS)
    emails_before = now - datetime.timedelta(days=settings.EMAIL_KEEP_DAYS)
    return {
        "tasks": DBTaskResult.objects.filter(
            status=TaskResultStatus.SUCCESSFUL, finished_at__lt=tasks_before
        ).delete()[0],
        "emails": Email.objects.filter(status=Email.Status.SENT, sent_at__lt=emails_before).delete()[0],
        "scheduled_runs": ScheduledRun.objects.filter(due_at__lt=emails_before).delete()[0],
    }


@background_task(title=_("Limpiar la cola: tareas terminadas y correos enviados antiguos"), attempts=3)
def prune_queue(day: str) -> dict[str, int]:
    return prune()
