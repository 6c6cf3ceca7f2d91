from django.urls import path
from django.views.generic import TemplateView

app_name = "search"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("", placeholder, name="results"),
]
