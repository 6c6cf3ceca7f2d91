"""What the benchmarks share: their own PostgreSQL database, Django set up on
it, and the data grown to a scale of the book.

A benchmark never touches the portal's database: it drops and creates its
own (``BENCH_DATABASE_URL``, or the default name it passes), loads the book
and adds synthetic records with ``generate_synthetic`` (scale N = the book's
records plus N − 1 times as many synthetic ones, marked as such).
"""

import io
import os
import socket
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 2018


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def child_pids(pid: int) -> list[int]:
    """The processes ``pid`` started and that still run (Linux's /proc)."""
    pids = []
    for children in Path(f"/proc/{pid}/task").glob("*/children"):
        try:
            pids += [int(child) for child in children.read_text().split()]
        except OSError:
            continue
    return sorted(pids)


def database_url(default_name: str) -> str:
    return os.environ.get("BENCH_DATABASE_URL", f"postgres://postgres@127.0.0.1:5432/{default_name}")


def database_name(url: str) -> str:
    return urlsplit(url).path.lstrip("/")


def _admin_connection(url: str):
    import psycopg2

    admin = psycopg2.connect(urlunsplit(urlsplit(url)._replace(path="/postgres")))
    admin.autocommit = True
    return admin


def drop_database(url: str) -> None:
    admin = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database_name(url)}" WITH (FORCE)')
    admin.close()


def recreate_database(url: str) -> None:
    drop_database(url)
    admin = _admin_connection(url)
    with admin.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{database_name(url)}"')
    admin.close()


def setup_django(url: str) -> None:
    """Django on the benchmark's database, as production runs it (no debug),
    with the per-address limits lifted: one process makes every request."""
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ["DEBUG"] = "0"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    os.environ["API_RATE"] = "1000000/minute"
    os.environ["DOWNLOAD_RATE"] = "1000000/minute"
    os.environ["ALLOW_SYNTHETIC_DATA"] = "1"

    import django

    django.setup()
    from django.conf import settings

    # The portal's addresses plus the served floor's (bench/floor_urls.py).
    settings.ROOT_URLCONF = "bench.floor_urls"
    from django.core.management import call_command

    # The pages name their static files through the manifest, as in production.
    call_command("collectstatic", interactive=False, verbosity=0)


def load_base() -> None:
    """The schema and the book's records (scale 1)."""
    from django.core.management import call_command

    from sourcebook.loader import load_book

    call_command("migrate", verbosity=0)
    load_book()


def grow_to(scale: int) -> float:
    """Adds synthetic records up to ``scale`` times the book; returns the seconds it took."""
    from django.core.management import call_command
    from django.db import connection

    start = time.perf_counter()
    if scale > 1:
        call_command("generate_synthetic", scale=scale, seed=SEED, stdout=io.StringIO())
    elapsed = time.perf_counter() - start
    with connection.cursor() as cursor:
        # Vacuumed as autovacuum keeps a live database: the index-only scans
        # (the facets' indexes) then read no table pages.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return elapsed


def published_record_count() -> int:
    from agreements.models import Action, Agreement
    from cdmx_global.models import Counterpart
    from events.models import Award, Event, Visit
    from networks.models import HostedOffice, Membership, Network, Position

    models = (Agreement, Action, Counterpart, Network, Membership, Position, HostedOffice, Event, Visit, Award)
    return sum(model.objects.published().count() for model in models)


def percentile(samples: list[float], fraction: float) -> float:
    """The ``fraction`` quantile (0–1) of ``samples``, by the nearest-rank method."""
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def median(samples: list[float]) -> float:
    return statistics.median(samples)


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f}"
