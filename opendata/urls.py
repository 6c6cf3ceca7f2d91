"""/datos/: the open-data page, the bulk downloads and their data package."""

from django.urls import path
from django.views.generic import TemplateView

app_name = "opendata"

urlpatterns = [
    path("", TemplateView.as_view(template_name="opendata/index.html"), name="index"),
]
