from pathlib import Path

import pytest
from django.conf import settings as django_settings

# WhiteNoise looks for the collected static files on start; tests render pages
# from the apps' own static folders, so an empty folder is enough.
Path(django_settings.STATIC_ROOT).mkdir(exist_ok=True)
# The test client and the browser tests' live server speak plain HTTP, so the
# redirect to HTTPS is off before any of them is made; tests/config/test_security.py
# turns it back on. Every other production header stays as deployed.
django_settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(autouse=True)
def _test_settings(settings):
    """Tests read what a person reads (Spanish unless a test switches), pages
    render without a collectstatic run, and logging in doesn't spend a second
    hashing each password; pages are not cached unless a test asks."""
    settings.LANGUAGE_CODE = "es-mx"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Each test rolls the database back, and with it the content generation the
    # page cache keys on: tests of the cache turn it on (tests/cdmx_global/test_pagecache.py).
    settings.PAGE_CACHE_SECONDS = 0
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
