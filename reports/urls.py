from django.urls import path
from django.views.generic import TemplateView

app_name = "reports"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("", placeholder, name="archive"),
    path("feed/", placeholder, name="feed"),
]
