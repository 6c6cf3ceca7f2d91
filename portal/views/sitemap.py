"""The sitemap of every published record's page."""

from django.contrib.sitemaps.views import sitemap as sitemap_view

from ..sitemaps import SITEMAPS


def sitemap(request):
    return sitemap_view(request, sitemaps=SITEMAPS)
