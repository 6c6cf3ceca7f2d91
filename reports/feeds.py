"""The Atom feed of the published semiannual reports."""

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _


class ReportFeed(Feed):
    feed_type = Atom1Feed
    title = _("CDMX Global: informes semestrales al Congreso")
    subtitle = _(
        "Los informes semestrales de los acuerdos y acciones internacionales del Gobierno de la Ciudad de México "
        "(Constitución Política de la Ciudad de México, art. 20, numeral 8)."
    )
    link = reverse_lazy("reports:archive")
    # Atom wants an author for the feed when its entries give none.
    author_name = _("Coordinación General de Asuntos Internacionales del Gobierno de la Ciudad de México")

    def items(self):
        # Empty until the semiannual-report issue adds the report model; it
        # fills this with the published reports, newest first.
        return []
