from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CdmxGlobalConfig(AppConfig):
    name = "cdmx_global"
    verbose_name = _("Catálogos y contrapartes")

    def ready(self):
        from . import pagecache

        pagecache.connect()
