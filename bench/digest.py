"""Benchmark: one daily run of the following-by-email digests (issue 22), at
10× and 100× the book's data, with 1,000 and 10,000 confirmed subscriptions.

    .venv/bin/python bench/digest.py                                   # 10× and 100×; 1,000 and 10,000
    .venv/bin/python bench/digest.py --scales 10 --subscriptions 1000  # quicker
    BENCH_DATABASE_URL=postgres://… .venv/bin/python bench/digest.py

It uses its own PostgreSQL database (``cdmx_bench_digest`` by default), which
it drops and creates: the schema, the book's records, then synthetic records
up to each scale with ``generate_synthetic``. Everything it adds is
synthetic and exists only here:

- **Subscriptions** (``--subscriptions``, the largest made once): daily,
  confirmed, one per address ``sintetico-00001@example.invalid`` (a domain
  that cannot exist), four in five in Spanish. What they follow is drawn from
  the data, popular things more often: every followable list, unfiltered or
  with one or two filters whose values are the list's own facets (countries,
  themes, kinds, years… that have records); searches with words of the
  book's titles; agreements, counterparts, countries, networks; the reports.
- **A day of changes**, in a window that opens once the data is in place:
  synthetic drafts published (``--published``), published synthetic records
  edited in what the public sees (``--edited``: an agreement's validity, a
  description; simple_history keeps what they were) and some withdrawn
  (``--withdrawn``), through the publication services. No report or
  evaluation is published in the window.

For each scale and each number of subscriptions (the first N by key confirmed,
the others not), it times ONE daily run over the same window:
``following.digest.queue_run`` (the daily one only) in a fresh process
(``bench/digest.py --child``), with ``TASKS`` set to Django's ``ImmediateBackend`` and the
email backend to ``locmem`` in that process: the batches run inline one after
another, each alert is made, kept in the outbox (``background.Email``) and
handed to the locmem backend. It measures making the digests and the outbox
rows, not an SMTP server. Peak memory is the child's peak resident set
(``VmHWM`` in /proc/self/status) minus its resident set just before the run (after Django, the
imports and a warm-up); the locmem outbox, which keeps every message it is
given, is part of it. Queries are counted with a wrapper on the connection
(as ``CaptureQueriesContext`` counts them, without keeping their SQL) and
divided by the subscriptions served.

The verdict: ✓ when the queries per subscription stay the same (within
±10 %) from 1,000 to 10,000 subscriptions and from 10× to 100×.
"""

import argparse
import datetime
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import common  # noqa: E402

DEFAULT_NAME = "cdmx_bench_digest"
#: Queries per subscription are «the same» within this fraction.
TOLERANCE = 0.10
from bench.digest_data import (  # noqa: E402
    add_subscriptions, make_changes, open_window, serve_only, targets_followed,
)


# --- One run, measured -----------------------------------------------------------


@dataclass
class Measurement:
    subscriptions: int
    emails: int
    seconds: float
    queries: int
    #: The child's peak RSS over its RSS before the run, in bytes (None in process).
    peak_memory: int | None = None
    peak_rss: int | None = None
    outbox_bytes: int = 0
    #: Of ``seconds``, waiting for the database.
    database_seconds: float = 0.0
    #: The queries that took longest altogether, by shape: (shape, how many, seconds).
    shapes: list = field(default_factory=list)

    @property
    def per_subscription(self) -> float:
        return self.queries / max(self.subscriptions, 1)


def _shape(sql: str) -> str:
    sql = re.sub(r"'[^']*'|\b\d+\b", "?", sql)
    return re.sub(r"\(\?(, \?)+\)", "(…)", sql)[:160]


