"""The portal's background tasks: Django's own task API (``django.tasks``)
on the database backend of django-tasks-db, with what the portal adds on top
of it (docs/operacion.md, «Trabajo en segundo plano»).

A task is declared with ``background_task``: Django's ``@task`` plus a title
people read in the queue's admin and how many times it may be tried. Its
arguments are ids and plain values (they are stored as JSON and read by
another process), and running it twice does no harm: a worker killed in the
middle of it leaves it to be tried again (``background.worker``).

``enqueue`` queues a task. On the database backend the queued row is written
in the caller's transaction, so a task is seen by the workers only once what
it is about has been committed, and never if that is rolled back.
"""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.tasks import task
from django.utils import timezone
from django.utils.module_loading import import_string

#: How many times a task is tried, unless it says otherwise.
DEFAULT_ATTEMPTS = 5


class PermanentError(Exception):
    """A failure another try would not mend (the message says why, in Spanish):
    the task fails at once, without further tries."""


@dataclass(frozen=True)
class Policy:
    #: What the queue's admin calls the task.
    title: str
    #: How many times the task is run before it is failed for good.
    attempts: int = DEFAULT_ATTEMPTS


#: Each task's policy, by the task's module path (what the queue stores).
POLICIES: dict[str, Policy] = {}

UNKNOWN = Policy(title="")


def background_task(*, title, attempts: int = DEFAULT_ATTEMPTS, priority: int = 0, takes_context: bool = False):
    """``django.tasks.task`` with the portal's policy: the title the queue
    shows and the number of tries."""

    def register(function):
        declared = task(priority=priority, takes_context=takes_context)(function)
        POLICIES[declared.module_path] = Policy(title=title, attempts=attempts)
        return declared

    return register


def policy_for(task_path: str) -> Policy:
    """The policy of the task at ``task_path``; its module is imported (which
    declares it) if no one has yet in this process."""
    if task_path not in POLICIES:
        try:
            import_string(task_path)
        except ImportError:
            pass
    return POLICIES.get(task_path, UNKNOWN)


def retry_delay(attempt: int) -> datetime.timedelta:
    """How long a task waits after its ``attempt``-th try failed: doubling from
    ``TASK_RETRY_DELAY_SECONDS``, up to ``TASK_RETRY_MAX_DELAY_SECONDS``."""
    seconds = settings.TASK_RETRY_DELAY_SECONDS * 2 ** max(attempt - 1, 0)
    return datetime.timedelta(seconds=min(seconds, settings.TASK_RETRY_MAX_DELAY_SECONDS))


def enqueue(declared, *args, delay: datetime.timedelta | None = None, **kwargs):
    """Queue ``declared`` with ``args`` and ``kwargs``, to run no sooner than
    ``delay`` from now where the backend can wait (the immediate backend the
    tests use runs it at once)."""
    if delay and declared.get_backend().supports_defer:
        declared = declared.using(run_after=timezone.now() + delay)
    return declared.enqueue(*args, **kwargs)
