"""The Atom feed of the published semiannual reports: one entry per published version."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cdmx_global.conditional import untracked
from cdmx_global.partial_dates import DatePrecision, format_partial_date

from .selectors import published_reports


def _day(value: datetime.date) -> str:
    # As the portal writes days («15 de enero de 2018»; Django's format capitalises Spanish months).
    return format_partial_date(value, DatePrecision.DAY)


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

    def __call__(self, request, *args, **kwargs):
        # Reports are not in the public change log: no Last-Modified (cdmx_global.conditional).
        return untracked(super().__call__(request, *args, **kwargs))

    def items(self):
        # Newest first by publication: a correction of an old semester is news too.
        return published_reports().order_by("-published_at", "-year", "-half", "-version")

    def item_title(self, report):
        return gettext("Informe semestral %(period)s (versión %(version)s)") % {
            "period": report.semester, "version": report.version,
        }

    def item_description(self, report):
        summary = gettext("Entregado al Congreso el %(date)s con el oficio %(reference)s.") % {
            "date": _day(report.delivered_on), "reference": report.delivery_reference,
        }
        if report.corrects is not None:
            summary += " " + gettext("Corrige la versión %(version)s: %(note)s") % {
                "version": report.corrects.version, "note": report.correction_note,
            }
        # Atom's summary is HTML: a «<» in the note must read as text.
        return escape(summary)

    def item_pubdate(self, report):
        return report.published_at

    def item_updateddate(self, report):
        return report.published_at
