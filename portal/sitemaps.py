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

from agreements.models import Action, Agreement
from cdmx_global.models import Counterpart
from events.models import Award, Event, Visit
from networks.models import Network

from .places import country_rows


class LocalisedSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class RecordSitemap(LocalisedSitemap):
    """The detail pages of one model's published records."""

    model = None

    def items(self):
        return self.model.objects.published().order_by("pk")

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
        name: type(f"{model.__name__}Sitemap", (RecordSitemap,), {"model": model})
        for name, model in {
            "agreements": Agreement,
            "actions": Action,
            "counterparts": Counterpart,
            "networks": Network,
            "events": Event,
            "visits": Visit,
            "awards": Award,
        }.items()
    },
}
