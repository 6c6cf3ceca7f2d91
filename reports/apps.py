from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Informes semestrales")

    def ready(self):
        from cdmx_global.record_sections import RecordSection, register_record_section

        from .public_evaluations import agreement_evaluations

        register_record_section(RecordSection(
            key="reports.evaluations", model_label="agreements.Agreement",
            template_name="reports/_agreement_evaluations.html", context=agreement_evaluations,
        ))

        from .open_data import register

        register()

        from django.tasks.signals import task_enqueued, task_finished

        from .builds import build_finished, build_requeued

        task_finished.connect(build_finished, dispatch_uid="reports-build-finished")
        task_enqueued.connect(build_requeued, dispatch_uid="reports-build-requeued")