def measure_run(day: datetime.date, now: datetime.datetime) -> Measurement:
    """ONE daily run of ``day`` ending ``now`` (only the daily one, even on
    the weekly digests' day): ``queue_run`` with the tasks run inline and the
    locmem email backend (the caller's settings must say so:
    ``inline_tasks``); its time, its queries, the alerts it made."""
    from django.core import mail
    from django.db import connection
    from django.tasks.base import TaskResultStatus
    from django.tasks.signals import task_finished

    from background.models import Email
    from following.digest import due_subscriptions, queue_run
    from following.models import Frequency

    failed = []

    def finished(sender, task_result, **kwargs):
        if task_result.status == TaskResultStatus.FAILED:
            failed.append(task_result)

    shapes: Counter = Counter()
    spent: Counter = Counter()

    def counting(execute, sql, params, many, context):
        shape = _shape(sql)
        shapes[shape] += 1
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            spent[shape] += time.perf_counter() - start

    mail.outbox = []
    task_finished.connect(finished)
    try:
        with connection.execute_wrapper(counting):
            start = time.perf_counter()
            run = queue_run(Frequency.DAILY, day, now=now)
            seconds = time.perf_counter() - start
    finally:
        task_finished.disconnect(finished)
    if failed:
        raise RuntimeError(f"{len(failed)} tareas fallaron:\n{failed[0].errors[-1].traceback}")
    served = due_subscriptions(run).count()
    emails = Email.objects.filter(key__endswith=f":digest:{run.pk}").count()
    if len(mail.outbox) != emails:
        raise RuntimeError(f"{len(mail.outbox)} mensajes entregados para {emails} correos en la bandeja")
    outbox = sum(len(message.message().as_bytes()) for message in mail.outbox)
    mail.outbox = []
    slowest = [(shape, shapes[shape], round(seconds, 2)) for shape, seconds in spent.most_common(12)]
    return Measurement(served, emails, seconds, sum(shapes.values()), outbox_bytes=outbox,
                       database_seconds=sum(spent.values()), shapes=slowest)


