"""The public pages of networks and of the positions the city holds in them."""

from django.views.generic import DetailView

from cdmx_global.listing import RecordListView
from cdmx_global.withdrawn import PublicRecordMixin

from .filters import NetworkFilterSet, PositionFilterSet
from .selectors import published_networks, published_positions


class NetworkListView(RecordListView):
    filterset_class = NetworkFilterSet
    template_name = "networks/network_list.html"

    def get_queryset(self):
        return published_networks()


class NetworkDetailView(PublicRecordMixin, DetailView):
    list_url_name = "networks:list"
    template_name = "networks/network_detail.html"
    context_object_name = "network"

    def get_queryset(self):
        return published_networks()


class PositionListView(RecordListView):
    filterset_class = PositionFilterSet
    template_name = "networks/position_list.html"

    def get_queryset(self):
        return published_positions()
