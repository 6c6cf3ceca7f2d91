from django.urls import path
from django.views.generic import TemplateView

app_name = "networks"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("", placeholder, name="list"),
    path("cargos/", placeholder, name="position_list"),
    path("<slug:slug>/", placeholder, name="detail"),
]
