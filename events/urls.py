from django.urls import path

from . import views
from .calendar import calendar_view

app_name = "events"

urlpatterns = [
    path("eventos/", views.EventListView.as_view(), name="event_list"),
    path("eventos/calendario.ics", calendar_view, name="calendar"),
    path("eventos/<int:pk>/", views.EventDetailView.as_view(), name="event_detail"),
    path("visitas/", views.VisitListView.as_view(), name="visit_list"),
    path("visitas/<int:pk>/", views.VisitDetailView.as_view(), name="visit_detail"),
    path("premios/", views.AwardListView.as_view(), name="award_list"),
    path("premios/<int:pk>/", views.AwardDetailView.as_view(), name="award_detail"),
]
