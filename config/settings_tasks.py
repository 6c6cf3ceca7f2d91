"""The settings of the background work, read from the environment
(docs/operacion.md, «Trabajo en segundo plano»; config/settings.py takes
them all)."""

import os

# Background work (docs/operacion.md, «Trabajo en segundo plano»): Django's
# task API on the database, run by ``manage.py run_worker``. Nothing else to
# install or run: the queue is a table in the same database.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A worker writes that it is alive this often; one silent this long is taken
# for dead and the task it was running is tried again.
TASK_HEARTBEAT_SECONDS = float(os.environ.get("TASK_HEARTBEAT_SECONDS", "5"))
TASK_WORKER_TIMEOUT_SECONDS = float(os.environ.get("TASK_WORKER_TIMEOUT_SECONDS", "60"))
# A failed try waits this long before the next, doubling each time, up to the maximum.
TASK_RETRY_DELAY_SECONDS = float(os.environ.get("TASK_RETRY_DELAY_SECONDS", "10"))
TASK_RETRY_MAX_DELAY_SECONDS = float(os.environ.get("TASK_RETRY_MAX_DELAY_SECONDS", "3600"))
# How many processes lay out a long report's PDF at once (reports/pdf/workers.py),
# each holding one part of the HTML while it is laid out (about 0.3 GB at
# most); 1 lays the parts out one at a time in the worker itself.
REPORT_PDF_PROCESSES = int(os.environ.get("REPORT_PDF_PROCESSES", str(min(2, os.cpu_count() or 1))))
# What the workers queue on their own, daily at a local time.
TASK_SCHEDULES = {
    "resumen-de-plazos": {"task": "cdmx_global.tasks.send_deadline_digests", "at": os.environ.get("DIGEST_TIME", "07:00")},
    # The kept downloads age out after DOWNLOAD_CACHE_SECONDS even without changes: made again each night.
    "descargas": {"task": "opendata.warming.warm_downloads_daily", "at": "03:30"},
    "limpieza": {"task": "background.housekeeping.prune_queue", "at": "04:00"},
    # Following by email: the daily alerts (and the weekly ones on Mondays).
    "seguimiento": {"task": "following.digest.send_digests", "at": os.environ.get("FOLLOW_DIGEST_TIME", "07:30")},
    # «Reportar un error»: the readers' addresses kept past ERROR_REPORT_RETENTION_DAYS are blanked.
    "reportes": {"task": "feedback.housekeeping.forget_report_addresses", "at": "04:15"},
}
# How long the queue keeps a task finished well, and an email sent (it holds addresses).
TASK_KEEP_DAYS = int(os.environ.get("TASK_KEEP_DAYS", "30"))
EMAIL_KEEP_DAYS = int(os.environ.get("EMAIL_KEEP_DAYS", "90"))
# How long after a change the workers wait before making the downloads again
# (changes in a burst are made once, after the last).
DOWNLOAD_WARM_DELAY_SECONDS = float(os.environ.get("DOWNLOAD_WARM_DELAY_SECONDS", "10"))

# SQLite, the embedded default, is written by the web server's processes and
# the task worker at once: write-ahead logging lets readers go on while one
# writes, a write transaction takes its lock when it begins (no deadlock when
# two would upgrade a read), and a writer waits up to 20 s for its turn.
# SQLITE_JOURNAL_MODE=DELETE, where write-ahead logging can't be used (a
# network file system), keeps SQLite's journal of old and its deferred locks.
SQLITE_JOURNAL_MODE = os.environ.get("SQLITE_JOURNAL_MODE", "WAL").upper()
_WAL = SQLITE_JOURNAL_MODE == "WAL"
SQLITE_OPTIONS = {
    "init_command": f"PRAGMA journal_mode={SQLITE_JOURNAL_MODE};" + (" PRAGMA synchronous=NORMAL;" if _WAL else ""),
    "transaction_mode": "IMMEDIATE" if _WAL else None,
    "timeout": 20,
}
