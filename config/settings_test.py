"""The settings the test suite runs with: production's, plus the benchmarks'
synthetic-data generator, whose command the tests exercise (it still refuses
to run without ALLOW_SYNTHETIC_DATA=1)."""

from .settings import *  # noqa: F403
from .settings import INSTALLED_APPS

if "bench.synthetic" not in INSTALLED_APPS:
    INSTALLED_APPS = [*INSTALLED_APPS, "bench.synthetic"]

# Tasks run at once, in the test's own process and transaction (Django's
# immediate backend); the tests of the background work itself start real
# worker processes on the database backend (tests/background/).
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
