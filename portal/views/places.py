"""Counterparts and countries: the published records linked to each."""

from django.http import Http404
from django.shortcuts import redirect
from django.views.generic import DetailView, TemplateView
from django_countries import countries

from cdmx_global.filters import CounterpartFilterSet
from cdmx_global.listing import RecordListView
from cdmx_global.selectors import published_counterpart_details, published_counterparts

from .. import places


class CounterpartListView(RecordListView):
    filterset_class = CounterpartFilterSet
    template_name = "portal/counterpart_list.html"

    def get_queryset(self):
        return published_counterparts()


class CounterpartDetailView(DetailView):
    template_name = "portal/counterpart_detail.html"
    context_object_name = "counterpart"

    def get_queryset(self):
        return published_counterpart_details()


class CountryListView(TemplateView):
    template_name = "portal/country_list.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(countries=places.country_rows(), **kwargs)


class CountryDetailView(TemplateView):
    template_name = "portal/country_detail.html"

    def get(self, request, *args, code, **kwargs):
        if code != code.lower():
            return redirect("portal:country_detail", code=code.lower(), permanent=True)
        if code.upper() not in countries:
            raise Http404
        records = places.country_records(code.upper())
        # A country page exists only where the public record reaches: the
        # list links just those, and an empty page for each of the other
        # codes would be a page of nothing (and would tell apart a country
        # with only unpublished records from one with none, were it to say so).
        if records.is_empty:
            raise Http404
        return self.render_to_response(self.get_context_data(records=records, country=records.country, **kwargs))