def inline_tasks():
    """Tasks run at once, in the process (the email backend is locmem
    already: ``EMAIL_BACKEND`` in the child's environment, or the tests')."""
    from django.test.utils import override_settings

    return override_settings(TASKS={"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}})


def _status(name: str) -> int:
    """A size from /proc/self/status, in bytes: ``VmRSS`` (resident now), ``VmHWM`` (its peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(f"{name}:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError(f"/proc/self/status no dice {name}")


def _warm_up() -> None:
    """What a worker that has run before already holds: the templates, the lists' views."""
    from django.template.loader import get_template

    from following.targets import FOLLOWABLE_LISTS, list_filterset

    for part in ("digest_subject.txt", "digest.txt", "digest.html"):
        get_template(f"following/email/{part}")
    for name in FOLLOWABLE_LISTS:
        list_filterset(name, {}).is_valid()


def child(day: str, now: str) -> None:
    """Run in a fresh process (``--child``): prints the measurement as JSON."""
    import django

    os.environ["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    django.setup()
    with inline_tasks():
        _warm_up()
        before = _status("VmRSS")
        measurement = measure_run(datetime.date.fromisoformat(day), datetime.datetime.fromisoformat(now))
        # Not ru_maxrss: on Linux a child's starts from its parent's at the
        # fork, and the parent holds the data it generated.
        peak = _status("VmHWM")
    measurement.peak_rss = peak
    measurement.peak_memory = max(peak - before, 0)
    print(json.dumps(asdict(measurement)))


def measure_in_child(day: datetime.date, now: datetime.datetime) -> Measurement:
    done = subprocess.run(
        [sys.executable, __file__, "--child", day.isoformat(), now.isoformat()],
        env=os.environ.copy(), capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"La medición falló:\n{done.stderr}")
    return Measurement(**json.loads(done.stdout.strip().splitlines()[-1]))


def discard_run(day: datetime.date) -> None:
    """Forget the measured run and its alerts: the next measurement runs the same window again."""
    from background.models import Email
    from following.models import DigestRun, Frequency

    run = DigestRun.objects.get(frequency=Frequency.DAILY, day=day)
    Email.objects.filter(key__endswith=f":digest:{run.pk}").delete()
    run.delete()


# --- The verdict and the table ---------------------------------------------------


def verdicts(rows: list[tuple[int, Measurement]]) -> list[tuple[bool, str]]:
    """Queries per subscription the same (±TOLERANCE) between each pair of
    sizes: subscriptions at each scale, scales at each number of subscriptions."""
    checks = []

    def same(a: Measurement, b: Measurement) -> bool:
        return abs(b.per_subscription - a.per_subscription) <= TOLERANCE * a.per_subscription

    scales = sorted({scale for scale, _m in rows})
    sizes = sorted({m.subscriptions for _s, m in rows})
    by = {(scale, m.subscriptions): m for scale, m in rows}
    for scale in scales:
        for small, large in zip(sizes, sizes[1:]):
            if (scale, small) in by and (scale, large) in by:
                a, b = by[scale, small], by[scale, large]
                checks.append((same(a, b), (
                    f"a {scale}×, de {small:,} a {large:,} suscripciones: "
                    f"{a.per_subscription:.2f} → {b.per_subscription:.2f} consultas por suscripción"
                )))
    for size in sizes:
        for small, large in zip(scales, scales[1:]):
            if (small, size) in by and (large, size) in by:
                a, b = by[small, size], by[large, size]
                checks.append((same(a, b), (
                    f"con {size:,} suscripciones, de {small}× a {large}×: "
                    f"{a.per_subscription:.2f} → {b.per_subscription:.2f} consultas por suscripción"
                )))
    return checks


def _mb(size: int | None) -> str:
    return "—" if size is None else f"{size / 2**20:.0f} MB"


def table(rows: list[tuple[int, int, dict, Measurement]]) -> str:
    lines = [
        "| escala | registros publicados | cambios en la ventana | suscripciones | correos | tiempo (en la base) | "
        "pico de memoria (RSS) | consultas | consultas por suscripción |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for scale, records, changes, m in rows:
        changed = ", ".join(f"{n} {what}" for what, n in changes.items())
        lines.append(
            f"| {scale}× | {records:,} | {changed} | {m.subscriptions:,} | {m.emails:,} | "
            f"{m.seconds:.1f} s ({m.database_seconds:.1f} s) | "
            f"+{_mb(m.peak_memory)} (total {_mb(m.peak_rss)}) | {m.queries:,} | {m.per_subscription:.2f} |"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=int, nargs="+", default=[10, 100])
    parser.add_argument("--subscriptions", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--published", type=int, default=60, help="borradores sintéticos publicados en la ventana")
    parser.add_argument("--edited", type=int, default=30, help="registros sintéticos publicados editados en la ventana")
    parser.add_argument("--withdrawn", type=int, default=6, help="registros sintéticos retirados en la ventana")
    parser.add_argument("--json", type=Path, help="guarda los resultados en este archivo")
    parser.add_argument("--child", nargs=2, metavar=("DÍA", "AHORA"), help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if arguments.child:
        child(*arguments.child)
        return 0

    url = common.database_url(DEFAULT_NAME)
    common.recreate_database(url)
    common.setup_django(url)
    common.load_base()

    from django.utils import timezone

    rows, made = [], False
    for scale in sorted(arguments.scales):
        grown = common.grow_to(scale)
        records = common.published_record_count()
        print(f"== {scale}×: {records} registros publicados (generados en {grown:.1f} s)", file=sys.stderr)
        if not made:
            confirmed_at = timezone.now() - datetime.timedelta(days=2)
            start = time.perf_counter()
            add_subscriptions(max(arguments.subscriptions), confirmed_at)
            made = True
            print(f"   {max(arguments.subscriptions):,} suscripciones en {time.perf_counter() - start:.1f} s",
                  file=sys.stderr)
        opened = timezone.now()
        open_window(opened)
        changes = make_changes(
            published=arguments.published, edited=arguments.edited, withdrawn=arguments.withdrawn, day=scale,
        )
        now = timezone.now()
        print(f"   cambios en la ventana: {changes}", file=sys.stderr)
        for count in sorted(arguments.subscriptions):
            serve_only(count, confirmed_at)
            measurement = measure_in_child(now.date(), now)
            discard_run(now.date())
            rows.append((scale, records, changes, measurement))
            print(f"   {count:,} suscripciones ({targets_followed()}): {measurement.seconds:.1f} s, "
                  f"{measurement.emails} correos, {measurement.queries} consultas", file=sys.stderr)
            for shape, n, spent in measurement.shapes[:8]:
                print(f"      {spent:>6.1f} s {n:>7}× {shape}", file=sys.stderr)

    print("\nUn envío diario de resúmenes de seguimiento (tareas en el proceso, correo locmem)\n")
    print(table(rows))
    checks = verdicts([(scale, m) for scale, _r, _c, m in rows])
    print(f"\nConsultas por suscripción constantes (±{TOLERANCE:.0%}):")
    for ok, text in checks:
        print(f"{'✓' if ok else '✗'} {text}")
    if arguments.json:
        arguments.json.write_text(json.dumps([
            {"scale": scale, "records": records, "changes": changes, **asdict(m)} for scale, records, changes, m in rows
        ], indent=2, ensure_ascii=False))
    return 0 if all(ok for ok, _ in checks) else 1


if __name__ == "__main__":
    sys.exit(main())
