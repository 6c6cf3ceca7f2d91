"""The sitemap of every published record's page."""

from django.contrib.sitemaps.views import sitemap as sitemap_view

from ..sitemaps import SITEMAPS


def sitemap(request, extra_sitemaps=None):
    """The portal's sitemaps, and those of apps the portal doesn't know
    (``extra_sitemaps``, given by the composition root)."""
    return sitemap_view(request, sitemaps={**SITEMAPS, **(extra_sitemaps or {})})
