from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The public portal: the pages that gather every kind of record (home,
    search, map, timeline, counterparts and countries, about, sitemap)."""

    name = "portal"
    verbose_name = _("Portal público")
