from django.urls import path

from cdmx_global.history import RecordHistoryView

from . import views
from .selectors import published_networks_alone

app_name = "networks"

urlpatterns = [
    path("", views.NetworkListView.as_view(), name="list"),
    path("cargos/", views.PositionListView.as_view(), name="position_list"),
    path("<slug:slug>/", views.NetworkDetailView.as_view(), name="detail"),
    path(
        "<slug:slug>/historial/",
        RecordHistoryView.as_view(queryset=published_networks_alone(), list_url_name="networks:list"),
        name="history",
    ),
]
