"""The home page and the about page."""

from django.views.generic import TemplateView


class HomeView(TemplateView):
    template_name = "portal/home.html"


class AboutView(TemplateView):
    template_name = "portal/about.html"
