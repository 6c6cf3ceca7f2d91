from django.urls import path

from cdmx_global.history import RecordHistoryView

from . import views
from .calendar import calendar_view
from .selectors import published_awards_alone, published_events_alone, published_visits_alone

app_name = "events"

urlpatterns = [
    path("eventos/", views.EventListView.as_view(), name="event_list"),
    path("eventos/calendario.ics", calendar_view, name="calendar"),
    path("eventos/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path(
        "eventos/<int:pk>/historial/",
        RecordHistoryView.as_view(queryset=published_events_alone(), list_url_name="events:event_list"),
        name="event_history",
    ),
    path("visitas/", views.VisitListView.as_view(), name="visit_list"),
    path("visitas/<int:pk>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path(
        "visitas/<int:pk>/historial/",
        RecordHistoryView.as_view(queryset=published_visits_alone(), list_url_name="events:visit_list"),
        name="visit_history",
    ),
    path("premios/", views.AwardListView.as_view(), name="award_list"),
    path("premios/<int:pk>/", views.AwardDetailView.as_view(), name="award_detail"),
    path(
        "premios/<int:pk>/historial/",
        RecordHistoryView.as_view(queryset=published_awards_alone(), list_url_name="events:award_list"),
        name="award_history",
    ),
]
