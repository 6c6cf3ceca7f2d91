"""The sitemap: every published record's page, in each language."""

SITEMAPS = {}
