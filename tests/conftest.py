"""Fixtures shared by the test modules, and the test database kept as
migrations leave it between them (``tests.support.snapshots``)."""

import copy
from pathlib import Path

import pytest
from django.db import transaction
from django.tasks.base import TaskResultStatus
from django.tasks.signals import task_finished
from pytest_django.plugin import blocking_manager_key

from sourcebook.loader import load_book
from tests.support import snapshots

# Reports in every status, built once per session and written back in each module that asks.
from tests.support.report_fixtures import kept_report_set, media_root, report_set  # noqa: F401
# Redis: the shared one under a prefix of the test's own, or one the test may stop.
from tests.support.redis_servers import own_redis, redis_caches  # noqa: F401


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """The test database, and the rows its migrations left, kept to be put back
    after a test that commits (see ``pytest_runtest_teardown``)."""
    with django_db_blocker.unblock():
        snapshots.keep_baseline()


def commits(item: pytest.Item) -> bool:
    """Whether the test commits, so that pytest-django empties every table after it."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return True
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a test that commits, the flush has taken the rows migrations
    left (indicators, roles, the content generation) and made content types
    and permissions again under new ids: the baseline goes back, so that no
    test depends on which tests ran before it."""
    try:
        return (yield)
    finally:
        # After the session's last test the test database is already gone, and nothing needs it.
        if nextitem is not None and commits(item) and snapshots.baseline_kept():
            with item.config.stash[blocking_manager_key].unblock(), transaction.atomic():
                snapshots.restore_baseline()


@pytest.fixture(scope="session")
def kept_book():
    """The book's records, loaded once per session (per xdist worker) and
    written back from memory wherever a module asks for them."""
    return snapshots.Kept(load_book)


@pytest.fixture(scope="module")
def book(django_db_setup, django_db_blocker, kept_book):
    """The book's records for the module, inside a transaction rolled back at
    its end; each test runs in its own savepoint on top. Over anything but the
    migrations' rows (another module fixture came first), the book is loaded."""
    with django_db_blocker.unblock(), transaction.atomic():
        kept = kept_book.write()
        summary = copy.deepcopy(kept.result) if kept else load_book()
        yield summary
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def tasks_succeed(request):
    """Tasks run at once in tests (Django's immediate backend), which records
    a task's failure instead of raising it: a test fails when one of its
    tasks did, unless it is marked ``tasks_may_fail``."""
    failed = []

    def finished(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failed.append(task_result)

    task_finished.connect(finished, dispatch_uid="tests-tasks-succeed")
    try:
        yield failed
    finally:
        task_finished.disconnect(dispatch_uid="tests-tasks-succeed")
    if failed and not request.node.get_closest_marker("tasks_may_fail"):
        details = "\n".join(f"{result.task.module_path}: {result.errors[-1].traceback}" for result in failed)
        pytest.fail(f"Falló una tarea en segundo plano:\n{details}")


@pytest.fixture(autouse=True)
def unthrottled(settings):
    """No request limit, so a test may call the API as often as it needs;
    the throttling tests set their own rates."""
    settings.API_THROTTLE_RATES = {"anon": None, "downloads": None}


#: Files that take longest (their own servers, reports over the whole book):
#: handed to the xdist workers first, so that they do not finish the run alone.
SLOWEST_FIRST = (
    "bench/test_faults.py",
    "browser/test_reports.py",
    "config/test_security.py",
    "sourcebook/test_load_book.py",
    "cdmx_global/test_admin.py",
    "opendata/test_api.py",
    "opendata/test_downloads.py",
    "golden/test_golden_outputs.py",
)


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """The slowest files first; otherwise the order pytest-django gives."""
    here = Path(__file__).parent

    def rank(item: pytest.Item) -> int:
        path = item.path.relative_to(here).as_posix() if item.path.is_relative_to(here) else ""
        return SLOWEST_FIRST.index(path) if path in SLOWEST_FIRST else len(SLOWEST_FIRST)

    items.sort(key=rank)
