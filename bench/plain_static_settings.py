"""The portal's settings, with static files named as they are (no collectstatic manifest).

For the fault runs (tests/test_faults.py, ``bench/load.py --faults``), which
start gunicorn on a fresh checkout: collecting and hashing the static files
takes over a minute on two cores, and what those runs look at is the
database and the processes, not the CSS. Everything else is production's
(``DEBUG=0`` and the rest from the environment, as ``config.settings``
reads it).
"""

from config.settings import *  # noqa: F403
from config.settings import STORAGES

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
