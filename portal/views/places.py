"""Counterparts and countries: the published records linked to each, and
each country's and counterpart's page as an Atom feed (``?formato=atom``)."""

from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from cdmx_global.feeds import FEED_FORMAT, FORMAT_PARAMETER, ListFeed, RecordFeedItems
from cdmx_global.filters import CounterpartFilterSet
from cdmx_global.listing import RecordListView
from cdmx_global.selectors import published_counterpart_details, published_counterparts
from cdmx_global.withdrawn import PublicRecordMixin

from .. import places


class CounterpartListView(RecordListView):
    filterset_class = CounterpartFilterSet
    template_name = "portal/counterpart_list.html"

    def get_queryset(self):
        return published_counterparts()


class PlaceFeedMixin(RecordFeedItems):
    """A page of the records linked to one place or counterpart that is, with
    ``?formato=atom``, the Atom feed of the records it shows (``ListFeed``),
    and links that feed. Subclasses give ``place_name()`` and ``feed_subtitle()``."""

    def wants_feed(self) -> bool:
        return self.request.GET.get(FORMAT_PARAMETER) == FEED_FORMAT

    def feed_title(self) -> str:
        return _("CDMX Global: la Ciudad de México con %(name)s") % {"name": self.place_name()}

    def feed_link(self) -> str:
        return self.request.path

    def feed_context(self) -> dict:
        return {"feed_url": f"{self.request.path}?{FORMAT_PARAMETER}={FEED_FORMAT}", "feed_title": self.feed_title()}


class CounterpartDetailView(PublicRecordMixin, PlaceFeedMixin, DetailView):
    list_url_name = "portal:counterpart_list"
    template_name = "portal/counterpart_detail.html"
    context_object_name = "counterpart"

    def get_queryset(self):
        return published_counterpart_details()

    def get(self, request, *args, **kwargs):
        if not self.wants_feed():
            return super().get(request, *args, **kwargs)
        self.object = self.get_object()
        return ListFeed(self, places.counterpart_feed_records(self.object))(request)

    def place_name(self) -> str:
        return self.object.name

    def feed_subtitle(self) -> str:
        return _(
            "Lo que muestra la página de la contraparte: sus acuerdos, acciones, visitas, eventos, premios "
            "y redes publicados, del publicado más recientemente al más antiguo."
        )

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.feed_context(), **kwargs)


class CountryListView(TemplateView):
    template_name = "portal/country_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(countries=places.country_rows(), **kwargs)


class CountryDetailView(PlaceFeedMixin, TemplateView):
    template_name = "portal/country_detail.html"

    def get(self, request, *args, code, **kwargs):
        if code != code.lower():
            # The feed's address, too, keeps its query string.
            url = reverse("portal:country_detail", kwargs={"code": code.lower()})
            return redirect(f"{url}?{request.GET.urlencode()}" if request.GET else url, permanent=True)
        if code.upper() not in countries:
            raise Http404
        self.records = places.country_records(code.upper())
        # A country page exists only where the public record reaches: the
        # list links just those, and an empty page for each of the other
        # codes would be a page of nothing (and would tell apart a country
        # with only unpublished records from one with none, were it to say so).
        if self.records.is_empty:
            raise Http404
        if self.wants_feed():
            return ListFeed(self, places.country_feed_records(self.records))(request)
        return self.render_to_response(
            self.get_context_data(records=self.records, country=self.records.country, **self.feed_context(), **kwargs)
        )

    def place_name(self) -> str:
        return self.records.country.name

    def feed_subtitle(self) -> str:
        return _(
            "Lo que muestra la página del país: en cada sección (contrapartes, acuerdos, acciones, visitas, "
            "premios y eventos), los primeros %(size)s registros publicados; del publicado más recientemente "
            "al más antiguo."
        ) % {"size": places.COUNTRY_SECTION_SIZE}
