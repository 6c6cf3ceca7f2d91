"""The Atom feed of newly published agreements."""

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cdmx_global.feeds import ListFeed, RecordAtomFeed, text_languages, with_withdrawals
from cdmx_global.translation import translated
from cdmx_global.withdrawn import Withdrawal

from .models import Agreement

from .selectors import recently_published_agreements


class RecentAgreementsFeed(Feed):
    feed_type = RecordAtomFeed
    title = _("CDMX Global: acuerdos publicados recientemente")
    subtitle = _("Los últimos acuerdos internacionales de la Ciudad de México publicados en el registro.")

    def link(self):
        return reverse("agreements:list")

    def feed_url(self):
        return reverse("agreements:feed")

    size = 20

    def items(self):
        # And the agreements withdrawn in the same window: «Retirado: <title>».
        return with_withdrawals(recently_published_agreements(self.size), Agreement, self.size)

    def item_title(self, item):
        return item.feed_title if isinstance(item, Withdrawal) else translated(item, "title")

    def item_description(self, item):
        return item.feed_summary if isinstance(item, Withdrawal) else translated(item, "purpose")

    def item_extra_kwargs(self, item):
        return text_languages(self.item_title(item), self.item_description(item))

    def item_pubdate(self, item):
        return item.at if isinstance(item, Withdrawal) else item.published_at or item.updated_at

    def item_updateddate(self, item):
        return self.item_pubdate(item)

    def item_author_name(self, item):
        # A withdrawal's entry shows nothing of its record but the notice: the portal's editor signs it.
        return str(ListFeed.author_name) if isinstance(item, Withdrawal) else str(item.body)
