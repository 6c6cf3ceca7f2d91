"""Atom feeds of the public lists: one Feed class, parameterised by the list view.

A list's feed (``<list>?formato=atom&<its filters>``) has exactly the entries of
the list's first page: the same FilterSet, the same published-only selector,
the same ordering and page size. The view tells the feed how to title, link,
summarise and date an entry (``RecordListView.feed_item_*``). A country's or a
counterpart's page gives the same feed of the records it shows, of several
kinds (``RecordFeedItems``, ``newest_published_first``).

On an English page a feed gives each record's title and summary in English
where the record has a public translation (``translated``), and an entry or a
summary shown in Spanish says so (``xml:lang="es"``); a Spanish feed is as it
always was.
"""

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from .translation import ENGLISH, Text, page_language, translated, translated_fields
from .withdrawn import Withdrawal, recent_withdrawals

FEED_FORMAT = "atom"
#: The query parameter that asks a list for its feed.
FORMAT_PARAMETER = "formato"

# The first of these a record has, and fills, is its summary.
SUMMARY_FIELDS = ("summary", "purpose", "description", "recognised_for", "notes")
# The first of these a record translates names it.
TITLE_FIELDS = ("title", "name")


def record_title(record) -> str:
    """``str(record)``, with its title or name in the page's language where the
    record has a public translation: a ``Text``, which says its language."""
    shown = str(record)
    fields = translated_fields(record)
    field = next((name for name in TITLE_FIELDS if name in fields), None)
    if field is None:
        return shown
    text = translated(record, field)
    spanish = getattr(record, field)
    # A ``str`` that follows the page's language (a counterpart's name with its
    # country) already starts with the English text; one that doesn't (an
    # agreement's title, a position's with its network) has it put in.
    if text.language == ENGLISH and not shown.startswith(text) and shown.startswith(spanish):
        shown = text + shown[len(spanish):]
    return Text(shown, text.language)


def record_summary(record) -> str:
    for field in SUMMARY_FIELDS:
        value = getattr(record, field, "")
        if value:
            return translated(record, field) if field in translated_fields(record) else str(value)
    return ""


def record_updated(record):
    return getattr(record, "published_at", None) or record.updated_at


def newest_published_first(records) -> list:
    """``records`` of any kinds, the most recently published first (by
    ``record_updated``), those published at the same moment by title."""
    return sorted(sorted(records, key=str), key=record_updated, reverse=True)


class RecordFeedItems:
    """How a feed of records titles, links, summarises and dates each one: a
    mixin for the views that are a ``ListFeed``'s ``source``. A withdrawn
    record's entry (``Withdrawal``) is «Retirado: <title>» with its public reason."""

    def feed_item_title(self, item) -> str:
        return item.feed_title if isinstance(item, Withdrawal) else record_title(item)

    def feed_item_link(self, item) -> str:
        return item.get_absolute_url()

    def feed_item_summary(self, item) -> str:
        return item.feed_summary if isinstance(item, Withdrawal) else record_summary(item)

    def feed_item_updated(self, item):
        return item.at if isinstance(item, Withdrawal) else record_updated(item)

    def feed_item_published(self, item):
        return item.at if isinstance(item, Withdrawal) else record_updated(item)


def with_withdrawals(entries, model, size: int) -> list:
    """A feed's ``entries`` (records of ``model``) and, after them, the withdrawals of
    ``model``'s records in the feed's window: since its oldest entry when it is full
    (``size`` entries), else all of them; at most ``size``."""
    entries = list(entries)
    since = min((record_updated(entry) for entry in entries), default=None) if len(entries) >= size else None
    return [*entries, *recent_withdrawals(model, since=since, limit=size)]


def text_languages(title, summary) -> dict:
    """The keyword arguments of a feed's item that give its title's and
    summary's languages (``RecordAtomFeed``), for those that know it (``Text``)."""
    return {
        "title_language": getattr(title, "language", None) if title else None,
        "summary_language": getattr(summary, "language", None) if summary else None,
    }


class _SummaryLanguage:
    """The XML writer of one entry, whose summary says its own language."""

    def __init__(self, handler, language: str):
        self.handler, self.language = handler, language

    def addQuickElement(self, name, contents=None, attrs=None):
        if name == "summary":
            attrs = {**(attrs or {}), "xml:lang": self.language}
        return self.handler.addQuickElement(name, contents, attrs)

    def __getattr__(self, name):
        return getattr(self.handler, name)


class RecordAtomFeed(Atom1Feed):
    """Atom whose entries (and summaries) say their language where it is not
    the feed's: on an English feed, a record shown in Spanish. The languages
    come with each item (``text_languages``)."""

    def _entry_language(self, item) -> str:
        return item.get("title_language") or page_language(self.feed["language"])

    def item_attributes(self, item):
        attributes = super().item_attributes(item)
        language = self._entry_language(item)
        if language != page_language(self.feed["language"]):
            attributes["xml:lang"] = language
        return attributes

    def add_item_elements(self, handler, item):
        summary_language = item.get("summary_language")
        if summary_language and summary_language != self._entry_language(item):
            handler = _SummaryLanguage(handler, summary_language)
        super().add_item_elements(handler, item)


class ListFeed(Feed):
    """The Atom feed of ``entries`` (already selected), described by ``source``:
    an object with ``request``, ``feed_title()``, ``feed_link()`` and
    ``feed_item_title``, ``feed_item_link``, ``feed_item_summary``,
    ``feed_item_published`` and ``feed_item_updated`` (``RecordFeedItems``
    gives a record's); ``feed_subtitle()``, if it has one, says what the
    feed holds."""

    feed_type = RecordAtomFeed
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

    def item_extra_kwargs(self, item):
        return text_languages(self.source.feed_item_title(item), self.source.feed_item_summary(item))

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
