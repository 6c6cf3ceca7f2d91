"""The Atom feed of newly published agreements."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .selectors import recently_published_agreements


class RecentAgreementsFeed(Feed):
    feed_type = Atom1Feed
    title = _("CDMX Global: acuerdos publicados recientemente")
    subtitle = _("Los últimos acuerdos internacionales de la Ciudad de México publicados en el registro.")

    def link(self):
        return reverse("agreements:list")

    def feed_url(self):
        return reverse("agreements:feed")

    def items(self):
        return recently_published_agreements()

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.purpose

    def item_pubdate(self, item):
        return item.published_at or item.updated_at

    def item_updateddate(self, item):
        return item.published_at or item.updated_at

    def item_author_name(self, item):
        return str(item.body)
