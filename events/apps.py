from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Visitas, eventos y premios")

    def ready(self):
        from cdmx_global.deadlines import register_section

        from .deadlines import TRIP_REPORTS_DUE, TRIP_REPORTS_LATE

        register_section(TRIP_REPORTS_LATE)
        register_section(TRIP_REPORTS_DUE)
