from django.urls import path
from django.views.generic import TemplateView

app_name = "events"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("eventos/", placeholder, name="event_list"),
    path("eventos/<int:pk>/", placeholder, name="event_detail"),
    path("visitas/", placeholder, name="visit_list"),
    path("visitas/<int:pk>/", placeholder, name="visit_detail"),
    path("premios/", placeholder, name="award_list"),
    path("premios/<int:pk>/", placeholder, name="award_detail"),
]
