"""The sitemap: every published record's page, in each language.

With ``i18n`` each page is listed once per language in ``LANGUAGES``: the
Spanish address without prefix (``i18n_patterns(prefix_default_language=False)``)
and the English one under ``/en/``, each with the other as its hreflang
alternate and the Spanish one as ``x-default``. Memberships, positions and
hosted offices have no page of their own (they are anchors on their
network's page), so they are not listed.
"""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from agreements.selectors import published_actions_alone, published_agreements_alone
from cdmx_global.selectors import published_counterparts_alone
from events.selectors import published_awards_alone, published_events_alone, published_visits_alone
from networks.selectors import published_networks_alone

from .places import country_rows


class LocalisedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class RecordSitemap(LocalisedSitemap):
    """The detail pages of one kind's published records, read by the selector ``records``."""

    records = None

    def items(self):
        return self.records().order_by("pk")

    def lastmod(self, record):
        return record.updated_at


class StaticSitemap(LocalisedSitemap):
    """The portal's fixed pages: home, lists, timeline, countries, report archive."""

    changefreq = "weekly"

    def items(self):
        return [
            "portal:home",
            "portal:about",
            "portal:timeline",
            "agreements:list",
            "agreements:un_conventions",
            "agreements:action_list",
            "networks:list",
            "networks:position_list",
            "events:visit_list",
            "events:event_list",
            "events:award_list",
            "portal:counterpart_list",
            "portal:country_list",
            "reports:archive",
        ]

    def location(self, name):
        return reverse(name)


class CountrySitemap(LocalisedSitemap):
    """The country pages: those the country list links, which have published records."""

    def items(self):
        return [row.slug for row in country_rows()]

    def location(self, code):
        return reverse("portal:country_detail", kwargs={"code": code})


SITEMAPS = {
    "pages": StaticSitemap,
    "countries": CountrySitemap,
    **{
        name: type(f"{name.title()}Sitemap", (RecordSitemap,), {"records": staticmethod(records)})
        for name, records in {
            "agreements": published_agreements_alone,
            "actions": published_actions_alone,
            "counterparts": published_counterparts_alone,
            "networks": published_networks_alone,
            "events": published_events_alone,
            "visits": published_visits_alone,
            "awards": published_awards_alone,
        }.items()
    },
}
