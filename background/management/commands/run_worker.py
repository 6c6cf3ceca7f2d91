"""The portal's worker: runs the queued tasks, retries them, takes over the
tasks of workers that died and queues the scheduled runs (``background.worker``).
``make run`` starts one beside the web server; docs/operacion.md says how
to run them in production."""

import os

from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand

from background.worker import Worker, new_worker_id


class Command(DatabaseWorkerCommand):
    help = (
        "Ejecuta las tareas en segundo plano (informes, correos, reindexación, descargas): las reintenta si fallan, "
        "retoma las de trabajadores detenidos y pone en cola las programadas. Ctrl-C lo detiene al terminar la tarea en curso."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        # The library draws its default id once, at import; ours names the machine and the process.
        parser.set_defaults(worker_id=None)
        parser.add_argument(
            "--no-schedules", action="store_false", dest="schedules",
            help="No poner en cola las tareas programadas (TASK_SCHEDULES): otro trabajador lo hace.",
        )

    def handle(self, *, verbosity, queue_name, interval, batch, backend_name, startup_delay, reload, max_tasks,
               worker_id, exclude_queues, schedules, **options):
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        worker_id = worker_id or new_worker_id()
        worker = Worker(
            queue_names=queue_name.split(","),
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=exclude_queues.split(",") if exclude_queues else [],
            schedules=schedules,
        )
        if reload:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
