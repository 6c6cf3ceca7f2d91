"""The Atom feed of newly published agreements."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cdmx_global.feeds import RecordAtomFeed, text_languages
from cdmx_global.translation import translated

from .selectors import recently_published_agreements


class RecentAgreementsFeed(Feed):
    feed_type = RecordAtomFeed
    title = _("CDMX Global: acuerdos publicados recientemente")
    subtitle = _("Los últimos acuerdos internacionales de la Ciudad de México publicados en el registro.")

    def link(self):
        return reverse("agreements:list")

    def feed_url(self):
        return reverse("agreements:feed")

    def items(self):
        return recently_published_agreements()

    def item_title(self, item):
        return translated(item, "title")

    def item_description(self, item):
        return translated(item, "purpose")

    def item_extra_kwargs(self, item):
        return text_languages(self.item_title(item), self.item_description(item))

    def item_pubdate(self, item):
        return item.published_at or item.updated_at

    def item_updateddate(self, item):
        return item.published_at or item.updated_at

    def item_author_name(self, item):
        return str(item.body)
