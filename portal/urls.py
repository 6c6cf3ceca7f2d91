from django.urls import path

from cdmx_global.history import RecordHistoryView
from cdmx_global.selectors import published_counterparts_alone

from .views import home, places, timeline

app_name = "portal"

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("acerca/", home.AboutView.as_view(), name="about"),
    path("cronologia/", timeline.TimelineView.as_view(), name="timeline"),
    path("contrapartes/", places.CounterpartListView.as_view(), name="counterpart_list"),
    path("contrapartes/<slug:slug>/", places.CounterpartDetailView.as_view(), name="counterpart_detail"),
    path(
        "contrapartes/<slug:slug>/historial/",
        RecordHistoryView.as_view(queryset=published_counterparts_alone(), list_url_name="portal:counterpart_list"),
        name="counterpart_history",
    ),
    path("paises/", places.CountryListView.as_view(), name="country_list"),
    path("paises/<str:code>/", places.CountryDetailView.as_view(), name="country_detail"),
]
