from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OpenDataConfig(AppConfig):
    name = "opendata"
    verbose_name = _("Datos abiertos")

    def ready(self):
        from cdmx_global.pagecache import generation_changed

        from .warming import generation_changed as warm_after_change

        generation_changed.connect(warm_after_change, dispatch_uid="opendata-warm-downloads")
