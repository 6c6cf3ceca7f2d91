from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search index over every kind of published record."""

    name = "search"
    verbose_name = _("Búsqueda")

    def ready(self):
        from . import signals

        signals.connect()
