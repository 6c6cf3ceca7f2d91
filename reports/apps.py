from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Informes semestrales")

    def ready(self):
        from django.tasks.signals import task_enqueued, task_finished

        from .builds import build_finished, build_requeued

        task_finished.connect(build_finished, dispatch_uid="reports-build-finished")
        task_enqueued.connect(build_requeued, dispatch_uid="reports-build-requeued")
