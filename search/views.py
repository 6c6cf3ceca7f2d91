"""The search page: one box over every kind of published record."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from django.utils.translation import gettext as _

from cdmx_global.listing import RecordListView
from cdmx_global.translation import translated

from .filters import MAX_QUERY_LENGTH, SearchEntryFilterSet
from .selectors import search_entries


class SearchView(RecordListView):
    """``/buscar/?q=…&kind=…``: ranked results, each with its kind, and the
    number of results of each kind."""

    template_name = "search/results.html"
    filterset_class = SearchEntryFilterSet
    context_object_name = "entries"

    def get_queryset(self):
        return search_entries()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = " ".join(self.request.GET.get("q", "").split())
        context["search_query"] = query[:MAX_QUERY_LENGTH]
        context["message"] = self.message(query, context["result_count"])
        context["selected_kind"] = self.filterset.form.cleaned_data.get("kind", "") if self.filterset.is_valid() else ""
        context["total_count"] = sum(option.count for facet in context["facets"] for option in facet.options)
        if not context["total_count"]:
            context["facets"] = []
        for entry in context["entries"]:
            entry.link = self.feed_item_link(entry)
        return context

    def feed_title(self) -> str:
        query = " ".join(self.request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        return _("CDMX Global: búsqueda «%(query)s»") % {"query": query}

    def feed_item_title(self, entry) -> str:
        # The entry's reviewed English title on an English page, where it has one.
        return str(translated(entry, "title"))

    def feed_item_summary(self, entry) -> str:
        return str(translated(entry, "summary"))

    def feed_item_updated(self, entry):
        # The entry keeps its record's dates, so the feed reads no record.
        return entry.updated_at

    def feed_item_published(self, entry):
        return entry.published_at

    def feed_item_link(self, entry) -> str:
        # Entries store the address in the site's language (no prefix), which
        # resolves only while that language is active; the English page links to /en/….
        language = translation.get_language()
        with translation.override(settings.LANGUAGE_CODE):
            return translate_url(entry.url, language)

    def message(self, query: str, result_count: int) -> str:
        """What to tell the person when there is nothing to list."""
        if not self.filterset.is_valid():
            return " ".join(error for errors in self.filterset.form.errors.values() for error in errors)
        if not query:
            return _("Escriba una o más palabras para buscar en los acuerdos, redes, visitas, eventos y premios publicados.")
        if not self.filterset.terms:
            return _("«%(query)s» no tiene palabras que buscar; pruebe con otras.") % {"query": query}
        if not result_count:
            return _("Ningún registro publicado coincide con «%(query)s».") % {"query": query}
        return ""
