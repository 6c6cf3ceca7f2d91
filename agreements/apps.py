from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    name = "agreements"
    verbose_name = _("Acuerdos internacionales")

    def ready(self):
        from cdmx_global.deadlines import register_section

        from .deadlines import ENDING_SOON, PAST_END

        register_section(ENDING_SOON)
        register_section(PAST_END)
