from django.urls import path
from django.views.generic import TemplateView

from .views import home

app_name = "portal"

placeholder = TemplateView.as_view(template_name="portal/placeholder.html")

urlpatterns = [
    path("", home.HomeView.as_view(), name="home"),
    path("acerca/", home.AboutView.as_view(), name="about"),
    path("cronologia/", placeholder, name="timeline"),
    path("contrapartes/", placeholder, name="counterpart_list"),
    path("contrapartes/<slug:slug>/", placeholder, name="counterpart_detail"),
    path("paises/", placeholder, name="country_list"),
    path("paises/<str:code>/", placeholder, name="country_detail"),
]
