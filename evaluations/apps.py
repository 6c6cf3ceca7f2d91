from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluación de los acuerdos")

    def ready(self):
        from cdmx_global.deadlines import register_section

        from .deadlines import EVALUATIONS_MISSING

        register_section(EVALUATIONS_MISSING)
