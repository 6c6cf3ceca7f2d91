"""Atom feeds of the public lists: one Feed class, parameterised by the list view.

A list's feed (``<list>?formato=atom&<its filters>``) has exactly the entries of
the list's first page: the same FilterSet, the same published-only selector,
the same ordering and page size. The view tells the feed how to title, link,
summarise and date an entry (``RecordListView.feed_item_*``). A country's or a
counterpart's page gives the same feed of the records it shows, of several
kinds (``RecordFeedItems``, ``newest_published_first``).
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

FEED_FORMAT = "atom"
#: The query parameter that asks a list for its feed.
FORMAT_PARAMETER = "formato"

# The first of these a record has, and fills, is its summary.
SUMMARY_FIELDS = ("summary", "purpose", "description", "recognised_for", "notes")


def record_summary(record) -> str:
    for field in SUMMARY_FIELDS:
        value = getattr(record, field, "")
        if value:
            return str(value)
    return ""


def record_updated(record):
    return getattr(record, "published_at", None) or record.updated_at


def newest_published_first(records) -> list:
    """``records`` of any kinds, the most recently published first (by
    ``record_updated``), those published at the same moment by title."""
    return sorted(sorted(records, key=str), key=record_updated, reverse=True)


class RecordFeedItems:
    """How a feed of records titles, links, summarises and dates each one: a
    mixin for the views that are a ``ListFeed``'s ``source``."""

    def feed_item_title(self, item) -> str:
        return str(item)

    def feed_item_link(self, item) -> str:
        return item.get_absolute_url()

    def feed_item_summary(self, item) -> str:
        return record_summary(item)

    def feed_item_updated(self, item):
        return record_updated(item)

    def feed_item_published(self, item):
        return record_updated(item)


class ListFeed(Feed):
    """The Atom feed of ``entries`` (already selected), described by ``source``:
    an object with ``request``, ``feed_title()``, ``feed_link()`` and
    ``feed_item_title``, ``feed_item_link``, ``feed_item_summary``,
    ``feed_item_published`` and ``feed_item_updated`` (``RecordFeedItems``
    gives a record's); ``feed_subtitle()``, if it has one, says what the
    feed holds."""

    feed_type = Atom1Feed
    # Atom wants an author for the feed when its entries give none.
    author_name = _("Coordinación General de Asuntos Internacionales del Gobierno de la Ciudad de México")

    def __init__(self, source, entries):
        super().__init__()
        self.source = source
        self.entries = list(entries)

    def __call__(self, request, *args, **kwargs):
        # The feed is built from what the view selected, not looked up again.
        feed = self.get_feed(None, request)
        response = HttpResponse(content_type=feed.content_type)
        feed.write(response, "utf-8")
        return response

    def title(self):
        return self.source.feed_title()

    def link(self):
        return self.source.feed_link()

    def subtitle(self):
        subtitle = getattr(self.source, "feed_subtitle", None)
        return subtitle() if subtitle else None

    def feed_url(self):
        return self.source.request.get_full_path()

    def items(self):
        return self.entries

    def item_title(self, item):
        return self.source.feed_item_title(item)

    def item_link(self, item):
        return self.source.feed_item_link(item)

    def item_description(self, item):
        # Atom's summary is HTML: a «<» in the text must read as text.
        return escape(self.source.feed_item_summary(item))

    def item_pubdate(self, item):
        return self.source.feed_item_published(item)

    def item_updateddate(self, item):
        return self.source.feed_item_updated(item)


def feed_query_string(query) -> str:
    """The list's query string (``request.GET``) made into its feed's: the
    same filters, no page, the format."""
    query = query.copy()
    query.pop("page", None)
    query[FORMAT_PARAMETER] = FEED_FORMAT
    return query.urlencode()
