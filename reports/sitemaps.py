"""The published reports' pages in the sitemap.

``portal`` imports nothing from reports, so the composition root
(``config.urls``) adds this to the portal's sitemaps.
"""

from django.contrib.sitemaps import Sitemap

from .models import Report


class ReportSitemap(Sitemap):
    # As the portal's own sitemaps: each page in every language, with hreflang alternates.
    i18n = True
    alternates = True
    x_default = True

    def items(self):
        return Report.objects.published().order_by("-year", "-half", "-version")

    def lastmod(self, report):
        return report.published_at


SITEMAPS = {"reports": ReportSitemap}
